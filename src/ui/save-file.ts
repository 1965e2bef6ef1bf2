/**
 * Hands a file the widget fetched to the browser to save (or open, as the browser decides).
 */

/** How long the temporary blob URL lives: long enough for the browser to start reading it. */
export const REVOKE_AFTER_MS = 1000;

/**
 * Saves `blob` as `name` through a temporary blob URL and an `<a download>` placed in `where`
 * (the element's shadow root, so nothing is added to the host page); the URL is revoked
 * after {@link REVOKE_AFTER_MS}. `name` must already be safe (see `downloadFileName`).
 */
export function saveFile(blob: Blob, name: string, where: ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
  where.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
