#!/usr/bin/env node
/**
 * Checks the generated custom-elements manifest (run by `npm run build`): every public element
 * is there with the attributes and events the README promises, every event has its detail type
 * (src/events.ts), every CSS property its default, the slots portals fill are there, the
 * internal elements are marked internal and every module path is a file in dist/, so JSDoc and
 * code cannot drift apart silently.
 */
import { existsSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../dist/custom-elements.json', import.meta.url), 'utf8'));
const COMMON = ['lang', 'api-base', 'login-url', 'csrf-token', 'csrf-cookie'];
const EXPECTED = {
  'emirate-booking-form': {
    attributes: [...COMMON, 'no-drafts', 'requests-url'],
    events: ['emirate-request-submitted', 'emirate-show-requests', 'emirate-draft-saved', 'emirate-draft-restored', 'emirate-sign-in-required'],
  },
  'emirate-companion-list': { attributes: [...COMMON, 'name', 'max', 'applicant-id'], events: ['emirate-companions-change'] },
  'emirate-inbox': {
    attributes: [...COMMON, 'request', 'page-size', 'poll-interval', 'no-drafts'],
    events: ['emirate-request-opened', 'emirate-request-closed', 'emirate-message-sent', 'emirate-rating-submitted', 'emirate-unread-changed', 'emirate-sign-in-required'],
  },
  'emirate-service-card': {
    attributes: [...COMMON, 'start-url'],
    events: ['emirate-service-start', 'emirate-sign-in-required'],
    slots: ['header', 'help', 'footer'],
  },
  'emirate-appointments': {
    attributes: [...COMMON, 'base', 'no-drafts'],
    events: ['emirate-view-changed', 'emirate-request-submitted', 'emirate-sign-in-required'],
    slots: ['header', 'help', 'footer'],
  },
  'emirate-inquiry-box': { attributes: COMMON, events: ['emirate-inquiry-result'] },
};

const INTERNAL = ['emirate-file-field', 'emirate-reply-form', 'emirate-rating-form', 'emirate-request-sent'];

const declarations = new Map(
  manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
);
const problems = [];
for (const [tag, expected] of Object.entries(EXPECTED)) {
  const d = declarations.get(tag);
  if (!d) {
    problems.push(`${tag} is missing`);
    continue;
  }
  const attributes = new Set((d.attributes ?? []).map((a) => a.name));
  const events = new Set((d.events ?? []).map((e) => e.name));
  for (const a of expected.attributes) if (!attributes.has(a)) problems.push(`${tag} lacks attribute ${a}`);
  for (const e of expected.events) if (!events.has(e)) problems.push(`${tag} lacks event ${e} (a @fires tag in its JSDoc)`);
  const slots = new Set((d.slots ?? []).map((s) => s.name));
  for (const s of expected.slots ?? []) if (!slots.has(s)) problems.push(`${tag} lacks slot ${s} (a @slot tag in its JSDoc)`);
  if (d.internal) problems.push(`${tag} is public but marked internal`);
  for (const e of d.events ?? []) if (!e.type?.text) problems.push(`${tag}: event ${e.name} has no detail type (add it to EmirateEventMap in src/events.ts)`);
  for (const p of d.cssProperties ?? []) if (!p.default) problems.push(`${tag}: ${p.name} has no default (no var(${p.name}, …) in the styles)`);
}
for (const tag of INTERNAL) {
  if (!declarations.get(tag)?.internal) problems.push(`${tag} is not marked internal (@internalElement in its JSDoc)`);
}
for (const mod of manifest.modules) {
  if (!mod.path.startsWith('dist/') || !existsSync(new URL(`../${mod.path}`, import.meta.url))) problems.push(`module path ${mod.path} is not a built file`);
}
if (problems.length) {
  console.error(`Manifest check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Manifest check passed: ${Object.keys(EXPECTED).length} public elements with their attributes and events.`);
