import { css } from 'lit';

export const bookingFormStyles = css`
  :host {
    max-inline-size: 48rem;
  }
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
`;
