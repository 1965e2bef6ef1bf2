/** Test helpers that act as a citizen would: type, choose, pick files, through real events. */
// Compare elements with `===` inside expect(...).to.equal(true): when a DOM element comparison
// fails, chai tries to print the Lit element (and its adapter, controllers, ...) and can hang
// the browser instead of reporting the failure.
import type { LitElement } from 'lit';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a];

/** A small real PNG/PDF by content; `name` and `declaredType` may lie about it. */
export function fileOf(kind: 'png' | 'pdf' | 'text', name: string, options: { size?: number; declaredType?: string } = {}): File {
  const head = kind === 'png' ? PNG : kind === 'pdf' ? PDF : [...new TextEncoder().encode('hello, not a document')];
  const bytes = new Uint8Array(Math.max(options.size ?? 64, head.length));
  bytes.set(head);
  const type = options.declaredType ?? (kind === 'png' ? 'image/png' : kind === 'pdf' ? 'application/pdf' : 'text/plain');
  return new File([bytes], name, { type });
}

/** Finds the first element matching `selector` in `root`'s shadow tree, piercing nested shadow roots. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | null {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = scope.querySelector<T>(selector);
  if (found) return found;
  for (const el of scope.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = deepQuery<T>(el, selector);
      if (inner) return inner;
    }
  }
  return null;
}

export function deepQueryAll<T extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): T[] {
  const scope = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const out = [...scope.querySelectorAll<T>(selector)];
  for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepQueryAll<T>(el, selector));
  return out;
}

/** The text a user sees in an element's shadow tree (and nested ones). */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      else if (child instanceof HTMLElement && child.hidden) continue;
      else walk(child);
    }
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Types `value` into an input or textarea the way a keyboard does (value + input event) and leaves it. */
export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  control.dispatchEvent(new FocusEvent('blur'));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function click(el: HTMLElement): void {
  el.click();
}

/** Picks `file` in an `<emirate-file-field>` as the browser's file dialog would. */
export function pickFile(fileField: Element, file: File): void {
  const input = fileField.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Resolves when `predicate` holds, re-checking after each animation frame (fails after `timeoutMs`). */
export async function until(predicate: () => unknown, message = 'condition', timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

/** Waits for an element and everything below it to finish rendering. */
export async function settled(el: LitElement): Promise<void> {
  await el.updateComplete;
  for (const child of deepQueryAll<LitElement>(el, '*')) if ('updateComplete' in child) await child.updateComplete;
}

/** Records the URLs the page fetches until `restore()` (the adapter's calls still reach msw). */
export function recordFetches(): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const realFetch = window.fetch;
  window.fetch = (input, init) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return realFetch(input, init);
  };
  return { calls, restore: () => void (window.fetch = realFetch) };
}

/**
 * How many lines an inline element's text takes. Its client rects are one per text run (and
 * right-to-left text with digits has several runs on one line), so they are counted by line.
 */
export function lineCount(el: Element): number {
  return new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
}

/** The element that has focus, looked for through every open shadow root on the way down. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
