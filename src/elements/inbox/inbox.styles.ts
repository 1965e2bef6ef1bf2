import { css } from 'lit';

export const inboxStyles = css`
  :host {
    max-inline-size: 56rem;
  }
  h3 {
    font-size: 1.15em;
    margin-block: calc(var(--_space) * 3) calc(var(--_space) * 1.5);
  }
  ul.requests {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  li.request {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    background: var(--_surface);
  }
  .number {
    font-size: 1.1em;
    font-weight: 700;
  }
  .meta,
  .service {
    color: var(--_muted);
  }
  .status {
    display: inline-block;
    border-radius: 999px;
    padding: 0 var(--_space);
    border: 1px solid currentColor;
    font-weight: 600;
    font-size: 0.9em;
  }
  .status-approved,
  .status-completed {
    color: var(--_success);
  }
  .status-rejected,
  .status-needs-documents {
    color: var(--_error);
  }
  .status-cancelled {
    color: var(--_muted);
  }
  button.danger {
    background: var(--_error);
    border-color: var(--_error);
    color: #fff;
  }
  .notice.cancel {
    margin-block: calc(var(--_space) * 2);
    display: grid;
    gap: var(--_space);
  }
  .notice.cancel h3,
  .notice.cancel p {
    margin: 0;
  }
  emirate-visit-pass {
    margin-block: calc(var(--_space) * 2);
  }
  .badge {
    background: var(--_primary);
    color: var(--_on-primary);
    border-radius: 999px;
    padding: 0 calc(var(--_space) * 1.25);
    font-weight: 700;
    font-size: 0.9em;
  }
  .pager {
    margin-block-start: calc(var(--_space) * 2);
  }
  .appointment {
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
  }
  .appointment h3 {
    margin-block-start: 0;
  }
  .appointment dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0;
  }
  .appointment dt {
    font-weight: 600;
  }
  .appointment dd {
    margin: 0;
  }
  ol.messages,
  ol.history {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    /* A column no message can widen, so a long unbroken word wraps with break-word. Not
       overflow-wrap: anywhere on a grid item: WebKit then measures the item's min-content at
       every character, and one 100 000-character word froze Safari for over a minute. */
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
  }
  .message {
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_subtle);
    border-inline-start: 4px solid var(--_border);
    overflow-wrap: break-word;
  }
  .message.from-staff {
    border-inline-start-color: var(--_primary);
  }
  .message p {
    margin-block: calc(var(--_space) / 2);
  }
  .who {
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul.attachments {
    margin-block: calc(var(--_space) / 2);
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  button.attachment[aria-busy='true'] {
    cursor: progress;
  }
  .notice.closed {
    margin-block: calc(var(--_space) * 3);
  }
  .notice.closed h3 {
    margin-block: 0 var(--_space);
  }
  .notice.closed p {
    margin-block: calc(var(--_space) / 2) 0;
  }
  emirate-reply-form {
    margin-block: calc(var(--_space) * 3);
    border-block: 1px solid var(--_border);
    padding-block: calc(var(--_space) * 2);
  }
  emirate-rating-form {
    display: block;
    margin-block: calc(var(--_space) * 3);
  }
  @media print {
    .no-print {
      display: none;
    }
  }
  dl.review.plain {
    grid-template-columns: minmax(8rem, 1fr) 2fr;
  }
  @media (max-width: 30rem) {
    dl.review.plain {
      grid-template-columns: 1fr;
    }
  }
`;
