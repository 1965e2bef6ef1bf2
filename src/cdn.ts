/**
 * The one-file build's entry (dist/cdn/emirate-appointments.js): every element with Lit and the
 * Arabic strings, and the code the elements otherwise load on demand (the router, the
 * confirmation; vite.config.ts inlines it), so a page without a bundler needs this one file.
 * Only the English strings and the draft store stay apart, as sibling files loaded relative to
 * this one when needed.
 */
export * from './index.js';
