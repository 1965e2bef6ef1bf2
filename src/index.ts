/**
 * The whole widget: defines every `emirate-*` element and exports the adapter contract,
 * the REST adapter, typed errors, and `clearAllDrafts` (call it when the citizen signs out).
 */
export * from './booking-form.js';
export * from './companion-list.js';
export { RestAdapter } from './api/rest-adapter.js';
export * from './api/errors.js';
export type * from './api/types.js';
export { setWidgetLocale, getLocale } from './i18n/localization.js';
