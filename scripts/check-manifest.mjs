#!/usr/bin/env node
/**
 * Checks the generated custom-elements manifest (run by `npm run build`): every public element
 * is there with the attributes and events the README promises, so JSDoc and code cannot drift
 * apart silently.
 */
import { readFileSync } from 'node:fs';

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
  'emirate-service-card': { attributes: [...COMMON, 'start-url'], events: ['emirate-service-start', 'emirate-sign-in-required'] },
  'emirate-appointments': {
    attributes: [...COMMON, 'base', 'no-drafts'],
    events: ['emirate-view-changed', 'emirate-request-submitted', 'emirate-sign-in-required'],
  },
  'emirate-inquiry-box': { attributes: COMMON, events: ['emirate-inquiry-result'] },
};

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
}
if (problems.length) {
  console.error(`Manifest check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Manifest check passed: ${Object.keys(EXPECTED).length} public elements with their attributes and events.`);
