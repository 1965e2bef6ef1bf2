/**
 * `npm run contract -- --base <url> [options]`: the contract kit against any server. See
 * `--help` and the README's backend section. Exit code 0 when nothing failed (skips allowed),
 * 1 when a check failed, 2 when the command line is wrong.
 */
import { parseArgs } from 'node:util';
import { loadSpec } from './spec.mjs';
import { DEFAULT_SPEC, listChecks, runContract } from './kit.mjs';
import { RATE_LIMIT_HEADER, RATE_LIMIT_VALUE } from './checks.mjs';

const HELP = `Contract tests of a server against openapi.yaml.

  npm run contract -- --base <url> [options]

  --base URL              the API's base URL, as given to the widget's api-base (required)
  --cookie 'NAME=VALUE'   a cookie of a signed-in test user (repeatable; e.g. the portal's session)
  --header 'NAME: VALUE'  a header of a signed-in test user (repeatable; e.g. Authorization)
                          Checks of 401 call without any --cookie or --header.
  --closed-request N      a completed or rejected request of that user (for 409 request-closed, not-cancellable)
  --approved-request N    an approved request of that user with an appointment (for its pass; default: the first listed)
  --inquiry N/YEAR        a transaction the inquiry knows (else the kit's own new request)
  --param NAME=VALUE      a value for a required parameter the kit cannot make up (repeatable)
  --only ID               only this operation, kind or check id (repeatable; success checks run too)
  --spec FILE             the OpenAPI document (default: src/api/openapi.yaml)
  --timeout MS            per call (default 15000)
  --list                  list the checks and their count; call nothing
  --verbose               print every call
  --help

429 cannot be forced: the kit sends "${RATE_LIMIT_HEADER}: ${RATE_LIMIT_VALUE}" and a staging server that
opts in answers 429 with Retry-After; one that does not has those checks skipped, not failed.
The kit makes data as the signed-in user: requests, uploads, replies, a rating.`;

function usage(message) {
  console.error(`${message}\n\n${HELP}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      base: { type: 'string' },
      cookie: { type: 'string', multiple: true, default: [] },
      header: { type: 'string', multiple: true, default: [] },
      'closed-request': { type: 'string' },
      'approved-request': { type: 'string' },
      inquiry: { type: 'string' },
      param: { type: 'string', multiple: true, default: [] },
      only: { type: 'string', multiple: true, default: [] },
      spec: { type: 'string', default: DEFAULT_SPEC },
      timeout: { type: 'string', default: '15000' },
      list: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  usage(error.message);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

if (values.list) {
  const spec = loadSpec(values.spec);
  const checks = listChecks(spec, values.only);
  for (const op of spec.operations) {
    const own = checks.filter((check) => check.op === op);
    if (own.length === 0) continue;
    console.log(`${op.method} ${op.path}  ${op.id}`);
    for (const check of own) console.log(`  ${check.id.padEnd(40)} ${check.title}`);
  }
  console.log(`${checks.length} checks`);
  process.exit(0);
}

if (!values.base) usage('--base is required.');
if (!/^https?:\/\//.test(values.base)) usage(`--base must be an http(s) URL, not ${values.base}`);
const params = {};
for (const pair of values.param) {
  const equals = pair.indexOf('=');
  if (equals < 1) usage(`--param wants NAME=VALUE, not ${pair}`);
  params[pair.slice(0, equals)] = pair.slice(equals + 1);
}
let inquiry;
if (values.inquiry) {
  const match = /^(\d{1,10})\/(\d{4})$/.exec(values.inquiry);
  if (!match) usage(`--inquiry wants NUMBER/YEAR (e.g. 4521/1448), not ${values.inquiry}`);
  inquiry = { number: match[1], year: Number(match[2]) };
}

for (const line of values.header) if (line.indexOf(':') < 1) usage(`--header wants 'NAME: VALUE', not ${line}`);

const summary = await runContract({
  spec: values.spec,
  base: values.base,
  cookies: values.cookie,
  headers: values.header,
  params,
  closedRequest: values['closed-request'],
  approvedRequest: values['approved-request'],
  inquiry,
  only: values.only,
  timeoutMs: Number(values.timeout),
  verbose: values.verbose,
  log: console.log,
});
process.exit(summary.failed > 0 ? 1 : 0);
