/**
 * Every rule failure the widget can explain, as a machine code. Rules return codes; only
 * `i18n/messages.ts` turns a code into words, in the active language.
 * - `required`: nothing given (or nothing chosen) for a required field
 * - `id-format` / `id-prefix` / `id-checksum`: an ID number that is not 10 digits, does not start with 1 or 2, or fails the check digit
 * - `id-duplicate` / `id-same-as-applicant`: a companion's ID repeated, or equal to the applicant's
 * - `mobile-invalid`, `email-invalid`: not a Saudi mobile, not an email address
 * - `name-parts`: a citizen's name (ID starting 1) with fewer than four parts
 * - `name-parts-resident`: a resident's name (ID starting 2) with fewer than two parts
 * - `name-chars`: characters no name has
 * - `too-long`: over the field's length limit
 * - `file-empty` / `file-too-large` / `file-type`: an attachment that is empty, too big, or of a type not accepted (by content)
 * - `file-name-type`: an attachment whose name claims another type than its content (`report.pdf.html` holding a PDF)
 * - `upload-failed` / `upload-pending`: an attachment whose upload failed (e.g. a restored draft's file that could not be sent again), or is not finished
 * - `companions-max`: more companions than the catalog allows
 * - `transaction-invalid`: a transaction number that is not 1 to 10 digits
 * - `year-invalid`: a Hijri year that is not a year transactions can have
 * - `cr-format`: a commercial registration number that is not 10 digits
 * - `files-max` / `files-total-too-large`: more files in an attachment slot than the catalog allows, or more weight together
 * - `plate-format` / `plate-letter`: a car plate that is not 1–4 digits and 3 letters, or has a letter no Saudi plate uses
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
  | 'name-parts-resident'
  | 'name-chars'
  | 'too-long'
  | 'file-empty'
  | 'file-too-large'
  | 'file-type'
  | 'file-name-type'
  | 'upload-failed'
  | 'upload-pending'
  | 'companions-max'
  | 'transaction-invalid'
  | 'year-invalid'
  | 'cr-format'
  | 'plate-format'
  | 'plate-letter'
  | 'files-max'
  | 'files-total-too-large';
