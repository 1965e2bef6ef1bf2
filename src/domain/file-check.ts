/**
 * Attachments: their real type from their first bytes, and the catalog's rules (DOMAIN.md).
 * Apart from file-type.ts so that only the file field, loaded after the booking form's first
 * screen, carries them (issue #16).
 */
import type { FileRules } from '../api/types.js';
import { EXTENSIONS } from './file-type.js';

const SIGNATURES: Array<{ type: string; bytes: Array<number | null> }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'application/pdf', bytes: [0xef, 0xbb, 0xbf, 0x25, 0x50, 0x44, 0x46, 0x2d] }, // UTF-8 byte order mark, then %PDF- (some generators write one)
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { type: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] }, // RIFF....WEBP
];

/** Longest name an upload is sent under, in characters (code points), extension included. */
export const MAX_UPLOAD_NAME = 100;

/**
 * Control and format characters (Unicode Cc, Cf: bidi controls, the Arabic letter mark, zero
 * width spaces, soft hyphens…), but for the zero-width non-joiner and joiner, which Persian and
 * Urdu names and emoji need and which cannot reorder or hide text.
 */
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}]/gu;
/** What a name's end must look like to claim a type: a dot and one to five letters or digits, a letter among them. */
const CLAIMED_EXTENSION = /\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,5}$/;
const EDGES = /^[\s.]+|[\s.]+$/g;

/**
 * The name a file whose content is of `type` is uploaded under, or `null` when its name claims
 * another type (`report.pdf.html` holding a PDF, PNG bytes named `setup.exe`, `x.pdf` holding a
 * PNG): such a name would mislead whoever opens the file later, on the server or at the
 * emirate. The name is the last path segment, without control and format characters (see
 * {@link INVISIBLE}), runs of spaces made one, dots and spaces trimmed from its ends; it keeps an
 * extension of `type` as written (`photo.jpeg`, `scan.PNG`) or gets the usual one (`scan` →
 * `scan.png`); and it is at most {@link MAX_UPLOAD_NAME} characters, cut before the extension.
 */
export function uploadFileName(name: string, type: string): string | null {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(EDGES, '');
  const own = EXTENSIONS[type] ?? [];
  const claimed = CLAIMED_EXTENSION.exec(base)?.[0];
  if (claimed && !own.includes(claimed.toLowerCase())) return null;
  const extension = claimed ?? own[0] ?? '';
  const stem = claimed ? base.slice(0, -claimed.length) : base;
  const kept = [...stem].slice(0, MAX_UPLOAD_NAME - extension.length).join('').replace(EDGES, '');
  return `${kept || 'file'}${extension}`;
}

/** The MIME type the content shows, or `null` when it is none of the known ones. */
export async function sniffFileType(blob: Blob): Promise<string | null> {
  const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  const match = SIGNATURES.find(({ bytes }) => bytes.every((b, i) => b === null || head[i] === b));
  return match?.type ?? null;
}

/** Why a file cannot be sent, as {@link checkFile} finds it. */
export type FileRule = 'file-empty' | 'file-too-large' | 'file-type' | 'file-name-type';

/**
 * Checks a file against the rules before any upload: empty, too large (without reading it), a
 * type not accepted, or (given the `name` it would be sent under) a name that claims another
 * type than its content (see {@link uploadFileName}). The content decides the type; the
 * declared type does not.
 */
export async function checkFile(file: Blob, rules: FileRules, name?: string): Promise<FileRule | null> {
  if (file.size === 0) return 'file-empty';
  if (file.size > rules.maxBytes) return 'file-too-large';
  const type = await sniffFileType(file);
  if (!type || !rules.acceptedTypes.includes(type)) return 'file-type';
  return name !== undefined && uploadFileName(name, type) === null ? 'file-name-type' : null;
}

/** The `accept` attribute for a file input: the extensions and the MIME types. */
export function acceptAttribute(rules: FileRules): string {
  return [...rules.acceptedTypes.flatMap((t) => EXTENSIONS[t] ?? []), ...rules.acceptedTypes].join(',');
}
