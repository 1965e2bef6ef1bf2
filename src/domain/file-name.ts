/**
 * The name a downloaded attachment is saved under. The name comes from the server (and first
 * from whoever uploaded the file), so it is made safe for the citizen's file system: no folder
 * part, no bidi controls that could make `exe.pdf` read as `fdp.exe`, no control characters or
 * characters Windows refuses, no leading or trailing dots or spaces, no device name such as
 * `CON`, at most {@link MAX_FILE_NAME} characters; and it ends with the extension of the type
 * the server sent, so the system opens it as what it is.
 */
import { EXTENSIONS, safeFileName } from './file-type.js';

/** Longest name, in characters (code points), extension included. */
export const MAX_FILE_NAME = 120;

const FORBIDDEN = /[\p{Cc}<>:"|?*]/gu;
const EDGES = /^[\s.]+|[\s.]+$/g;
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** `name` made safe to save a file of `type` under (see above); `file` plus the extension when nothing is left. */
export function downloadFileName(name: string, type: string): string {
  const cleaned = safeFileName(name.normalize('NFC')).replace(FORBIDDEN, '_').replace(/\s+/g, ' ').replace(EDGES, '');
  const extensions = EXTENSIONS[type] ?? [];
  const own = extensions.find((e) => cleaned.toLowerCase().endsWith(e));
  const extension = own ? cleaned.slice(-own.length) : (extensions[0] ?? '');
  let stem = own ? cleaned.slice(0, -own.length) : cleaned;
  stem = [...stem].slice(0, MAX_FILE_NAME - extension.length).join('').replace(EDGES, '') || 'file';
  if (DEVICE.test(stem)) stem = `_${stem}`;
  return `${stem}${extension}`;
}
