import { css } from 'lit';

/**
 * The shared look of what no first screen shows (link buttons, disabled buttons, rows of
 * actions, isolated data): with `baseStyles` (styles.ts) in every element's styles, except the booking
 * form's, which adds it with the sections below its first screen (issue #16: the booking path's
 * bytes).
 */
export const controlStyles = css`
  button.link {
    background: none;
    border: 0;
    padding-inline: 0;
    color: var(--_primary);
    text-decoration: underline;
    min-block-size: 0;
  }
  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  bdi {
    unicode-bidi: isolate;
  }
`;
