/**
 * Every rule failure the widget can explain, as a machine code. Rules return codes; only
 * `i18n/messages.ts` turns a code into words, in the active language.
 * - `required`: nothing given (or nothing chosen) for a required field
 * - `id-format` / `id-prefix` / `id-checksum`: an ID number that is not 10 digits, does not start with 1 or 2, or fails the check digit
 * - `id-duplicate` / `id-same-as-applicant`: a companion's ID repeated, or equal to the applicant's
 * - `mobile-invalid`, `email-invalid`: not a Saudi mobile, not an email address
 * - `name-parts` / `name-chars`: fewer than four name parts, or characters no name has
 * - `too-long`: over the field's length limit
 * - `file-empty` / `file-too-large` / `file-type`: an attachment that is empty, too big, or of a type not accepted (by content)
 * - `companions-max`: more companions than the catalog allows
 * - `transaction-invalid`: a transaction number that is not 1 to 10 digits
 * - `year-invalid`: a Hijri year that is not a year transactions can have
 */
export type FieldErrorCode =
  | 'required'
  | 'id-format'
  | 'id-prefix'
  | 'id-checksum'
  | 'id-duplicate'
  | 'id-same-as-applicant'
  | 'mobile-invalid'
  | 'email-invalid'
  | 'name-parts'
  | 'name-chars'
  | 'too-long'
  | 'file-empty'
  | 'file-too-large'
  | 'file-type'
  | 'companions-max'
  | 'transaction-invalid'
  | 'year-invalid';
