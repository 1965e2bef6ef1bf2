#!/usr/bin/env node
/**
 * The service guide the demo's "Download service guide" serves: the Arabic user guide
 * (../shared/seed/, version 1.1) as an A4 PDF, right to left, with its title, introduction,
 * sections, numbered steps, notes and links. The guide's pictures are not in the text we have;
 * the steps keep their picture numbers and the first page says so. Usage:
 *   node scripts/guide-pdf.mjs [guide.txt] [out.pdf]
 * Writes demo/public/service-guide.pdf by default. Uses puppeteer-core with Debian's Chromium
 * (CHROME_PATH overrides) and the installed Noto Naskh Arabic font (fonts-noto-core).
 */
import puppeteer from 'puppeteer-core';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? fileURLToPath(new URL('../../shared/seed/000_0a9e15dbf0f24056.txt', import.meta.url));
const out = process.argv[3] ?? fileURLToPath(new URL('../demo/public/service-guide.pdf', import.meta.url));

/**
 * The guide's text as blocks. Title lines come before "مقدمة:"; after it, headings ("1. …"),
 * steps ("1.9 …", also "- 1.9 …"), notes ("* …") and links ("<https://…>") are kept, and so is
 * each run of other lines between them (paragraphs and "- " bullets) unless the run holds a
 * picture caption ("صورة رقم 3"): such a run is the text seen in a picture (menus, form labels,
 * a description of a screenshot), which means nothing without it.
 */
function parseGuide(text) {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const intro = lines.indexOf('مقدمة:');
  if (intro < 0) throw new Error('The guide has no "مقدمة:" line');
  const title = lines.slice(0, intro);
  const blocks = [{ kind: 'heading', text: 'مقدمة' }];
  let run = [];
  const endRun = () => {
    if (!run.some((line) => /^صورة رقم \d+$/.test(line))) {
      for (const line of run) {
        const bullet = /^- (.+)$/.exec(line);
        blocks.push(bullet ? { kind: 'bullet', text: bullet[1] } : { kind: 'paragraph', text: line });
      }
    }
    run = [];
  };
  for (const line of lines.slice(intro + 1)) {
    const heading = /^(\d+)\. (.+)$/.exec(line);
    const step = /^(?:- )?(\d+\.\d+) (.+)$/.exec(line);
    const note = /^\* (.+)$/.exec(line);
    const link = /^<(https:\/\/[^>\s]+)>$/.exec(line);
    if (!heading && !step && !note && !link) {
      run.push(line);
      continue;
    }
    endRun();
    if (heading) blocks.push({ kind: 'heading', number: heading[1], text: heading[2].replace(/:$/, '') });
    else if (step) blocks.push({ kind: 'step', number: step[1], text: step[2] });
    // "* رسم توضيحي …" stands for an illustration, not a note.
    else if (note && !note[1].startsWith('رسم توضيحي')) blocks.push({ kind: 'note', text: note[1] });
    else if (link) blocks.push({ kind: 'link', href: link[1] });
  }
  endRun();
  return { title, blocks };
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
/** Inline links of the guide ("<https://…>") become links, kept left to right. */
const inline = (text) => escape(text).replace(/&lt;(https:\/\/[^&\s]+)&gt;/g, (_, href) => `<a href="${href}" dir="ltr">${href}</a>`);

function page({ title, blocks }) {
  const [name = '', service = '', serviceTitle = '', version = '', emirate = ''] = title;
  const body = [];
  let list = [];
  const flush = () => {
    if (list.length) body.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'bullet') flush();
    if (block.kind === 'heading') body.push(`<h2>${block.number ? `<span class="num">${block.number}.</span> ` : ''}${escape(block.text)}</h2>`);
    else if (block.kind === 'step') body.push(`<p class="step"><span class="num" dir="ltr">${block.number}</span><span>${inline(block.text)}</span></p>`);
    else if (block.kind === 'note') body.push(`<p class="note">${inline(block.text)}</p>`);
    else if (block.kind === 'link') body.push(`<p class="link"><a href="${block.href}" dir="ltr">${escape(block.href)}</a></p>`);
    else if (block.kind === 'bullet') list.push(block.text);
    else body.push(`<p>${inline(block.text)}</p>`);
  }
  flush();
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escape(`${name} — ${serviceTitle}`)}</title>
<style>
  @page { size: A4; margin: 18mm 18mm 20mm; }
  body { margin: 0; font-family: 'Noto Naskh Arabic', 'Noto Serif', serif; font-size: 11.5pt; line-height: 1.75; color: #1f2a27; }
  header { border-block-end: 3px solid #0f6b4f; padding-block-end: 10pt; margin-block-end: 14pt; }
  header .emirate { margin: 0; color: #0f6b4f; font-weight: 700; }
  h1 { margin: 4pt 0 2pt; font-size: 20pt; line-height: 1.4; }
  header p { margin: 0; }
  .edition { margin-block-start: 8pt; padding: 6pt 10pt; background: #eef5f2; border-radius: 4pt; font-size: 10pt; }
  h2 { margin: 16pt 0 6pt; font-size: 14.5pt; color: #0f6b4f; break-after: avoid; }
  p { margin: 0 0 6pt; }
  .step { display: flex; gap: 8pt; break-inside: avoid; }
  .step .num { flex: none; min-inline-size: 28pt; font-weight: 700; color: #0f6b4f; text-align: end; }
  .note { margin-inline-start: 36pt; padding-inline-start: 8pt; border-inline-start: 3px solid #c9a227; font-size: 10.5pt; }
  .link { margin-inline-start: 36pt; }
  a { color: #0b5394; }
  ul { margin: 0 0 6pt; padding-inline-start: 52pt; }
</style>
</head>
<body>
<header>
  <p class="emirate">${escape(emirate)}</p>
  <h1>${escape(serviceTitle)}</h1>
  <p>${escape(name)} · ${escape(service)} · ${escape(version)}</p>
  <p class="edition">نسخة نصية من دليل الخدمة أُعدّت لمعرض العناصر التجريبي؛ لا تتضمن صور الدليل، وأرقام الصور الواردة في الخطوات تشير إلى صور الدليل الأصلي.</p>
</header>
${body.join('\n')}
</body>
</html>`;
}

const html = page(parseGuide(readFileSync(source, 'utf8')));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
try {
  const tab = await browser.newPage();
  await tab.setContent(html, { waitUntil: 'load' });
  await tab.evaluate(() => document.fonts.ready);
  await tab.pdf({
    path: out,
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate:
      '<div style="inline-size: 100%; font-family: \'Noto Naskh Arabic\', \'Noto Serif\', serif; font-size: 8pt; color: #5c6b66; text-align: center;" dir="rtl" lang="ar">صفحة <span class="pageNumber"></span> من <span class="totalPages"></span></div>',
  });
} finally {
  await browser.close();
}
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KB`);
