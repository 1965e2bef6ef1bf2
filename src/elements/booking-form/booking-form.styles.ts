import { css } from 'lit';

export const bookingFormStyles = css`
  :host {
    max-inline-size: 48rem;
  }
  h3 {
    font-size: 1.15em;
    margin-block: calc(var(--_space) * 3) calc(var(--_space) * 1.5);
    padding-block-end: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .intro {
    color: var(--_muted);
    margin-block: 0 calc(var(--_space) * 2);
  }
  .prefixed {
    display: flex;
    align-items: stretch;
  }
  .prefix {
    display: inline-flex;
    align-items: center;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-inline-end: 0;
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
    background: var(--_subtle);
    font-weight: 600;
  }
  .prefixed input {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    min-inline-size: 0;
  }
  .error-summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 3);
  }
  .error-summary h3 {
    margin-block-start: 0;
    border: 0;
    color: var(--_error);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .draft-status {
    color: var(--_muted);
    font-size: 0.9em;
    min-block-size: 1.6em;
  }
  /* "Attach another file" keeps its room while not offered: choosing a file moves nothing below. */
  .add-file-row.unoffered {
    visibility: hidden;
  }
`;
