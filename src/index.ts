/**
 * The whole widget: defines every `emirate-*` element, the application shell included, with
 * run-time languages and wording (`registerLocale`, `overrideMessages`, from the `locales` entry). The
 * adapter contract, the REST adapter, typed errors, the language switch and `clearAllDrafts`
 * (for a portal's own sign-out page; the widget already deletes a signed-out user's drafts
 * itself) come with the booking form entry and are re-exported here.
 */
export * from './booking-form.js';
export * from './companion-list.js';
export * from './inquiry-box.js';
export * from './inbox.js';
export * from './service-card.js';
export * from './appointments.js';
export * from './locales.js';
