/**
 * The sections below the first screen, and the review: loaded while the first screen paints
 * (see ../lazy.ts), so the applicant's fields show without waiting for their code.
 */
export { visitSection } from './visit.js';
export { attachmentsSection } from './attachments.js';
export { belongingsSection } from './belongings.js';
export { companionsSection } from './companions.js';
export { declarationSection } from './declaration.js';
export { reviewSection } from './review.js';
