import { expect } from '@open-wc/testing';
import { TABLE_FIRST_YEAR, TABLE_LAST_YEAR, fromHijri, toHijri, type HijriDate } from '../../src/domain/umalqura.js';
import { table } from './table.js';

/**
 * The published Umm al-Qura table (from @tabby_ai/hijri-converter, written by
 * scripts/umalqura-reference.mjs): the Gregorian first day of each month, Muharram 1420 to
 * Muharram 1501.
 */
const reference = (await (await fetch(new URL('./umalqura-reference.json', import.meta.url))).json()) as {
  monthStarts: Record<string, string[]>;
};

const DAY_MS = 86_400_000;
const RIYADH_MS = 3 * 3_600_000;
const epochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
/** The first and the last millisecond of a Gregorian calendar day in Riyadh. */
const riyadhMidnight = (day: number) => new Date(day * DAY_MS - RIYADH_MS);
const riyadhLastMoment = (day: number) => new Date((day + 1) * DAY_MS - RIYADH_MS - 1);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const show = ({ year, month, day }: HijriDate) => `${year}-${month}-${day}`;

const starts = Object.values(reference.monthStarts).flat().map(epochDay);

describe('the reference fixture', () => {
  it('holds every month from Muharram 1420 to Muharram 1501, each 29 or 30 days', () => {
    expect(Object.keys(reference.monthStarts)).to.have.length(TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 2);
    expect(starts).to.have.length((TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1) * 12 + 1);
    const lengths = new Set(starts.slice(1).map((start, i) => start - starts[i]!));
    expect([...lengths].sort()).to.deep.equal([29, 30]);
  });
});

describe('toHijri and fromHijri agree with the published table every day from 1420 to 1500 AH', () => {
  for (let year = TABLE_FIRST_YEAR; year <= TABLE_LAST_YEAR; year++) {
    it(`${year} AH`, () => {
      const wrong: string[] = [];
      for (let month = 1; month <= 12; month++) {
        const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
        const first = starts[index]!;
        const length = starts[index + 1]! - first;
        for (let day = 1; day <= length; day++) {
          const gregorian = first + day - 1;
          const expected = `${year}-${month}-${day}`;
          for (const moment of [riyadhMidnight(gregorian), riyadhLastMoment(gregorian)]) {
            const got = show(toHijri(moment));
            if (got !== expected) wrong.push(`toHijri(${moment.toISOString()}) = ${got}, table ${expected}`);
          }
          const back = fromHijri(year, month, day)?.toISOString();
          if (back !== riyadhMidnight(gregorian).toISOString()) wrong.push(`fromHijri(${expected}) = ${back}, table ${isoOf(gregorian)}`);
        }
        if (length === 29 && fromHijri(year, month, 30) !== undefined) wrong.push(`fromHijri(${year}-${month}-30) exists, the month has 29 days`);
      }
      expect(wrong.slice(0, 5).join('\n'), `${wrong.length} wrong`).to.equal('');
    });
  }
});

// The reference points DOMAIN.md quotes from the tables, where ICU says otherwise from 1451.
const POINTS: Array<[string, HijriDate]> = [
  ['2026-06-16', { year: 1448, month: 1, day: 1 }],
  ['2029-08-11', { year: 1451, month: 4, day: 1 }],
  ['2030-05-03', { year: 1452, month: 1, day: 1 }],
  ['2030-05-02', { year: 1451, month: 12, day: 29 }],
];

table('toHijri at the published reference points (noon in Riyadh)', (iso: string) => toHijri(new Date(`${iso}T12:00:00+03:00`)), POINTS);

table(
  'fromHijri at the published reference points (midnight in Riyadh)',
  ({ year, month, day }: HijriDate) => fromHijri(year, month, day)?.toISOString(),
  POINTS.map(([iso, hijri]): [HijriDate, string] => [hijri, riyadhMidnight(epochDay(iso)).toISOString()]),
);

table('toHijri takes the calendar day in Riyadh', (iso: string) => toHijri(new Date(iso)), [
  // Riyadh's midnight before 1 Muharram 1452 is 21:00 UTC on 2 May 2030.
  ['2030-05-02T20:59:59.999Z', { year: 1451, month: 12, day: 29 }],
  ['2030-05-02T21:00:00Z', { year: 1452, month: 1, day: 1 }],
  ['2030-05-03T20:59:59Z', { year: 1452, month: 1, day: 1 }],
  // 12:00 in Honolulu on 3 May is 01:00 on 4 May in Riyadh.
  ['2030-05-03T12:00:00-10:00', { year: 1452, month: 1, day: 2 }],
]);

table('fromHijri refuses days that do not exist', ([year, month, day]: [number, number, number]) => fromHijri(year, month, day), [
  [[1448, 13, 1], undefined],
  [[1448, 0, 1], undefined],
  [[1448, 1, 0], undefined],
  [[1448, 1, 31], undefined],
  [[1448.5, 1, 1], undefined],
  [[1448, Number.NaN, 1], undefined],
  [[1410, 1, 31], undefined],
  [[1510, 13, 1], undefined],
]);

describe('outside the table ICU answers', () => {
  const icu = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'Asia/Riyadh' });
  const icuHijri = (date: Date) => {
    const parts = Object.fromEntries(icu.formatToParts(date).map((p) => [p.type, p.value]));
    return `${Number(parts.year)}-${Number(parts.month)}-${Number(parts.day)}`;
  };
  // Ten years on either side: 1410–1419 and 1501–1510.
  const ranges: Array<[string, number, number]> = [
    ['before 1420', epochDay('1989-08-03'), starts[0]! - 1],
    ['after 1500', starts.at(-1)!, epochDay('2087-08-01')],
  ];
  for (const [name, from, to] of ranges) {
    it(`${name}: toHijri is ICU's day and fromHijri finds it again, every day`, () => {
      const wrong: string[] = [];
      for (let day = from; day <= to; day++) {
        const date = riyadhMidnight(day);
        const hijri = toHijri(date);
        if (show(hijri) !== icuHijri(date)) wrong.push(`toHijri(${isoOf(day)}) = ${show(hijri)}, ICU ${icuHijri(date)}`);
        const back = fromHijri(hijri.year, hijri.month, hijri.day)?.toISOString();
        if (back !== date.toISOString()) wrong.push(`fromHijri(${show(hijri)}) = ${back}, expected ${date.toISOString()}`);
      }
      expect(wrong.slice(0, 5).join('\n'), `${wrong.length} wrong`).to.equal('');
    });
  }

  it('the table takes over from ICU on 1 Muharram 1420 and ends on the last day of 1500', () => {
    expect(toHijri(riyadhMidnight(starts[0]! - 1))).to.include({ year: 1419, month: 12 });
    expect(toHijri(riyadhMidnight(starts[0]!))).to.deep.equal({ year: 1420, month: 1, day: 1 });
    expect(toHijri(riyadhMidnight(starts.at(-1)! - 1))).to.deep.equal({ year: 1500, month: 12, day: starts.at(-1)! - starts.at(-2)! });
  });

  it('an invalid Date throws a RangeError, as Intl does', () => {
    expect(() => toHijri(new Date(Number.NaN))).to.throw(RangeError);
  });
});
