/**
 * What the booking form's sections read and call: the element builds one `FormView` per render
 * (values, errors, catalog, and its intents), and each section (a file of templates, one per
 * part of the guide's form) renders from it. State and flow stay in the element.
 */
import type { Catalog, CatalogOption, UploadPurpose } from '../../../api/types.js';
import type { AttachmentSlot, BookingValues, FieldErrors } from '../../../domain/booking.js';
import type { Choice } from '../../../ui/fields.js';
import type { Attachment, Uploader } from '../../../ui/attachment.js';
import type { CompanionEntry } from '../../companion-list/companion-list.js';

/** The form's own fields (companions and the declaration have their own templates). */
export type FieldName = Exclude<keyof BookingValues, 'companions' | 'declaration'>;

/** What every field template takes: id, label, value, error, and the intents. */
export interface FieldProps<K extends FieldName> {
  id: K;
  label: string;
  required: boolean;
  value: BookingValues[K];
  error: string;
  onInput: (value: string | string[]) => void;
  onChange: (value: string | string[]) => void;
  onBlur: () => void;
}

export interface FormView {
  catalog: Catalog;
  values: BookingValues;
  errors: FieldErrors;
  /** Whether every error shows (after "continue"), not only those of fields left. */
  showErrors: boolean;
  /** Translated messages from the server's 422, by field path. */
  serverErrors: Map<string, string>;
  /** Attachments by slot: `subjectLetter`, `idCopy`, `companion:<key>`. */
  files: Record<string, Attachment | null>;
  /** Whether the ID number came from Nafath (read-only). */
  readonlyId: boolean;
  field<K extends FieldName>(name: K): FieldProps<K>;
  /** A catalog list as choices in the current language. */
  options(list: CatalogOption[]): Choice[];
  /** The message to show beside `path` (and in the error summary), or empty. */
  errorFor(path: string): string;
  set<K extends keyof BookingValues>(field: K, value: BookingValues[K]): void;
  uploader(purpose: UploadPurpose): Uploader;
  setFile(slot: string, value: Attachment | null): void;
  /** Opens one more place in a slot that takes several files (its key: `subjectLetter.<n>`). */
  addFile(slot: AttachmentSlot): void;
  /** The companion list's value (the same array until companions or files change). */
  companionValue(): CompanionEntry[];
  onCompanions(entries: CompanionEntry[]): void;
}
