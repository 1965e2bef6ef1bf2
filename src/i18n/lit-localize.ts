/**
 * The parts of `@lit/localize` the widget uses, for the library build (vite.config.ts points
 * `@lit/localize` here): its index also brings `configureLocalization` and its module-level
 * state, which the widget does not use (src/i18n/localization.ts installs `msg()` itself), and
 * which a bundler keeps for its side effects. Tests and type checks use the package itself.
 */
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export { localized } from '@lit/localize/internal/localized-decorator.js';
export { LOCALE_STATUS_EVENT } from '@lit/localize/internal/locale-status-event.js';
