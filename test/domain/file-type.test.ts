import { expect } from '@open-wc/testing';
import type { FileRules } from '../../src/api/types.js';
import { formatBytes } from '../../src/domain/file-type.js';
import { acceptAttribute, checkFile, MAX_UPLOAD_NAME, sniffFileType, uploadFileName } from '../../src/domain/file-check.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { table } from './table.js';

/** A Blob holding these bytes followed by some padding. */
const bytes = (...b: number[]) => new Blob([new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0])]);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const WEBP = [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50];

const rules: FileRules = { acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 1024 };

/** A Blob that fails the test if anything reads its content. */
class UnreadableBlob extends Blob {
  override slice(): Blob {
    throw new Error('read a file that should have been rejected by size');
  }
}

describe('sniffFileType', () => {
  const rows: Array<[string, Blob, string | null]> = [
    ['PDF', bytes(...PDF), 'application/pdf'],
    ['PDF after a UTF-8 byte order mark', bytes(0xef, 0xbb, 0xbf, ...PDF), 'application/pdf'],
    ['byte order mark, then not a PDF', new Blob(['\ufeff%PD!-1.7']), null],
    ['byte order mark alone', new Blob(['\ufeff']), null],
    ['UTF-16 byte order mark, then %PDF-', bytes(0xfe, 0xff, ...PDF), null],
    ['JPEG', bytes(...JPEG), 'image/jpeg'],
    ['PNG', bytes(...PNG), 'image/png'],
    ['PNG header only', new Blob([new Uint8Array(PNG)]), 'image/png'],
    ['GIF', bytes(...GIF), 'image/gif'],
    ['WEBP', bytes(...WEBP), 'image/webp'],
    ['PNG named .pdf, declared PDF', new File([new Uint8Array(PNG)], 'letter.pdf', { type: 'application/pdf' }), 'image/png'],
    ['RIFF but WAVE', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45), null],
    ['truncated PDF signature', new Blob(['%PD']), null],
    ['PDF signature not at the start', new Blob([' %PDF-1.7']), null],
    ['Windows executable', new Blob(['MZ\x90\x00']), null],
    ['HTML', new Blob(['<script>alert(1)</script>']), null],
    ['Arabic text', new Blob(['خطاب موضوع الزيارة']), null],
    ['emoji', new Blob(['😀😀😀😀']), null],
    ['empty', new Blob([]), null],
  ];
  for (const [name, blob, expected] of rows) {
    it(`${name} → ${expected}`, async () => {
      expect(await sniffFileType(blob)).to.equal(expected);
    });
  }
});

describe('checkFile', () => {
  const padded = (header: number[], size: number) => new Blob([new Uint8Array(header), new Uint8Array(size - header.length)]);
  const rows: Array<[string, Blob, FileRules, Awaited<ReturnType<typeof checkFile>>]> = [
    ['PDF', bytes(...PDF), rules, null],
    ['PDF with a byte order mark', bytes(0xef, 0xbb, 0xbf, ...PDF), rules, null],
    ['JPEG', bytes(...JPEG), rules, null],
    ['PNG of exactly the limit', padded(PNG, 1024), rules, null],
    ['PNG named .pdf', new File([bytes(...PNG)], 'scan.pdf', { type: 'application/pdf' }), rules, null],
    ['PDF named .exe', new File([bytes(...PDF)], 'letter.exe', { type: 'application/x-msdownload' }), rules, null],
    ['empty Blob', new Blob([]), rules, 'file-empty'],
    ['empty file named .pdf', new File([], 'a.pdf', { type: 'application/pdf' }), rules, 'file-empty'],
    ['one byte over the limit', new Blob([new Uint8Array(1025)]), rules, 'file-too-large'],
    ['PNG over the limit', padded(PNG, 1025), rules, 'file-too-large'],
    ['over 5 MB', new Blob([new Uint8Array(5 * 1024 * 1024 + 1)]), { ...rules, maxBytes: 5 * 1024 * 1024 }, 'file-too-large'],
    ['too large, without being read', new UnreadableBlob([new Uint8Array(2048)]), rules, 'file-too-large'],
    ['executable named .pdf', new File(['MZ executable'], 'letter.pdf', { type: 'application/pdf' }), rules, 'file-type'],
    ['HTML declared PDF', new File(['<html><script>x</script>'], 'a.pdf', { type: 'application/pdf' }), rules, 'file-type'],
    ['GIF named .png', new File([bytes(...GIF)], 'x.png', { type: 'image/png' }), rules, 'file-type'],
    ['WEBP when not accepted', bytes(...WEBP), rules, 'file-type'],
    ['WEBP when accepted', bytes(...WEBP), { ...rules, acceptedTypes: ['image/webp'] }, null],
    ['PDF when nothing is accepted', bytes(...PDF), { ...rules, acceptedTypes: [] }, 'file-type'],
  ];
  for (const [name, file, fileRules, expected] of rows) {
    it(`${name} → ${expected}`, async () => {
      expect(await checkFile(file, fileRules)).to.equal(expected);
    });
  }
});

