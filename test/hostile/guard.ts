/**
 * Guards for the hostile-input tests: every test records console errors and `window.alert`
 * calls, and can check that no markup a citizen or a server typed became an element.
 */
import { expect } from '@open-wc/testing';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { deepQueryAll } from '../support/dom.js';

export interface Guard {
  alerts: unknown[];
  errors: string[];
  restore(): void;
}

/** Stubs `window.alert` and records `console.error` and uncaught errors until `restore()`. */
export function guard(): Guard {
  const alerts: unknown[] = [];
  const errors: string[] = [];
  const realAlert = window.alert;
  const realError = console.error;
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.alert = (message?: unknown) => void alerts.push(message);
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    realError.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    alerts,
    errors,
    restore() {
      window.alert = realAlert;
      console.error = realError;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * Installs the guard around every test of the calling `describe`: Arabic first, no drafts left
 * from another test (unless `drafts: false`), and no `alert` call or console error by the end.
 */
export function guardEachTest({ drafts = true }: { drafts?: boolean } = {}): void {
  let watch: Guard;
  beforeEach(async () => {
    if (drafts) await clearAllDrafts();
    await setWidgetLocale('ar');
    watch = guard();
  });
  afterEach(() => {
    watch.restore();
    expect(watch.alerts, 'window.alert calls').to.deep.equal([]);
    expect(watch.errors, 'console errors').to.deep.equal([]);
  });
}

/** Elements that only injected markup could have made: the widget renders none of these. */
export const INJECTED = 'img, script, svg, iframe, object, embed, b, a[href^="javascript"], [onerror], [onload]';

/** Elements matching {@link INJECTED} anywhere in `root`'s shadow tree (and nested ones). */
export function injected(root: Element): Element[] {
  return deepQueryAll(root, INJECTED);
}

/** Markup and script a citizen might paste into any text field. */
export const MARKUP = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>'];

/** 100 000 characters: a paste of a whole document. */
export const HUGE = 'ن'.repeat(50_000) + 'x'.repeat(50_000);

/** Rule codes a citizen must never see raw. */
export const RAW_CODE = /\b(too-long|name-chars|name-parts|email-invalid|mobile-invalid|file-empty|file-too-large|file-type|year-invalid|transaction-invalid|required|id-format|id-checksum|id-prefix)\b/;

/** The bidi controls and invisible characters a name could use to disguise itself. */
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/;

/**
 * How long the engine itself takes to lay out `text` in `control`: set, laid out, put back.
 * The floor under a "no freeze" budget for a huge paste, which is then the widget's own time
 * on top of it. Engines differ a hundredfold on {@link HUGE}, one unbroken 50 000-letter Arabic
 * word: in a 768 px textarea WebKit (WebKitGTK 2.50) needs 3–5 s, Chromium 0.5–1.5 s, Firefox
 * ~50 ms, with no widget involved (measured on the 2-core CI machine).
 */
export function layoutCost(control: HTMLInputElement | HTMLTextAreaElement, text: string): number {
  const before = control.value;
  const started = performance.now();
  control.value = text;
  void control.scrollHeight;
  const cost = performance.now() - started;
  control.value = before;
  void control.scrollHeight;
  return cost;
}
