/**
 * Printing one element alone. A widget lives inside a portal page (and sometimes inside another
 * widget's shadow root); the browser prints the whole page. While printing, every sibling on the
 * way from the page's body to the element is hidden, in each tree on that way (the document and
 * any shadow root, whose top-level children are its host's), so only the element prints; the element's own `@media print` rules decide
 * what of it prints. Nothing is left behind once the print dialog closes.
 */

const PATH = 'data-emirate-print-path';
const ALONE = 'data-emirate-printing';

/** The print rule, one per document or shadow root it was adopted into (sheets cannot be shared across documents). */
const sheets = new WeakMap<Document, CSSStyleSheet>();
function printSheet(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView ?? window;
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(
      `@media print {
        [${PATH}] > :not([${PATH}], [${ALONE}]), [${PATH}]::before, [${PATH}]::after { display: none !important; }
        :host([${PATH}]) > :not([${PATH}], [${ALONE}], style) { display: none !important; }
        [${PATH}] { margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important; inline-size: auto !important; max-inline-size: none !important; }
        [${ALONE}] { display: block !important; margin: 0 !important; inline-size: auto !important; max-inline-size: none !important; }
      }`,
    );
    sheets.set(doc, sheet);
  }
  return sheet;
}

/**
 * Marks `element` and its ancestors (across shadow roots) so that printing shows `element`
 * alone; returns the function that undoes it.
 */
export function isolateForPrint(element: Element): () => void {
  const doc = element.ownerDocument;
  const sheet = printSheet(doc);
  const marked: Element[] = [];
  const roots = new Set<Document | ShadowRoot>();
  element.setAttribute(ALONE, '');
  let node: Node | null = element;
  while (node) {
    const root = node.getRootNode() as Document | ShadowRoot;
    roots.add(root);
    let parent: Node | null = node.parentNode;
    while (parent && parent instanceof Element) {
      parent.setAttribute(PATH, '');
      marked.push(parent);
      parent = parent.parentNode;
    }
    node = root instanceof ShadowRoot ? root.host : null;
    if (node instanceof Element) {
      node.setAttribute(PATH, '');
      marked.push(node);
    }
  }
  for (const root of roots) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    element.removeAttribute(ALONE);
    for (const el of marked) el.removeAttribute(PATH);
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** The isolation of the print under way, if any: a new print replaces it. */
let current: (() => void) | undefined;

/**
 * Opens the browser's print dialog for `element` alone. The page is put back when printing is
 * over (`afterprint`); the marks only act in print, so until then the screen is unchanged.
 */
export function printAlone(element: Element): void {
  const view = element.ownerDocument.defaultView ?? window;
  current?.();
  const undo = (current = isolateForPrint(element));
  view.addEventListener(
    'afterprint',
    () => {
      undo();
      if (current === undo) current = undefined;
    },
    { once: true },
  );
  view.print();
}