const PDF_TYPE = 'application/pdf';
const PNG_TYPE = 'image/png';
const JPEG_TYPE = 'image/jpeg';

// The name an upload is sent under, for content of a type; null: the name claims another type.
table<[string, string], string | null>('uploadFileName', ([name, type]) => uploadFileName(name, type), [
  // A matching extension stays as written; a missing one is added.
  [['photo.jpeg', JPEG_TYPE], 'photo.jpeg'],
  [['photo.JPG', JPEG_TYPE], 'photo.JPG'],
  [['IMG_0042.jfif', JPEG_TYPE], 'IMG_0042.jfif'],
  [['scan', PNG_TYPE], 'scan.png'],
  [['scan', JPEG_TYPE], 'scan.jpg'],
  [['صك الملكية', PDF_TYPE], 'صك الملكية.pdf'],
  [['صك الملكية.pdf', PDF_TYPE], 'صك الملكية.pdf'],
  [['letter v1.2', PDF_TYPE], 'letter v1.2.pdf'],
  [['scan.2024', PNG_TYPE], 'scan.2024.png'],
  [['invoice.html.pdf', PDF_TYPE], 'invoice.html.pdf'],
  [['letter.pdf.png', PNG_TYPE], 'letter.pdf.png'],
  // A name that claims another type is refused.
  [['report.pdf.html', PDF_TYPE], null],
  [['setup.exe', PNG_TYPE], null],
  [['x.pdf', PNG_TYPE], null],
  [['photo.png', JPEG_TYPE], null],
  [['letter.doc', PDF_TYPE], null],
  [['archive.tar.gz', PDF_TYPE], null],
  [['page.svg', PNG_TYPE], null],
  [['report.v2', PDF_TYPE], null],
  // A right-to-left override cannot hide the real extension: gone, the name reads as it ends.
  [['invoice\u202Efdp.exe', PDF_TYPE], null],
  [['exe.\u202Efdp', PDF_TYPE], null],
  // Control and format characters go; joiners stay (Persian, Urdu, emoji need them).
  [['let\u200Bter\u00AD.pdf', PDF_TYPE], 'letter.pdf'],
  [['line\nbreak\t.pdf', PDF_TYPE], 'linebreak.pdf'],
  [['\u061Cخطاب\u200F.pdf', PDF_TYPE], 'خطاب.pdf'],
  [['\u2066scan\u2069.png', PNG_TYPE], 'scan.png'],
  [['\uFEFFscan.png', PNG_TYPE], 'scan.png'],
  [['نامه\u200Cی اداری.pdf', PDF_TYPE], 'نامه\u200Cی اداری.pdf'],
  // Folders, spaces, dots at the ends.
  [['../../etc/passwd', PDF_TYPE], 'passwd.pdf'],
  [['C:\\fakepath\\x.pdf', PDF_TYPE], 'x.pdf'],
  [['  name   with  spaces .pdf ', PDF_TYPE], 'name with spaces.pdf'],
  [['scan.png.', PNG_TYPE], 'scan.png'],
  [['....', PDF_TYPE], 'file.pdf'],
  [['', PNG_TYPE], 'file.png'],
  [['.pdf', PDF_TYPE], 'pdf.pdf'],
  // Long names are cut before the extension, by characters.
  [['أ'.repeat(300) + '.pdf', PDF_TYPE], 'أ'.repeat(MAX_UPLOAD_NAME - 4) + '.pdf'],
  [['😀'.repeat(200), PNG_TYPE], '😀'.repeat(MAX_UPLOAD_NAME - 4) + '.png'],
  [['a'.repeat(MAX_UPLOAD_NAME - 5) + '.jpeg', JPEG_TYPE], 'a'.repeat(MAX_UPLOAD_NAME - 5) + '.jpeg'],
  [['a'.repeat(98) + ' ' + 'b'.repeat(10) + '.pdf', PDF_TYPE], 'a'.repeat(96) + '.pdf'],
]);

