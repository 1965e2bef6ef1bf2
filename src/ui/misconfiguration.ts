/**
 * A widget set up wrong says so, once and loudly: one `console.warn` per cause and element,
 * naming the element, the cause and the fix (the words are in misconfiguration-words.ts, loaded
 * with the first warning, so the first screen does not carry them), and, where the citizen would
 * otherwise wait for ever, a visible, translated "this service is unavailable" state instead of
 * a spinner.
 *
 * The causes: no backend (`no-backend`), an adapter missing methods (`adapter`, with their
 * names), an unsupported `lang` (`lang`, with the code; Arabic is shown), a sign-in nobody can
 * start (`sign-in`: no `login-url`, and `emirate-sign-in-required` not cancelled by a handler).
 * Also the lesser ones, with no visible state of their own: an address that is not a web
 * address (`address`: `login-url`, `start-url`, `requests-url`, the catalog's guide) and "My
 * requests" with nowhere to go (`show-requests`).
 * A backend answer that is not JSON or not the contract's shape is told by the REST adapter,
 * which knows the URL, under the element's name (src/api/transport.ts), and shown as the
 * element's error with a retry.
 *
 * Elements call these two functions and stay thin.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export type Misconfiguration = 'no-backend' | 'adapter' | 'lang' | 'sign-in' | 'show-requests' | 'address';

/** Tells the console, once per element, cause and `details`, what is wrong and the fix. */
export function misconfigured(element: Element, cause: Misconfiguration, ...details: string[]): void {
  void import('./misconfiguration-words.js').then((words) => words.warn(element, cause, details));
}

/** What the citizen sees instead of a spinner when the widget cannot work. */
export function unavailableNotice(): TemplateResult {
  return html`<div class="notice error" role="alert" part="unavailable"><p>${msg('الخدمة غير متاحة الآن.')}</p></div>`;
}
