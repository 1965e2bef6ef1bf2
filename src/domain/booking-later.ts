/**
 * The rules of booking fields a citizen meets only below the form's first screen, and only when
 * they ask for them: a car's plate, a body's commercial registration, a slot's second file. Apart from ./booking.ts so
 * the first screen does not carry them; the form hands them to {@link validateBooking} and
 * {@link toBookingRequest} once it shows those fields (src/elements/booking-form/sections/rest.ts).
 */
import { normalizeCommercialRegistration, validateCommercialRegistration } from './commercial-registration.js';
import { parsePlate } from './plate.js';
import { moreFileErrors, moreFilesPayload, parseSlotKey, slotKeys, slotMaxFiles, slotNames, slotRules } from './slot-files.js';

/** The contract's `entity.*` fields are the form's own. */
const ENTITY_FIELDS: Record<string, string> = { name: 'entityName', commercialRegistration: 'commercialRegistration', authorisationLetter: 'authorisationLetter' };

/**
 * The form's path of a field a 422 names in the contract's terms: `entity.name` is `entityName`;
 * `moreFiles.idCopy.0` (the ID copy's second file) is `idCopy.1`, and `moreFiles.idCopy` the slot.
 */
export function formPath(field: string): string {
  if (field.startsWith('entity.')) return ENTITY_FIELDS[field.slice(7)] ?? field;
  const more = /^moreFiles\.(\w+)(?:\.(\d+))?$/.exec(field);
  return more ? (more[2] === undefined ? more[1]! : `${more[1]}.${Number(more[2]) + 1}`) : field;
}

export const laterRules = {
  parsePlate,
  validateCommercialRegistration,
  normalizeCommercialRegistration,
  slotRules,
  slotKeys,
  slotMaxFiles,
  slotNames,
  parseSlotKey,
  moreFileErrors,
  moreFilesPayload,
  formPath,
};

export type LaterRules = typeof laterRules;