describe('checkFile with the name it would be sent under', () => {
  const rows: Array<[string, Blob, string, Awaited<ReturnType<typeof checkFile>>]> = [
    ['PDF named .pdf', bytes(...PDF), 'letter.pdf', null],
    ['PNG without an extension', bytes(...PNG), 'scan', null],
    ['PDF named .pdf.html', bytes(...PDF), 'report.pdf.html', 'file-name-type'],
    ['PNG named .exe', bytes(...PNG), 'setup.exe', 'file-name-type'],
    ['PNG named .pdf', bytes(...PNG), 'x.pdf', 'file-name-type'],
    ['PNG named .pdf, declared PDF', new File([bytes(...PNG)], 'x.pdf', { type: 'application/pdf' }), 'x.pdf', 'file-name-type'],
    ['empty, whatever its name', new Blob([]), 'setup.exe', 'file-empty'],
    ['too large, whatever its name', new Blob([new Uint8Array(1025)]), 'setup.exe', 'file-too-large'],
    ['an executable named .exe: its content decides first', new Blob(['MZ executable']), 'setup.exe', 'file-type'],
    ['GIF named .gif when GIF is not accepted', bytes(...GIF), 'x.gif', 'file-type'],
  ];
  for (const [title, file, name, expected] of rows) {
    it(`${title} → ${expected}`, async () => {
      expect(await checkFile(file, rules, name)).to.equal(expected);
    });
  }
});

table('acceptAttribute', (acceptedTypes: string[]) => acceptAttribute({ acceptedTypes, maxBytes: 1 }), [
  [['application/pdf', 'image/jpeg', 'image/png'], '.pdf,.jpg,.jpeg,.jfif,.jpe,.png,application/pdf,image/jpeg,image/png'],
  [['image/webp', 'image/gif'], '.webp,.gif,image/webp,image/gif'],
  [['application/msword'], 'application/msword'],
  [[], ''],
]);

describe('formatBytes (the active language’s words, Latin digits)', () => {
  after(() => setWidgetLocale('ar'));
  const rows: Array<[number, 'ar' | 'en', string]> = [
    [5 * 1024 * 1024, 'en', '5 MB'],
    [1024 * 1024, 'en', '1 MB'],
    [2.5 * 1024 * 1024, 'en', '2.5 MB'],
    [1536, 'en', '1.5 kB'],
    [1024, 'en', '1 kB'],
    [10, 'en', '0.1 kB'],
    [0, 'en', '0 kB'],
    [5 * 1024 * 1024, 'ar', '5 ميجابايت'],
    [2.5 * 1024 * 1024, 'ar', '2.5 ميجابايت'],
    [20 * 1024 * 1024, 'ar', '20 ميجابايت'],
    [1536, 'ar', '1.5 كيلوبايت'],
    [10, 'ar', '0.1 كيلوبايت'],
    [1000 * 1024, 'ar', '1000 كيلوبايت'],
  ];
  for (const [n, locale, expected] of rows) {
    it(`${n} in ${locale} → ${expected}`, async () => {
      await setWidgetLocale(locale);
      expect(formatBytes(n)).to.equal(expected);
    });
  }
});
