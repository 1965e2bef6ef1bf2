/** Entry: `<emirate-booking-form>` (and the `<emirate-companion-list>` it uses). */
export { BookingForm } from './elements/booking-form/booking-form.js';
export type { RequestSubmittedDetail, DraftEventDetail, SignInRequiredDetail } from './elements/booking-form/booking-form.js';
export { clearAllDrafts } from './drafts/draft-store.js';
