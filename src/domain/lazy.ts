/**
 * A value made on first use, never when the module loads. Intl formats are made this way: each
 * costs ICU data and calendar set-up, which a page would otherwise pay before the form shows.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
