import { css } from 'lit';

/**
 * The widget's own fonts, used when neither `--emirate-font-family` nor the page sets one (see
 * EmirateElement): good Arabic faces before the generic ones, IBM Plex Sans Arabic first (the
 * Saudi unified platform's). None is shipped: each is used if the device or the page has it.
 */
export const FONT_STACK = "'IBM Plex Sans Arabic', 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, system-ui, sans-serif";

/**
 * Design tokens and the shared look of fields, buttons and notices. Every colour, radius and
 * spacing goes through a documented `--emirate-*` custom property so a portal can re-brand;
 * the host page's font is inherited. Only logical properties: layouts mirror in RTL.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--emirate-color-primary, #0f6b4f);
    --_on-primary: var(--emirate-color-on-primary, #ffffff);
    --_text: var(--emirate-color-text, #1f2a27);
    --_muted: var(--emirate-color-muted, #4f5d58);
    --_border: var(--emirate-color-border, #6f7f79);
    --_surface: var(--emirate-color-surface, #ffffff);
    --_subtle: var(--emirate-color-subtle, #f3f6f5);
    --_error: var(--emirate-color-error, #b3261e);
    --_success: var(--emirate-color-success, #146c2e);
    --_focus: var(--emirate-color-focus, #9a5b00);
    --_radius: var(--emirate-radius, 8px);
    --_space: var(--emirate-space, 8px);
    display: block;
    font-family: var(--emirate-font-family, var(--_font, inherit));
    color: var(--_text);
    line-height: 1.6;
    box-sizing: border-box;
  }
  /* Arabic script has tall ascenders and marks above and below: more room between lines. */
  :host(:lang(ar)) {
    line-height: 1.75;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2 {
    font-size: 1.5em;
    margin-block: 0 var(--_space);
    color: var(--_primary);
  }
  h2[tabindex='-1']:focus {
    /* Focus moves to a view's heading for screen readers; it is not a control. */
    outline: none;
  }
  .field {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) / 2);
    margin-block-end: calc(var(--_space) * 2.5);
    min-inline-size: 0;
  }
  fieldset.field {
    border: 0;
    padding: 0;
    margin-inline: 0;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  .req {
    color: var(--_error);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    font-size: 0.95em;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    /* Never below 16 px: phones zoom into smaller fields, and Arabic's marks need the size. */
    font-size: max(1em, 16px);
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    inline-size: 100%;
    max-inline-size: 100%;
    min-block-size: 44px;
  }
  textarea {
    min-block-size: 8em;
    resize: vertical;
  }
  @media (max-width: 400px) {
    /* At 375 px a long Arabic heading keeps to two lines rather than three. */
    h2 {
      font-size: 1.3em;
    }
  }
  [aria-invalid='true'] {
    /* 2 px wide, the second pixel drawn inside: the field keeps its size, so its text is not
       laid out again (WebKit takes over a second for a 100 000-character paste) and nothing moves. */
    border-color: var(--_error);
    box-shadow: inset 0 0 0 1px var(--_error);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    font-weight: normal;
    min-block-size: 44px;
  }
  .choice input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 2.5);
    min-block-size: 44px;
    cursor: pointer;
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
  }
  button.secondary,
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .notice {
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_primary);
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
  }
  .notice.error {
    border-inline-start-color: var(--_error);
    color: var(--_text);
    font-weight: normal;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
