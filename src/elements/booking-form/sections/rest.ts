/**
 * The sections below the first screen, the review, and the notices (drafts, the error summary:
 * nothing to say before the draft store has opened or "continue" was pressed): loaded once the
 * first screen has painted (see ../lazy.ts), so the applicant's fields show without their code;
 * with them, the rules of the fields they show (the car's plate, a body's registration).
 */
export { laterRules } from '../../../domain/booking-later.js';
export { draftNotices, draftSavedText, errorSummary } from './notices.js';
export { entitySection } from './entity.js';
export { visitSection } from './visit.js';
export { preferenceSection } from './preference.js';
export { attachmentsSection, fileMessageContext } from './attachments.js';
export { belongingsSection } from './belongings.js';
export { companionsSection } from './companions.js';
export { declarationSection } from './declaration.js';
export { reviewSection } from './review.js';
import { reviewStyles } from './review.js';
import { restStyles as below } from './rest.styles.js';
import { controlStyles } from '../../../ui/control-styles.js';

/** The look of the sections, the notices and the review, added to the form's own when they load. */
export const restStyles = [controlStyles, below, reviewStyles];
