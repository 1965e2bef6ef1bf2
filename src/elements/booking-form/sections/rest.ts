/**
 * The sections below the first screen, the review, and the notices (drafts, the error summary:
 * nothing to say before the draft store has opened or "continue" was pressed): loaded once the
 * first screen has painted (see ../lazy.ts), so the applicant's fields show without their code.
 */
export { draftNotices, errorSummary } from './notices.js';
export { entitySection } from './entity.js';
export { visitSection } from './visit.js';
export { preferenceSection } from './preference.js';
export { attachmentsSection } from './attachments.js';
export { belongingsSection } from './belongings.js';
export { companionsSection } from './companions.js';
export { declarationSection } from './declaration.js';
export { reviewSection } from './review.js';
