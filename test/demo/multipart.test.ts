/**
 * The mock backend reads uploads itself (demo/mocks/multipart.ts): WebKit's Request.formData()
 * turns a file whose name is not Latin-1 into a text field, and citizens' files have Arabic names.
 */
import { expect } from '@open-wc/testing';
import { readMultipart } from '../../demo/mocks/multipart.js';

/** A multipart body as browsers send it: UTF-8 headers, a quote in a name escaped as %22. */
function multipart(parts: Array<{ name: string; filename?: string; type?: string; body: Uint8Array | string }>, boundary = '----FormBoundaryx7Q') {
  const chunks: BlobPart[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename.replace(/"/g, '%22')}"`;
    chunks.push(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}\r\n`);
    if (part.type) chunks.push(`Content-Type: ${part.type}\r\n`);
    chunks.push('\r\n', part.body as BlobPart, '\r\n');
  }
  chunks.push(`--${boundary}--\r\n`);
  return new Request('/api/uploads', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: new Blob(chunks),
  });
}

describe('the mock backend reading an upload', () => {
  it('gives a file with an Arabic name as a File, byte for byte, and text fields as text', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff]); // CR LF "--" inside the bytes
    const form = (await readMultipart(
      multipart([
        { name: 'file', filename: 'صك الأرض.pdf', type: 'application/pdf', body: bytes },
        { name: 'name', body: 'صك الأرض.pdf' },
        { name: 'purpose', body: 'reply' },
      ]),
    ))!;
    const file = form.get('file');
    expect(file).to.be.instanceOf(File);
    expect((file as File).name).to.equal('صك الأرض.pdf');
    expect((file as File).type).to.equal('application/pdf');
    expect([...new Uint8Array(await (file as File).arrayBuffer())]).to.deep.equal([...bytes]);
    expect(form.get('name')).to.equal('صك الأرض.pdf');
    expect(form.get('purpose')).to.equal('reply');
  });

  it('puts back a quote the browser escaped in a file name', async () => {
    const form = (await readMultipart(multipart([{ name: 'file', filename: '"><svg onload=alert(1)>.pdf', type: 'application/pdf', body: 'x' }])))!;
    expect((form.get('file') as File).name).to.equal('"><svg onload=alert(1)>.pdf');
  });

  it('is null for a body that is not multipart', async () => {
    const json = new Request('/api/uploads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await readMultipart(json)).to.equal(null);
  });
});
