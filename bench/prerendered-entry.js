/**
 * The prerendered page's script (bench/prerender.mjs builds it with the library's browser build
 * settings): Lit's hydration support first, then the booking form's entry, as a portal that
 * inlines the server's HTML bundles them.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// Re-exported as the entry does (and so kept: an import for its side effects alone would be
// dropped, package.json's `sideEffects` naming dist/ files only).
export * from '../src/booking-form.ts';
