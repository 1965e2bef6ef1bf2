#!/usr/bin/env node
/**
 * The published Umm al-Qura table as the tests' reference for our month table
 * (src/domain/umalqura.ts), taken from the devDependency @tabby_ai/hijri-converter.
 *
 * The package is CommonJS and cannot be loaded by the browser tests, so this script writes what
 * they need to a committed fixture, test/domain/umalqura-reference.json: the Gregorian date of
 * the first day of every month from Muharram 1420 to Muharram 1501 (the day after 1500 ends).
 *
 *   node scripts/umalqura-reference.mjs           writes the fixture
 *   node scripts/umalqura-reference.mjs --check   fails when the fixture differs from the package
 *   node scripts/umalqura-reference.mjs --table   prints the packed month-length table
 *
 * Both modes also convert every day of the range back with the package's gregorianToHijri, so
 * the fixture stands for the package's day-by-day answer, not only its month starts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { gregorianToHijri, hijriToGregorian } = require('@tabby_ai/hijri-converter');
const { version } = require('@tabby_ai/hijri-converter/package.json');

const FIRST_YEAR = 1420;
const LAST_YEAR = 1500;
const FIXTURE = new URL('../test/domain/umalqura-reference.json', import.meta.url);
const DAY_MS = 86_400_000;

const iso = ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const toDay = (isoDate) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const fromDay = (day) => {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** `{ "1420": [12 ISO dates], …, "1500": [...], "1501": [the first of Muharram] }` from the package. */
function monthStartsFromPackage() {
  const starts = {};
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    starts[year] = Array.from({ length: 12 }, (_, i) => iso(hijriToGregorian({ year, month: i + 1, day: 1 })));
  }
  // The package ends with 1500; the start of 1501 is the day after the last day of Dhu al-Hijja 1500.
  let lastDay;
  try {
    lastDay = hijriToGregorian({ year: LAST_YEAR, month: 12, day: 30 });
  } catch {
    lastDay = hijriToGregorian({ year: LAST_YEAR, month: 12, day: 29 });
  }
  starts[LAST_YEAR + 1] = [iso(fromDay(toDay(iso(lastDay)) + 1))];
  return starts;
}

/** Every day of the range through the package's own gregorianToHijri must agree with the month starts. */
function checkDayByDay(starts) {
  const flat = Object.values(starts).flat().map(toDay);
  const problems = [];
  for (let i = 0; i + 1 < flat.length; i++) {
    const year = FIRST_YEAR + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const length = flat[i + 1] - flat[i];
    if (length !== 29 && length !== 30) problems.push(`${year}-${month} has ${length} days`);
    for (let d = 0; d < length; d++) {
      const h = gregorianToHijri(fromDay(flat[i] + d));
      if (h.year !== year || h.month !== month || h.day !== d + 1) {
        problems.push(`${iso(fromDay(flat[i] + d))}: gregorianToHijri gives ${iso(h)}, the month starts say ${iso({ year, month, day: d + 1 })}`);
      }
    }
  }
  return problems;
}

/** One Hijri year a line, so a change shows as a readable diff. */
function serialize(starts) {
  const years = Object.entries(starts).map(([year, dates]) => `    "${year}": ${JSON.stringify(dates)}`);
  return [
    '{',
    `  "source": "@tabby_ai/hijri-converter ${version} (written by scripts/umalqura-reference.mjs)",`,
    '  "description": "Umm al-Qura: the Gregorian date of the first day of each Hijri month, Muharram 1420 to Muharram 1501",',
    '  "monthStarts": {',
    years.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * One hex digit per four months, in order from Muharram 1420 (three a year): bit k of a digit
 * is set when the digit's (k + 1)th month has 30 days.
 */
function packedTable(starts) {
  const flat = Object.values(starts).flat().map(toDay);
  let table = '';
  for (let i = 0; i + 1 < flat.length; i += 4) {
    let bits = 0;
    for (let k = 0; k < 4; k++) if (flat[i + k + 1] - flat[i + k] === 30) bits |= 1 << k;
    table += bits.toString(16);
  }
  return table;
}

const starts = monthStartsFromPackage();
const problems = checkDayByDay(starts);
if (problems.length) {
  console.error(`The package contradicts itself:\n- ${problems.slice(0, 20).join('\n- ')}`);
  process.exit(1);
}

const mode = process.argv[2];
if (mode === '--check') {
  let committed;
  try {
    committed = JSON.parse(readFileSync(FIXTURE, 'utf8')).monthStarts;
  } catch (error) {
    console.error(`Cannot read ${FIXTURE.pathname}: ${error.message}`);
    process.exit(1);
  }
  const differences = Object.keys({ ...starts, ...committed })
    .filter((year) => JSON.stringify(starts[year]) !== JSON.stringify(committed[year]))
    .map((year) => `${year}: fixture ${JSON.stringify(committed[year])}, package ${JSON.stringify(starts[year])}`);
  if (differences.length) {
    console.error(`test/domain/umalqura-reference.json differs from @tabby_ai/hijri-converter ${version}:\n- ${differences.join('\n- ')}`);
    console.error('Run `node scripts/umalqura-reference.mjs`, then fix src/domain/umalqura.ts if its tests fail.');
    process.exit(1);
  }
  console.log(`Umm al-Qura fixture matches @tabby_ai/hijri-converter ${version}, ${FIRST_YEAR}–${LAST_YEAR} AH, day by day.`);
} else if (mode === '--table') {
  console.log(packedTable(starts));
} else if (mode === undefined) {
  writeFileSync(FIXTURE, serialize(starts));
  console.log(`Wrote ${FIXTURE.pathname} from @tabby_ai/hijri-converter ${version}.`);
} else {
  console.error(`Unknown option ${mode}; use --check, --table or nothing.`);
  process.exit(2);
}
