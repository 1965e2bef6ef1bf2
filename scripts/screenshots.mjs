#!/usr/bin/env node
/**
 * Screenshots of the demo for looking at what a citizen sees: Arabic at phone width, English at
 * desktop width, in several states. Needs `npm start` running. Usage:
 *   node scripts/screenshots.mjs [outDir] [baseUrl]
 * Uses puppeteer-core (already installed by @web/test-runner) with Debian's Chromium.
 */
import puppeteer from 'puppeteer-core';
import { mkdirSync } from 'node:fs';

const outDir = process.argv[2] ?? 'screenshots';
const base = process.argv[3] ?? 'http://localhost:5173/';
mkdirSync(outDir, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});

const shots = [
  { name: 'ar-375-form', lang: 'ar', width: 375 },
  { name: 'en-1280-form', lang: 'en', width: 1280 },
  { name: 'ar-375-errors', lang: 'ar', width: 375, errors: true },
  { name: 'en-1280-errors', lang: 'en', width: 1280, errors: true },
  { name: 'ar-375-signed-out', lang: 'ar', width: 375, scenario: 'signed-out' },
  { name: 'ar-375-review', lang: 'ar', width: 375, fill: true },
  { name: 'en-1280-review', lang: 'en', width: 1280, fill: true },
  { name: 'ar-375-done', lang: 'ar', width: 375, fill: true, send: true },
  { name: 'en-1280-done', lang: 'en', width: 1280, fill: true, send: true },
  { name: 'ar-375-inquiry', lang: 'ar', width: 375, inquiry: '٤٥٢١' },
  { name: 'en-1280-inquiry', lang: 'en', width: 1280, inquiry: '4521' },
  { name: 'ar-375-inquiry-not-found', lang: 'ar', width: 375, inquiry: '77' },
  { name: 'ar-375-inbox', lang: 'ar', width: 375, scenario: 'with-requests', inbox: 'list' },
  { name: 'en-1280-inbox', lang: 'en', width: 1280, scenario: 'with-requests', inbox: 'list' },
  { name: 'ar-375-inbox-request', lang: 'ar', width: 375, scenario: 'with-requests', inbox: 'open' },
  { name: 'en-1280-inbox-request', lang: 'en', width: 1280, scenario: 'with-requests', inbox: 'open' },
];

/** Runs in the page: shows the inbox alone (the list, or the newest request opened). */
async function showInbox(mode) {
  for (const el of document.querySelectorAll('emirate-booking-form, emirate-inquiry-box, h1')) el.hidden = true;
  const inbox = document.querySelector('emirate-inbox');
  if (mode === 'open') {
    inbox.shadowRoot.querySelector('[data-request]').click();
    await new Promise((r) => setTimeout(r, 800));
  }
}

/** Runs in the page: looks a transaction up in the inquiry box and scrolls it into view. */
async function inquire(number) {
  const box = document.querySelector('emirate-inquiry-box');
  const input = box.shadowRoot.querySelector('#transactionNumber');
  input.value = number;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  box.shadowRoot.querySelector('button[type=submit]').click();
  await new Promise((r) => setTimeout(r, 800));
  box.scrollIntoView();
}

/** Runs in the page: answers every question as a citizen would, with one companion. */
async function fillForm() {
  const form = document.querySelector('emirate-booking-form');
  const root = form.shadowRoot;
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const type = (el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const choose = (id, index) => {
    const select = root.querySelector(`#${id}`);
    select.value = select.options[index].value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'هوية.png', { type: 'image/png' });
  const pick = (field) => {
    const input = field.shadowRoot.querySelector('input[type=file]');
    const dt = new DataTransfer();
    dt.items.add(png());
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  };
  root.querySelector('#applicantType').click();
  choose('appointmentType', 3);
  await form.updateComplete;
  choose('destination', 2);
  choose('gate', 1);
  choose('reason', 1);
  type(root.querySelector('#subject'), 'مراجعة بخصوص معاملة أرض زراعية في محافظة شرورة');
  pick(root.querySelector('#subjectLetter'));
  pick(root.querySelector('#idCopy'));
  root.querySelector('#hasBelongings-yes').click();
  await form.updateComplete;
  root.querySelector('input[name=belongings]').click();
  const list = root.querySelector('emirate-companion-list');
  list.shadowRoot.querySelector('button.add').click();
  await list.updateComplete;
  const inputs = list.shadowRoot.querySelectorAll('fieldset input');
  type(inputs[0], 'سعد محمد علي القحطاني');
  type(inputs[1], '2345678904');
  pick(list.shadowRoot.querySelector('emirate-file-field'));
  root.querySelector('#declaration').click();
  await wait(1500);
  root.querySelector('button[type=submit]').click();
  await wait(300);
}

for (const shot of shots) {
  const context = await browser.createBrowserContext(); // fresh storage: no draft from the previous shot
  const page = await context.newPage();
  await page.setViewport({ width: shot.width, height: 900, deviceScaleFactor: 1 });
  await page.goto(`${base}?lang=${shot.lang}&scenario=${shot.scenario ?? 'new-user'}`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('emirate-booking-form')?.shadowRoot?.querySelector('form, section, [role=alert]'));
  if (shot.fill) await page.evaluate(fillForm);
  if (shot.inquiry) await page.evaluate(inquire, shot.inquiry);
  if (shot.inbox) await page.evaluate(showInbox, shot.inbox);
  if (shot.send) {
    await page.evaluate(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('button[part=submit]').click());
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (shot.errors) {
    await page.evaluate(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('button[type=submit]').click());
    await new Promise((r) => setTimeout(r, 300));
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: `${outDir}/${shot.name}.png`, fullPage: !shot.inquiry });
  console.log(`${shot.name}.png${overflow > 0 ? `  horizontal overflow: ${overflow}px` : ''}`);
  await context.close();
}
await browser.close();
