/** The small files the mock backend serves (request summary, service guide, attachment stand-ins). */

/**
 * A one-page PDF showing `lines` (ASCII; PDF's standard fonts have no Arabic glyphs).
 * Small but valid: viewers open it.
 */
export function simplePdf(lines: string[]): Blob {
  const escape = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const content = ['BT', '/F1 14 Tf', '72 760 Td', '18 TL', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([pdf], { type: 'application/pdf' });
}

/**
 * A stand-in for an attachment whose bytes the mock does not have (a seeded staff message, or an
 * upload from before a reload): a small valid file of `type` that shows `name`.
 */
export async function placeholderFile(type: string, name: string): Promise<Blob> {
  if (type === 'image/png' || type === 'image/jpeg') {
    const canvas = new OffscreenCanvas(480, 240);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#f3f6f5';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#1f2a27';
    context.font = '24px sans-serif';
    context.textAlign = 'center';
    context.fillText(name, canvas.width / 2, canvas.height / 2, canvas.width - 40);
    return canvas.convertToBlob({ type });
  }
  return simplePdf([name, 'Attachment (mock)']);
}
