/** Helpers for the embedding tests: a host page in an iframe, and acting inside it. */
import { until } from '../support/dom.js';

/** What test/embedding/record.js records in a page from its first line on. */
export interface EmbeddingLog {
  errors: string[];
  violations: { directive: string; blocked: string; sample: string }[];
  /** The same, as the browser's CSP reports seen by a ReportingObserver. */
  reports: { directive: string; blocked: string; sample: string }[];
  ready: boolean;
  [key: string]: unknown;
}

export interface HostPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { embeddingLog: EmbeddingLog };
  document: Document;
  log: EmbeddingLog;
  remove(): void;
}

/** Opens `url` in an iframe and waits until its page script says it is ready (or it failed). */
export async function openHostPage(url: string, timeoutMs = 15000): Promise<HostPage> {
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '900px';
  frame.style.blockSize = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostPage['window'];
  await until(() => win.embeddingLog?.ready || win.embeddingLog?.errors.length, `${url} to be ready`, timeoutMs);
  return { frame, window: win, document: frame.contentDocument!, log: win.embeddingLog, remove: () => frame.remove() };
}

/** Types into a control of another frame with that frame's own event classes. */
export function typeIn(win: Window & typeof globalThis, control: HTMLInputElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  control.dispatchEvent(new win.FocusEvent('blur'));
}
