import { expect } from '@open-wc/testing';
import { currentHijriYear, formatGregorianDate, formatHijriDate, isPlausibleHijriYear, recentHijriYears } from '../../src/domain/hijri.js';
import { fromHijri } from '../../src/domain/umalqura.js';
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
  // 1 Muharram 1452 is 3 May 2030 by the published table (ICU says 4 May): the year turns at
  // 21:00 UTC on 2 May, and late in the evening of 3 May (UTC) it is already 1452 in Riyadh.
  ['2030-05-02T20:59:00Z', 1451],
  ['2030-05-02T21:00:00Z', 1452],
  ['2030-05-03T12:00:00+03:00', 1452],
  ['2030-05-03T22:30:00Z', 1452],
  // 1 Muharram 1500 is 27 November 2076 by the table.
  ['2076-11-26T20:59:00Z', 1499],
  ['2076-11-26T21:00:00Z', 1500],
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
    // Past 1450 the days are the published table's; ICU says 30 Rabiʿ I 1451 and 30 Dhu al-Hijja 1451.
    ['Hijri', '2029-08-11T12:00:00+03:00', 'ar', '1 ربيع الآخر 1451 هـ'],
    ['Hijri', '2029-08-11T12:00:00+03:00', 'en', 'Rabiʻ II 1, 1451 AH'],
    ['Hijri', '2030-05-03T12:00:00+03:00', 'ar', '1 محرم 1452 هـ'],
    ['Hijri', '2030-05-03T12:00:00+03:00', 'en', 'Muharram 1, 1452 AH'],
    ['Hijri', '2030-05-02T21:30:00Z', 'en', 'Muharram 1, 1452 AH'],
    ['Hijri', '2030-05-02T12:00:00+03:00', 'ar', '29 ذو الحجة 1451 هـ'],
    ['Hijri', '2077-11-16T12:00:00+03:00', 'en', 'Dhuʻl-Hijjah 30, 1500 AH'],
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

describe('formatHijriDate before 1450 AH is exactly ICU\'s', () => {
  // ICU agrees with the published tables from 1420 AH to 10 August 2029 (DOMAIN.md); there our
  // formatting, built from the table and a reference month, must give ICU's very text.
  const icu = {
    ar: new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', { dateStyle: 'long', timeZone: 'Asia/Riyadh' }),
    en: new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { dateStyle: 'long', timeZone: 'Asia/Riyadh' }),
  };
  const first = fromHijri(1420, 1, 1)!.getTime();
  const last = new Date('2029-08-10T00:00:00+03:00').getTime();
  for (const locale of ['ar', 'en'] as const) {
    it(`every day from 1 Muharram 1420 to 10 August 2029 in ${locale}`, () => {
      const wrong: string[] = [];
      for (let t = first; t <= last; t += 86_400_000) {
        const noon = new Date(t + 12 * 3_600_000);
        const ours = formatHijriDate(noon, locale);
        const theirs = icu[locale].format(noon);
        if (ours !== theirs) wrong.push(`${noon.toISOString()}: ${ours} ≠ ICU ${theirs}`);
      }
      expect(wrong.slice(0, 5).join('\n'), `${wrong.length} wrong`).to.equal('');
    });
  }

  it('outside the table ICU formats alone', () => {
    for (const iso of ['1990-03-01T12:00:00+03:00', '1999-04-16T12:00:00+03:00', '2080-01-01T12:00:00+03:00']) {
      expect(formatHijriDate(iso, 'ar')).to.equal(icu.ar.format(new Date(iso)));
      expect(formatHijriDate(iso, 'en')).to.equal(icu.en.format(new Date(iso)));
    }
  });
});
