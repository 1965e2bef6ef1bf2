/**
 * "Download service guide" (the catalog's guideUrl, served by the mock) gives the Arabic user
 * guide as a PDF: the file scripts/guide-pdf.mjs writes to demo/public/service-guide.pdf.
 */
import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';

await useMockBackend();

/** The PDF's bytes as Latin-1 text, where its dictionaries can be read. */
const latin1 = (bytes: ArrayBuffer) => new TextDecoder('latin1').decode(bytes);

/** A PDF text string written as UTF-16BE hex (`<FEFF…>`), decoded. */
function utf16Hex(hex: string): string {
  const bytes = Uint8Array.from(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
  return new TextDecoder('utf-16be').decode(bytes.subarray(2));
}

describe('the demo’s service guide', () => {
  it('the catalog’s guide link downloads the Arabic guide PDF, the file the demo ships', async () => {
    const catalog = await new RestAdapter({ baseUrl: API_BASE }).getCatalog();
    const response = await fetch(catalog.service.guideUrl!);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/pdf');
    const served = await response.arrayBuffer();
    const shipped = await (await fetch('/demo/public/service-guide.pdf')).arrayBuffer();
    expect(served.byteLength, 'the shipped file').to.equal(shipped.byteLength);
    expect(latin1(served) === latin1(shipped), 'the same bytes').to.equal(true);

    const text = latin1(served);
    expect(text.startsWith('%PDF-')).to.equal(true);
    const title = /\/Title <(FEFF[0-9A-F]+)>/.exec(text);
    expect(utf16Hex(title![1]!)).to.equal('دليل استخدام خدمات البوابة الإلكترونية — طلب موعد مع الامارة');
    expect(text).to.include('/Lang (ar)');
    expect(text, 'an Arabic font').to.match(/\/FontName \/[A-Z]+\+NotoNaskhArabic-Regular/);
    expect(Number(/\/Count (\d+)/.exec(text)?.[1]), 'pages').to.be.at.least(2);
    expect(served.byteLength, 'small enough to ship').to.be.below(150 * 1024);
  });
});
