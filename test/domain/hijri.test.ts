import { expect } from '@open-wc/testing';
import { currentHijriYear, formatGregorianDate, formatHijriDate, isPlausibleHijriYear, recentHijriYears } from '../../src/domain/hijri.js';
import { show, table } from './table.js';

/** 25 November 2026 in Riyadh: 15 Jumada II 1448 in Umm al-Qura (16 in `islamic`, 14 in `islamic-civil`). */
const DAY = new Date('2026-11-25T09:00:00+03:00');

table('currentHijriYear (Riyadh time)', (iso: string) => currentHijriYear(new Date(iso)), [
  ['2026-11-25T09:00:00+03:00', 1448],
  ['2025-06-25T12:00:00+03:00', 1446],
  ['2025-06-26T12:00:00+03:00', 1447],
  // 1 Muharram 1448 is 16 June 2026: midnight in Riyadh is 21:00 UTC on the 15th.
  ['2026-06-15T20:59:00Z', 1447],
  ['2026-06-15T21:00:00Z', 1448],
  ['2026-06-15T22:30:00Z', 1448],
]);

table('recentHijriYears', (count: number) => recentHijriYears(count, DAY), [
  [3, [1448, 1447, 1446]],
  [1, [1448]],
  [0, []],
]);

describe('recentHijriYears default', () => {
  it('gives five years, newest first', () => {
    expect(recentHijriYears(undefined, DAY)).to.deep.equal([1448, 1447, 1446, 1445, 1444]);
  });
});

table('isPlausibleHijriYear', (year: number) => isPlausibleHijriYear(year, DAY), [
  [1448, true],
  [1400, true],
  [1350, true],
  [1349, false],
  [1449, false],
  [2026, false],
  [0, false],
  [-1448, false],
  [1447.5, false],
  [Number.NaN, false],
  [Number.POSITIVE_INFINITY, false],
]);

describe('formatHijriDate and formatGregorianDate', () => {
  const rows: Array<[string, Date | string, 'ar' | 'en', string]> = [
    ['Hijri', DAY, 'ar', '15 جمادى الآخرة 1448 هـ'],
    ['Hijri', DAY, 'en', 'Jumada II 15, 1448 AH'],
    ['Hijri', '2026-11-25T06:00:00Z', 'ar', '15 جمادى الآخرة 1448 هـ'],
    // 21:30 UTC is already the next day in Riyadh.
    ['Hijri', '2026-11-25T21:30:00Z', 'en', 'Jumada II 16, 1448 AH'],
    ['Gregorian', DAY, 'ar', '25 نوفمبر 2026'],
    ['Gregorian', DAY, 'en', '25 November 2026'],
    ['Gregorian', '2026-11-25T21:30:00Z', 'en', '26 November 2026'],
    // A backend date that is not a date shows as nothing instead of throwing mid-render.
    ['Hijri', 'not a date', 'ar', ''],
    ['Gregorian', '', 'en', ''],
  ];
  for (const [calendar, date, locale, expected] of rows) {
    it(`${calendar} ${show(date)} in ${locale} → ${expected}`, () => {
      const format = calendar === 'Hijri' ? formatHijriDate : formatGregorianDate;
      expect(format(date, locale)).to.equal(expected);
    });
  }
});
