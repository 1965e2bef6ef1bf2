/**
 * Email addresses: the WHATWG `input[type=email]` grammar, with a dot in the domain, the local
 * part's limits (RFC 5321) and a domain in any script, sent as punycode.
 */

const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const EMAIL_MAX_LENGTH = 254;

/** The longest local part (before the @) mail servers must accept (RFC 5321 §4.5.3.1.1). */
export const EMAIL_LOCAL_MAX_LENGTH = 64;

const ASCII = /^[\x00-\x7F]*$/;

/** A domain name in any script: letters, marks and digits, dots and hyphens (no symbols, emoji or invisible characters). */
const INTERNATIONAL_DOMAIN = /^[\p{L}\p{M}\p{Nd}.-]+$/u;

/**
 * An internationalised domain in its ASCII (punycode) form, `مثال.السعودية` →
 * `xn--mgbh0fb.xn--mgberp4a5d4ar`, by the platform's WHATWG URL host parser (UTS #46, the same
 * in every current browser). An ASCII domain, or anything that is not a domain name, is
 * returned as it is, for the rule to judge.
 */
function asciiDomain(domain: string): string {
  if (ASCII.test(domain) || !INTERNATIONAL_DOMAIN.test(domain)) return domain;
  try {
    // Scheme-relative against a dummy base: the URL parser reads `domain` as the host.
    return new URL(`//${domain}/`, 'http://a').hostname;
  } catch {
    return domain;
  }
}

/**
 * The address to validate and send: without surrounding whitespace, and with a domain in any
 * script converted to punycode (mail systems take ASCII domains). The local part and an ASCII
 * domain keep their case and everything else.
 */
export function normalizeEmail(raw: string): string {
  const email = raw.trim();
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  return email.slice(0, at + 1) + asciiDomain(email.slice(at + 1));
}

/**
 * What `input[type=email]` accepts once the domain is in punycode, and also: a dot in the
 * domain, a top-level domain that is not all digits, a local part of at most 64 characters
 * with no leading, trailing or doubled dot; at most 254 characters in all.
 */
export function validateEmail(raw: string): 'required' | 'email-invalid' | 'too-long' | null {
  const email = normalizeEmail(raw);
  if (!email) return 'required';
  if (email.length > EMAIL_MAX_LENGTH) return 'too-long';
  if (!WHATWG_EMAIL.test(email)) return 'email-invalid';
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > EMAIL_LOCAL_MAX_LENGTH || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'email-invalid';
  return labels.length > 1 && !/^\d+$/.test(labels[labels.length - 1]!) ? null : 'email-invalid';
}
