/**
 * A random version-4 UUID, for keys the widget makes itself (a companion's row, a reply's file
 * slot, a submission's idempotency key). `crypto.randomUUID` exists only in secure contexts
 * (HTTPS or localhost), so a portal served over plain HTTP gets the same format from
 * `crypto.getRandomValues`, which every browser offers on any page.
 */
export function randomId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
