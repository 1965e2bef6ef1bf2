/**
 * Several files in one attachment slot (#14, the guide's "اختيار ملفات"): how many a slot takes
 * and how much they may weigh together come from the catalog (`Catalog.attachments` over
 * `Catalog.files`). The form keeps a slot's first file under the slot's name (`subjectLetter`)
 * and its later ones under `subjectLetter.1`, `subjectLetter.2`…, the count of those extra
 * places in `BookingValues.moreFiles`. Plain data and functions: no DOM.
 */
import type { AttachmentSlotName, BookingRequest, Catalog, FileRules } from '../api/types.js';
import type { FieldErrorCode } from './codes.js';

/** The slots that may hold several files, in the form's order. */
export const MULTI_FILE_SLOTS: readonly AttachmentSlotName[] = ['subjectLetter', 'idCopy', 'authorisationLetter'];

/** Each catalog's slot rules, made once: the same object each time, so a field given them sees no change. */
const rulesOf = new WeakMap<Catalog, Map<AttachmentSlotName, Readonly<FileRules>>>();

/**
 * The rules of one slot: the catalog's `files`, with the slot's own over them. The same (frozen)
 * object for the same catalog and slot: the booking form passes it to each file field on every
 * render, and a new object each time re-rendered every file field on every keystroke (issue #16).
 */
export function slotRules(catalog: Catalog, slot: AttachmentSlotName): Readonly<FileRules> {
  let slots = rulesOf.get(catalog);
  if (!slots) rulesOf.set(catalog, (slots = new Map()));
  let rules = slots.get(slot);
  if (!rules) slots.set(slot, (rules = Object.freeze({ ...catalog.files, ...catalog.attachments?.[slot] })));
  return rules;
}

/** How many files the slot takes (at least one). */
export function slotMaxFiles(catalog: Catalog, slot: AttachmentSlotName): number {
  return Math.max(1, Math.floor(slotRules(catalog, slot).maxFiles ?? 1));
}

/** The keys of a slot's places in order: the slot itself, then `slot.1` … `slot.<extra>`. */
export function slotKeys(slot: AttachmentSlotName, extra = 0): string[] {
  // A count from a draft is data: at most MAX_PLACES places, whatever it says.
  const places = Math.min(MAX_PLACES, Math.max(0, Math.floor(Number(extra) || 0)));
  return [slot, ...Array.from({ length: places }, (_, i) => `${slot}.${i + 1}`)];
}

/** The most later places a slot shows, whatever a catalog or a draft says. */
const MAX_PLACES = 20;

/** The slot and the place (0 for the first) of a key such as `subjectLetter.2`; `undefined` for any other path. */
export function parseSlotKey(key: string): { slot: AttachmentSlotName; place: number } | undefined {
  const [slot, place = '0', rest] = key.split('.');
  if (rest !== undefined || !/^\d+$/.test(place) || !MULTI_FILE_SLOTS.includes(slot as AttachmentSlotName)) return undefined;
  return { slot: slot as AttachmentSlotName, place: Number(place) };
}

/** A file's state, as the form's `FileCheck` says it: ready, none, or why it cannot be sent. */
export type PlaceCheck = (key: string) => boolean | FieldErrorCode;

/**
 * The errors of a slot's later places (the first is the form's own field, checked as before):
 * a chosen file that cannot be sent says why; a place past the slot's count says `files-max`;
 * the file that takes the slot's files together past `maxTotalBytes` says `files-total-too-large`.
 * An empty later place is no error: only the first file is required.
 */
export function validateSlotFiles(
  catalog: Catalog,
  slot: AttachmentSlotName,
  extra: number,
  check: PlaceCheck,
  sizeOf: (key: string) => number | undefined,
): Map<string, FieldErrorCode> {
  const errors = new Map<string, FieldErrorCode>();
  const rules = slotRules(catalog, slot);
  const max = slotMaxFiles(catalog, slot);
  let total = 0;
  slotKeys(slot, extra).forEach((key, place) => {
    const state = check(key);
    if (state === false) return;
    // A file the rules refused is not sent, so it weighs nothing; the first place says its own errors.
    if (typeof state === 'string' && state.startsWith('file-')) {
      if (place > 0) errors.set(key, state);
      return;
    }
    if (place > 0 && typeof state === 'string') errors.set(key, state);
    else if (place >= max) errors.set(key, 'files-max');
    total += sizeOf(key) ?? 0;
    if (rules.maxTotalBytes !== undefined && total > rules.maxTotalBytes && !errors.has(key)) errors.set(key, 'files-total-too-large');
  });
  return errors;
}

/**
 * The later places' errors of every slot the form shows (the authorisation letter only when
 * `withLetter`), for `validateBooking`.
 */
export function moreFileErrors(
  catalog: Catalog,
  extra: Partial<Record<AttachmentSlotName, number>>,
  withLetter: boolean,
  check: PlaceCheck,
  sizeOf: (key: string) => number | undefined,
): Map<string, FieldErrorCode> {
  const errors = new Map<string, FieldErrorCode>();
  for (const slot of withLetter ? MULTI_FILE_SLOTS : MULTI_FILE_SLOTS.slice(0, 2)) {
    for (const [key, code] of validateSlotFiles(catalog, slot, extra[slot] ?? 0, check, sizeOf)) errors.set(key, code);
  }
  return errors;
}

/** The names of each slot's files in order (`nameOf` a key's file name, if it has a file), for the review and the summary. */
export function slotNames(extra: Partial<Record<AttachmentSlotName, number>>, nameOf: (key: string) => string | undefined): Record<AttachmentSlotName, string[]> {
  const names = (slot: AttachmentSlotName) => slotKeys(slot, extra[slot]).flatMap((key) => nameOf(key) ?? []);
  return { subjectLetter: names('subjectLetter'), idCopy: names('idCopy'), authorisationLetter: names('authorisationLetter') };
}

/**
 * The upload ids of each slot's later files, for `BookingRequest.moreFiles` (the authorisation
 * letter's only `withLetter`); `{}` when every slot has one file.
 */
export function moreFilesPayload(extra: Partial<Record<AttachmentSlotName, number>>, refs: Record<string, string | undefined>, withLetter = true): Pick<BookingRequest, 'moreFiles'> {
  const more: Partial<Record<AttachmentSlotName, string[]>> = {};
  for (const slot of withLetter ? MULTI_FILE_SLOTS : MULTI_FILE_SLOTS.slice(0, 2)) {
    const ids = slotKeys(slot, extra[slot]).slice(1).map((key) => refs[key]).filter((id): id is string => !!id);
    if (ids.length) more[slot] = ids;
  }
  return Object.keys(more).length ? { moreFiles: more } : {};
}
