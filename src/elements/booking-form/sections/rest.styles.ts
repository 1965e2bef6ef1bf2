import { css } from 'lit';

/**
 * The look of what shows only below the first screen (the parts the sections sit in, the error
 * summary, the draft's line, "Attach another file"): with the sections, not on the first screen
 * (see BookingForm.styleRest, which adopts it before the sections render).
 */
export const restStyles = css`
  /* The sections below the first screen: once each has been laid out in full (.parted, see
     skipPartsOffScreen), the browser neither lays out nor paints one while it is off screen, so a
     keystroke near the top costs a phone about what it costs in a short form (issue #16). The
     size each had is remembered (auto) and held while it is skipped. A part is laid out on its
     own from the start (flow-root), so skipping changes no spacing: its margins are the part's.
     The padding keeps a field's focus ring (3px, 2px off) inside the part's paint. */
  .part {
    display: flow-root;
    contain-intrinsic-size: auto 45rem;
    padding: 6px;
    margin-inline: -6px;
    margin-block: calc(var(--_space) * 3 - 6px) calc(var(--_space) * 2.5 - 6px);
  }
  .parted .part {
    content-visibility: auto;
  }
  .part > :first-child {
    margin-block-start: 0;
  }
  .part > :last-child {
    margin-block-end: 0;
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
