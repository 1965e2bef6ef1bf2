/**
 * The Umm al-Qura calendar from our own table of month lengths for 1420–1500 AH (DOMAIN.md,
 * "Checked against outside references"). ICU's `islamic-umalqura` agrees with the published
 * tables up to 2029-08-10 but is a day early or late on 6,329 days after that, up to 1500 AH.
 * Outside the table (before 1420, after 1500) ICU answers.
 *
 * A date's Hijri day is its calendar day in Riyadh, which is UTC+3 all year (no summer time).
 * Nothing is computed when the module loads.
 */

/** A day of the Umm al-Qura calendar: month 1 is Muharram, 12 Dhu al-Hijja. */
export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

/** The first and last years of our table; ICU answers for the others. */
export const TABLE_FIRST_YEAR = 1420;
export const TABLE_LAST_YEAR = 1500;

/**
 * Month lengths from Muharram 1420: one hex digit per four months, in order (three a year);
 * bit k of a digit is set when its (k + 1)th month has 30 days, clear for 29. Printed by
 * `node scripts/umalqura-reference.mjs --table` from the published table;
 * test/domain/umalqura.test.ts checks every day of it.
 */
const MONTHS =
  '2db4cb98b59ad25da5a6b4d69cd29d6aa659ea2d65a6355baaad49d94d59ab25b5aa555da9ae29e62d55ada4d65a6b4579ae45eaaca59ab29d52bb46baca5555b2d65aea4e59ad25daac639572d6596d25b5aab4ab94b396b25b6aa6b4d69ce29d62be45da2d65aea4d69a6d45b92b39ab2575a6355baaa639e';

/** 1 Muharram 1420 is 1999-04-17: days from 1970-01-01. */
const FIRST_DAY = 10_698;
const DAY_MS = 86_400_000;
const RIYADH_OFFSET_MS = 3 * 3_600_000;

let icuFormat: Intl.DateTimeFormat | undefined;

/**
 * The Umm al-Qura date of the calendar day in Riyadh that `date` falls on.
 * @throws {RangeError} for an invalid Date, as Intl does.
 */
export function toHijri(date: Date): HijriDate {
  let rest = Math.floor((date.getTime() + RIYADH_OFFSET_MS) / DAY_MS) - FIRST_DAY;
  for (let i = 0; rest >= 0 && i < MONTHS.length * 4; i++) {
    const length = 29 + ((Number.parseInt(MONTHS[i >> 2], 16) >> (i & 3)) & 1);
    if (rest < length) return { year: TABLE_FIRST_YEAR + Math.floor(i / 12), month: (i % 12) + 1, day: rest + 1 };
    rest -= length;
  }
  // Outside the table: ICU's answer, from a format made on first use.
  icuFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'Asia/Riyadh',
  });
  const parts = icuFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/**
 * The moment a Hijri day begins in Riyadh (its midnight, 21:00 UTC the day before), or
 * `undefined` when there is no such day (month 13, the 30th of a 29-day month). It guesses the
 * day from the mean month and corrects the guess by how far off `toHijri` finds it, so the
 * table answers within it and ICU outside.
 */
export function fromHijri(year: number, month: number, day: number): Date | undefined {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  let guess = Math.round(FIRST_DAY + ((year - TABLE_FIRST_YEAR) * 12 + month - 1) * 29.530_588) + day - 1;
  for (let step = 0; step < 5; step++) {
    const date = new Date(guess * DAY_MS - RIYADH_OFFSET_MS);
    if (Number.isNaN(date.getTime())) return undefined;
    const found = toHijri(date);
    const off = ((year - found.year) * 12 + month - found.month) * 30 + day - found.day;
    if (!off) return date;
    guess += off;
  }
  return undefined;
}
