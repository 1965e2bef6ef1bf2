import { expect } from '@open-wc/testing';
import { currentHijriYear, formatGregorianDate, formatHijriDate, isPlausibleHijriYear, recentHijriYears } from '../../src/domain/hijri.js';
import { acceptAttribute, checkFile, formatBytes, sniffFileType } from '../../src/domain/file-type.js';

const DAY = new Date('2026-11-25T09:00:00+03:00');

describe('Umm al-Qura dates', () => {
  it('knows the current year in Riyadh', () => {
    expect(currentHijriYear(DAY)).to.equal(1448);
    expect(currentHijriYear(new Date('2025-06-26T12:00:00+03:00'))).to.equal(1447);
  });
  it('uses Riyadh time, not the device’s, at the year boundary', () => {
    // 1 Muharram 1448 fell on 16 June 2026: 22:30 UTC on the 15th is already the 16th in Riyadh.
    expect(currentHijriYear(new Date('2026-06-15T22:30:00Z'))).to.equal(1448);
  });
  it('lists recent years newest first', () => {
    expect(recentHijriYears(3, DAY)).to.deep.equal([1448, 1447, 1446]);
  });
  const plausible: Array<[number, boolean]> = [
    [1448, true],
    [1350, true],
    [1349, false],
    [1449, false],
    [1447.5, false],
    [Number.NaN, false],
  ];
  for (const [year, expected] of plausible) {
    it(`${year} is ${expected ? '' : 'not '}a plausible transaction year`, () => {
      expect(isPlausibleHijriYear(year, DAY)).to.equal(expected);
    });
  }
  it('formats Hijri (Umm al-Qura, not islamic or civil) and Gregorian dates in both languages', () => {
    expect(formatHijriDate(DAY, 'ar')).to.contain('15').and.contain('1448').and.contain('جمادى');
    expect(formatHijriDate(DAY, 'en')).to.contain('15').and.contain('1448');
    expect(formatGregorianDate(DAY, 'ar')).to.contain('2026').and.contain('نوفمبر');
    expect(formatGregorianDate(DAY, 'en')).to.equal('25 November 2026');
  });
});

const bytes = (...b: number[]) => new Blob([new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0])]);
const rules = { acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 1024 };

describe('file types by content', () => {
  const cases: Array<[string, Blob, string | null]> = [
    ['PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'application/pdf'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['GIF', bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61), 'image/gif'],
    ['WEBP', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50), 'image/webp'],
    ['text', new Blob(['<script>alert(1)</script>']), null],
    ['empty', new Blob([]), null],
  ];
  for (const [name, blob, type] of cases) {
    it(`sniffs ${name}`, async () => {
      expect(await sniffFileType(blob)).to.equal(type);
    });
  }

  it('checks emptiness, size (without reading) and type, trusting content over name', async () => {
    expect(await checkFile(new File([], 'a.pdf', { type: 'application/pdf' }), rules)).to.equal('file-empty');
    expect(await checkFile(new Blob([new Uint8Array(1025)]), rules)).to.equal('file-too-large');
    expect(await checkFile(new File(['MZ executable'], 'letter.pdf', { type: 'application/pdf' }), rules)).to.equal('file-type');
    expect(await checkFile(new File([bytes(0x47, 0x49, 0x46, 0x38)], 'x.png', { type: 'image/png' }), rules)).to.equal('file-type');
    expect(await checkFile(new File([bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)], 'scan.pdf'), rules)).to.equal(null);
  });

  it('gives the accept attribute and readable sizes', () => {
    expect(acceptAttribute(rules)).to.equal('.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png');
    expect(formatBytes(5 * 1024 * 1024, 'en')).to.equal('5 MB');
    expect(formatBytes(1536, 'en')).to.equal('1.5 kB');
    expect(formatBytes(5 * 1024 * 1024, 'ar')).to.match(/^5/);
  });
});
