/**
 * The mock's visit passes (`GET /requests/{number}/pass`): a token signed with a demo key, as
 * a real backend signs with its own (which the gate's reader checks). Demo only: the key is
 * public, so these tokens prove nothing.
 *
 * A token is `EV1.<payload>.<signature>`: the payload is base64url JSON `{ n, g, f, t }`
 * (request number, gate id, valid from and to, in seconds), the signature base64url
 * HMAC-SHA-256 of `EV1.<payload>` under the demo key. All of it is ASCII, which keeps the QR
 * code small.
 */
import type { RequestDetail, VisitPass } from '../../src/api/types.js';

/** The pass is valid from this long before the appointment… */
export const PASS_EARLY_MS = 2 * 60 * 60 * 1000;
/** …to this long after it. */
export const PASS_LATE_MS = 3 * 60 * 60 * 1000;

const PREFIX = 'EV1';
const DEMO_KEY = new TextEncoder().encode('emirate demo pass key — not a secret');

/** The pass of an approved request with an appointment, signed with the demo key. */
export async function issuePass(detail: RequestDetail & { appointment: NonNullable<RequestDetail['appointment']> }): Promise<VisitPass> {
  const at = Date.parse(detail.appointment.at);
  const from = Math.floor((at - PASS_EARLY_MS) / 1000);
  const to = Math.floor((at + PASS_LATE_MS) / 1000);
  const payload = base64url(new TextEncoder().encode(JSON.stringify({ n: detail.requestNumber, g: detail.appointment.gate, f: from, t: to })));
  const signed = `${PREFIX}.${payload}`;
  const token = `${signed}.${base64url(await sign(signed))}`;
  return { token, validFrom: new Date(from * 1000).toISOString(), validTo: new Date(to * 1000).toISOString() };
}

/** What a gate's reader would do with a token: its payload when the demo key signed it, else `null`. */
export async function verifyPassToken(token: string): Promise<{ n: string; g: string; f: number; t: number } | null> {
  const [prefix, payload, signature] = token.split('.');
  if (prefix !== PREFIX || !payload || !signature) return null;
  if (base64url(await sign(`${prefix}.${payload}`)) !== signature) return null;
  return JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as { n: string; g: string; f: number; t: number };
}

async function sign(text: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', DEMO_KEY, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
