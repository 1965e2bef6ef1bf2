/**
 * An attachment's life in the form: picked, checked against the catalog's rules, uploaded
 * (with progress) and ready, or rejected / failed with a reason. Plain data, kept by the
 * element that owns the form and saved in drafts (the Blob itself is stored apart).
 */
import type { FileRules, UploadedFile } from '../api/types.js';
import type { FieldErrorCode } from '../domain/codes.js';
import type { ApiError } from '../api/errors.js';
import { msg } from '@lit/localize';
import { formatBytes, safeFileName } from '../domain/file-type.js';

export type AttachmentStatus = 'pending' | 'checking' | 'uploading' | 'ready' | 'rejected' | 'failed';

export interface Attachment {
  file: Blob;
  name: string;
  size: number;
  /** The type sniffed from the file's first bytes (or the declared one before checking). */
  type: string;
  status: AttachmentStatus;
  /** Upload progress, 0 to 1. */
  progress: number;
  /** The backend's id once uploaded. */
  uploadId?: string;
  /** Why the file was rejected by the rules. */
  rule?: FieldErrorCode;
  /** Why the upload failed. */
  failure?: ApiError;
}

/** Uploads one file; the form passes the adapter's `uploadFile` bound to a purpose. */
export type Uploader = (file: Blob, name: string, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<UploadedFile>;

/** A picked or restored file, not yet checked; its name without any folder (see {@link safeFileName}). */
export function newAttachment(file: Blob, name: string): Attachment {
  return { file, name: safeFileName(name), size: file.size, type: file.type, status: 'pending', progress: 0 };
}

/** True when the attachment can be sent with the request. */
export function isReady(attachment: Attachment | null | undefined): boolean {
  return attachment?.status === 'ready';
}

/**
 * The attachment's state as the rules take it (the domain's `FileCheck`): `true` when ready,
 * `false` when there is none, or why the chosen file cannot be sent: the rule that rejected it,
 * `upload-failed` (e.g. a restored draft's file that could not be uploaded again) or
 * `upload-pending` while it is still being checked or uploaded.
 */
export function attachmentCheck(attachment: Attachment | null | undefined): boolean | FieldErrorCode {
  if (!attachment) return false;
  switch (attachment.status) {
    case 'ready':
      return true;
    case 'rejected':
      return attachment.rule ?? 'file-type';
    case 'failed':
      return 'upload-failed';
    default:
      return 'upload-pending';
  }
}

/** The rules when a portal supplies none: PDF, JPEG or PNG, at most 5 MB (DOMAIN.md). */
export const DEFAULT_FILE_RULES: FileRules = {
  acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 5 * 1024 * 1024,
};

/** The accepted types and the size limit as the citizen reads them, for file messages (`errorMessage`'s `types` and `max`). */
export function fileLimits(rules: FileRules): { max: string; types: string } {
  return {
    max: formatBytes(rules.maxBytes),
    types: rules.acceptedTypes.map((t) => (t.split('/')[1] ?? t).toUpperCase()).join(msg('، ')),
  };
}
