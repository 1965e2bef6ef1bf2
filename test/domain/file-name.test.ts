import { downloadFileName, MAX_FILE_NAME } from '../../src/domain/file-name.js';
import { table } from './table.js';

const PDF = 'application/pdf';
const PNG = 'image/png';
const JPEG = 'image/jpeg';

table<[string, string], string>('downloadFileName', ([name, type]) => downloadFileName(name, type), [
  [['صك الملكية.pdf', PDF], 'صك الملكية.pdf'],
  [['تقرير', PDF], 'تقرير.pdf'],
  [['photo.JPG', JPEG], 'photo.JPG'],
  [['scan.jpeg', JPEG], 'scan.jpeg'],
  [['letter.pdf', PNG], 'letter.pdf.png'],
  [['invoice.pdf.exe', PDF], 'invoice.pdf.exe.pdf'],
  [['exe.\u202Efdp', PDF], 'exe.fdp.pdf'],
  [['../../etc/passwd', PDF], 'passwd.pdf'],
  [['C:\\fakepath\\letter.pdf', PDF], 'letter.pdf'],
  [['a<b>:c"d|e?f*.png', PNG], 'a_b__c_d_e_f_.png'],
  [['line\nbreak\t.pdf', PDF], 'line_break_.pdf'],
  [['  . hidden.pdf . ', PDF], 'hidden.pdf'],
  [['name .pdf', PDF], 'name.pdf'],
  [['....', PDF], 'file.pdf'],
  [['', PNG], 'file.png'],
  [['CON.pdf', PDF], '_CON.pdf'],
  [['nul', PDF], '_nul.pdf'],
  [['lpt1.png', PNG], '_lpt1.png'],
  [['console.pdf', PDF], 'console.pdf'],
  [['نامه\u200Cی اداری.pdf', PDF], 'نامه\u200Cی اداری.pdf'],
  [['ا\u0653.pdf', PDF], 'آ.pdf'],
  [['أ'.repeat(300) + '.pdf', PDF], 'أ'.repeat(MAX_FILE_NAME - 4) + '.pdf'],
  [['😀'.repeat(200), PNG], '😀'.repeat(MAX_FILE_NAME - 4) + '.png'],
  [['data.bin', 'application/octet-stream'], 'data.bin'],
]);
