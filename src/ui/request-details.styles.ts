import { css } from 'lit';

/** The look of a `<dl class="review">` of request rows: label, value, action; stacked on phones. */
export const requestDetailsStyles = css`
  dl.review {
    margin: 0 0 calc(var(--_space) * 3);
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    border-block-start: 1px solid var(--_border);
  }
  dl.review > div {
    display: contents;
  }
  dl.review dt,
  dl.review dd {
    margin: 0;
    padding-block: var(--_space);
    border-block-end: 1px solid var(--_border);
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  dl.review dt {
    font-weight: 600;
    padding-inline-end: var(--_space);
  }
  dl.review dd.change {
    text-align: end;
  }
  ol.companions {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  ol.companions li + li {
    margin-block-start: var(--_space);
  }
  .pre-wrap {
    white-space: pre-wrap;
  }
  @media (max-width: 30rem) {
    dl.review {
      grid-template-columns: 1fr auto;
    }
    dl.review dt {
      grid-column: 1 / -1;
      border-block-end: 0;
      padding-block-end: 0;
    }
  }
`;
