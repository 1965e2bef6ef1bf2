/** Email addresses: the WHATWG `input[type=email]` grammar, plus a dot in the domain. */

const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const EMAIL_MAX_LENGTH = 254;

/** The address as typed, without surrounding whitespace; case and everything else are kept. */
export function normalizeEmail(raw: string): string {
  return raw.trim();
}

/** What `input[type=email]` accepts, with a dot in the domain, at most 254 characters. */
export function validateEmail(raw: string): 'required' | 'email-invalid' | 'too-long' | null {
  const email = normalizeEmail(raw);
  if (!email) return 'required';
  if (email.length > EMAIL_MAX_LENGTH) return 'too-long';
  if (!WHATWG_EMAIL.test(email)) return 'email-invalid';
  return email.split('@')[1]!.includes('.') ? null : 'email-invalid';
}
