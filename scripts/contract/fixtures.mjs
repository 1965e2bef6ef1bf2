/** The small files the contract kit uploads: real PDF and PNG bytes, and a text file posing as a PDF. */

/** A one-page PDF that viewers open (text "Contract kit"). */
export function pdfBytes() {
  const content = 'BT /F1 18 Tf 72 760 Td (Contract kit) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** A 1×1 PNG. */
export function pngBytes() {
  return Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
}

/** `size` bytes that start as a PDF does, so only their size is wrong. */
export function oversizedPdfBytes(size) {
  const bytes = new Uint8Array(size);
  bytes.set(pdfBytes().subarray(0, Math.min(size, 64)));
  return bytes;
}

/** Plain text, to be sent under a PDF's name and type. */
export function textBytes() {
  return new TextEncoder().encode('This is plain text, not a PDF.\n');
}
