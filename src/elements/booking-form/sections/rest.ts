/**
 * The sections below the first screen, and the review: loaded with the rest of the form (see
 * ../lazy.ts), so the booking path's first screen carries only the applicant.
 */
export { visitSection } from './visit.js';
export { attachmentsSection } from './attachments.js';
export { belongingsSection } from './belongings.js';
export { companionsSection } from './companions.js';
export { declarationSection } from './declaration.js';
export { reviewSection } from './review.js';
