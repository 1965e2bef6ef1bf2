/**
 * Entry: `<emirate-booking-form>` (and the `<emirate-companion-list>` it uses), with what a
 * host needs around it: the REST adapter and the adapter contract, typed errors, the page-wide
 * language switch (languages and wording added at run time come from the `locales` entry), and `clearAllDrafts` for a portal's own sign-out page (the widget already
 * deletes a signed-out user's drafts when it sees the sign-out).
 */
export { BookingForm } from './elements/booking-form/booking-form.js';
export type { RequestSubmittedDetail, DraftEventDetail, ShowRequestsDetail, SignInRequiredDetail } from './elements/booking-form/booking-form.js';
export { clearAllDrafts } from './drafts/draft-controller.js';
export { RestAdapter } from './api/rest-front.js';
export type { RestAdapterOptions } from './api/rest-front.js';
export * from './api/errors.js';
export type * from './api/types.js';
export { setWidgetLocale, getLocale } from './i18n/localization.js';
export type { EmirateEventMap } from './events.js';
