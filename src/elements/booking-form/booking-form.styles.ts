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
`;
