/**
 * The one-file build's entry (dist/cdn/emirate-appointments.js): every element with Lit and the
 * Arabic strings, in one file, so a page without a bundler loads one module before any element
 * can show. What the elements load on demand (the English strings, the draft store, the
 * sections below a first screen, the router, the confirmation, the inbox's opened request) stays
 * apart, as sibling files loaded relative to this one when needed (see vite.config.ts).
 */
export * from './index.js';
