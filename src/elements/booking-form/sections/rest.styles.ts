import { css } from 'lit';

/**
 * The look of what shows only below the first screen (the error summary, the draft's line,
 * "Attach another file"): with the sections, not on the first screen (see BookingForm.styleRest).
 */
export const restStyles = css`
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
