#!/usr/bin/env node
/**
 * Screenshots of the designers' gallery for looking at what a citizen sees: every view in
 * Arabic at phone width and English at desktop width, the Al-Jouf branding, the mock Nafath
 * page, and the states worth a look (errors, review, confirmation, inquiry answers, a request
 * opened, the companions' FormData). Needs `npm start` running (or any served build of the
 * demo: pass its address). Usage:
 *   node scripts/screenshots.mjs [outDir] [baseUrl]
 * SHOTS=<regular expression> takes only the shots whose file name matches (e.g. SHOTS=done).
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

const VIEWS = ['booking', 'companions', 'inbox', 'inquiry', 'card', 'shell'];
const PHONE = { lang: 'ar', width: 375 };
const DESKTOP = { lang: 'en', width: 1280 };

/** Every view alone, Arabic on a phone and English on a desktop; then the states and brands. */
const shots = [
  ...VIEWS.flatMap((view) => [
    { ...PHONE, view },
    { ...DESKTOP, view },
  ]),
  { ...PHONE, view: 'inbox', scenario: 'with-requests' },
  { ...DESKTOP, view: 'inbox', scenario: 'with-requests' },
  { ...PHONE, view: 'inbox', scenario: 'with-requests', action: 'open-request', suffix: 'request' },
  { ...DESKTOP, view: 'inbox', scenario: 'with-requests', action: 'open-request', suffix: 'request' },
  // The visit pass of an approved request on the day (#14): on a phone, on a desktop, and printed.
  { ...PHONE, view: 'inbox', scenario: 'visit-today', action: 'open-pass', suffix: 'pass' },
  { ...DESKTOP, view: 'inbox', scenario: 'visit-today', action: 'open-pass', suffix: 'pass' },
  { ...PHONE, view: 'inbox', scenario: 'visit-today', action: 'open-pass', suffix: 'pass-print', printPass: true },
  { ...PHONE, view: 'booking', scenario: 'signed-out' },
  { ...PHONE, view: 'booking', scenario: 'server-error' },
  // Several files in one attachment slot (#14): two letters, a third offered.
  { ...PHONE, view: 'booking', action: 'files', suffix: 'files' },
  { ...DESKTOP, view: 'booking', action: 'files', suffix: 'files' },
  { ...PHONE, view: 'booking', action: 'errors', suffix: 'errors' },
  { ...DESKTOP, view: 'booking', action: 'errors', suffix: 'errors' },
  { ...PHONE, view: 'booking', action: 'review', suffix: 'review' },
  { ...DESKTOP, view: 'booking', action: 'review', suffix: 'review' },
  { ...PHONE, view: 'booking', action: 'send', suffix: 'done' },
  { ...DESKTOP, view: 'booking', action: 'send', suffix: 'done' },
  // What printing the confirmation's summary puts on paper (the page around it hidden).
  { ...PHONE, view: 'booking', action: 'send', suffix: 'summary-print', print: true },
  { ...DESKTOP, view: 'booking', action: 'send', suffix: 'summary-print', print: true },
  { ...PHONE, view: 'companions', action: 'companion', suffix: 'formdata' },
  { ...DESKTOP, view: 'companions', action: 'companion', suffix: 'formdata' },
  { ...PHONE, view: 'inquiry', action: 'inquire', number: '٤٥٢١', suffix: 'found' },
  { ...DESKTOP, view: 'inquiry', action: 'inquire', number: '4521', suffix: 'found' },
  { ...PHONE, view: 'inquiry', action: 'inquire', number: '77', suffix: 'not-found' },
  { ...PHONE, view: 'shell', route: 'book', suffix: 'book' },
  { ...DESKTOP, view: 'shell', route: 'requests', scenario: 'with-requests', suffix: 'requests' },
  { ...PHONE, view: 'shell', route: 'inquiry', suffix: 'inquiry' },
  // A second emirate: its catalog, colours, radius and font.
  { ...PHONE, view: 'card', brand: 'aljouf' },
  { ...DESKTOP, view: 'card', brand: 'aljouf' },
  { ...PHONE, view: 'booking', brand: 'aljouf', action: 'errors', suffix: 'errors' },
  { ...DESKTOP, view: 'shell', brand: 'aljouf', route: 'book', suffix: 'book' },
  { ...PHONE, view: 'inbox', brand: 'aljouf', scenario: 'with-requests' },
  // Windows' high contrast (forced colours): the rating's stars by shape, the form's borders, focus and errors.
  { ...PHONE, view: 'inbox', scenario: 'with-requests', action: 'rate', suffix: 'rating-forced-colors', forcedColors: true, element: 'rating' },
  { ...DESKTOP, view: 'inbox', scenario: 'with-requests', action: 'rate', suffix: 'rating-forced-colors', forcedColors: true, element: 'rating' },
  { ...PHONE, view: 'booking', action: 'errors', suffix: 'errors-forced-colors', forcedColors: true },
  { ...PHONE, view: 'booking', action: 'review', suffix: 'review-forced-colors', forcedColors: true },
  // The mock Nafath page, reached from a signed-out booking form.
  { ...PHONE, view: 'booking', scenario: 'signed-out', action: 'nafath', suffix: 'nafath' },
  { ...DESKTOP, view: 'booking', scenario: 'signed-out', action: 'nafath', suffix: 'nafath' },
];

function nameOf(shot) {
  return [shot.lang, shot.width, shot.brand, shot.view, shot.scenario, shot.suffix].filter(Boolean).join('-');
}

function urlOf(shot) {
  const url = new URL(base);
  url.searchParams.set('view', shot.view);
  url.searchParams.set('lang', shot.lang);
  url.searchParams.set('brand', shot.brand ?? 'najran');
  url.searchParams.set('scenario', shot.scenario ?? 'new-user');
  if (shot.route) url.searchParams.set('route', shot.route);
  return url.href;
}

/** Runs in the page: whether the view's element (or the shell's current view) has rendered. */
function rendered() {
  const deep = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
  const elements = deep(document.querySelector('#stage')).filter((el) => el.localName.startsWith('emirate-'));
  return elements.length > 0 && elements.every((el) => el.shadowRoot?.querySelector('form, section, [role=alert], div, ul, p'));
}

/** Runs in the page: opens the newest request in the inbox. */
async function openRequest() {
  document.querySelector('emirate-inbox').shadowRoot.querySelector('[data-request]').click();
  await new Promise((r) => setTimeout(r, 800));
}

/** Runs in the page: opens the approved request and waits for its visit pass. */
async function openPass() {
  const inbox = document.querySelector('emirate-inbox');
  inbox.shadowRoot.querySelector('li.request:has(.status-approved) [data-request]').click();
  for (let i = 0; i < 50 && !inbox.shadowRoot.querySelector('emirate-visit-pass')?.shadowRoot?.querySelector('svg'); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
}

/** Runs in the page: opens a completed request, chooses three stars and focuses the third. */
async function rate() {
  const inbox = document.querySelector('emirate-inbox');
  inbox.shadowRoot.querySelector('.status-completed').closest('li').querySelector('[data-request]').click();
  await new Promise((r) => setTimeout(r, 800));
  const form = inbox.shadowRoot.querySelector('emirate-rating-form');
  form.shadowRoot.querySelector('#star-3').click();
  await form.updateComplete;
  form.shadowRoot.querySelector('#star-3').focus({ focusVisible: true });
  form.scrollIntoView();
}

/** Runs in the page: looks a transaction up in the inquiry box. */
async function inquire(number) {
  const box = document.querySelector('emirate-inquiry-box');
  const input = box.shadowRoot.querySelector('#transactionNumber');
  input.value = number;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  box.shadowRoot.querySelector('button[type=submit]').click();
  await new Promise((r) => setTimeout(r, 800));
}

/** Runs in the page: the companion list in the host form, one companion filled, the form submitted. */
async function addCompanion() {
  const list = document.querySelector('emirate-companion-list');
  const type = (el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  list.shadowRoot.querySelector('button.add').click();
  await list.updateComplete;
  const inputs = list.shadowRoot.querySelectorAll('fieldset input');
  type(inputs[0], 'سعد محمد علي القحطاني');
  type(inputs[1], '2345678904');
  const input = list.shadowRoot.querySelector('emirate-file-field').shadowRoot.querySelector('input[type=file]');
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'هوية.png', { type: 'image/png' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await new Promise((r) => setTimeout(r, 300));
  document.querySelector('#companions-form').requestSubmit();
  await new Promise((r) => setTimeout(r, 300));
}

/** Runs in the page: answers every question as a citizen would, with one companion, and reviews. */
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
  root.querySelector('input[name=applicantType][value=individual]').click();
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
  root.querySelector('input[name=belongings][value=mobile-phone]').click();
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

/** Runs in the page: attaches two files to the visit subject letter, which takes three (#14). */
async function attachSeveral() {
  const root = document.querySelector('emirate-booking-form').shadowRoot;
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const pick = (field, name) => {
    const input = field.shadowRoot.querySelector('input[type=file]');
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 1, 2, 3])], name, { type: 'application/pdf' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  };
  pick(root.getElementById('subjectLetter'), 'خطاب-الزيارة.pdf');
  await wait(1000);
  root.querySelector('.add-file-row:not(.unoffered) button').click();
  await wait(300);
  pick(root.getElementById('subjectLetter.1'), 'ملحق-الخطاب.pdf');
  await wait(1000);
  root.querySelector('#subjectLetter').scrollIntoView({ block: 'center' });
}

/** Runs in the page: presses the signed-out form's "Sign in with Nafath". */
function signIn() {
  document.querySelector('emirate-booking-form').shadowRoot.querySelector('button').click();
}

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
let failures = 0;
const only = process.env.SHOTS ? new RegExp(process.env.SHOTS) : undefined;
for (const shot of shots) {
  const name = nameOf(shot);
  if (only && !only.test(name)) continue;
  const context = await browser.createBrowserContext(); // fresh storage: no draft from the previous shot
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|CSP/.test(message.text())) problems.push(message.text());
  });
  try {
    await page.setViewport({ width: shot.width, height: 900, deviceScaleFactor: 1 });
    if (shot.forcedColors) {
      // Puppeteer's emulateMediaFeatures does not take forced-colors: the DevTools protocol does.
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    }
    await page.goto(urlOf(shot), { waitUntil: 'networkidle0' });
    await page.waitForFunction(rendered, { timeout: 10_000 });
    await wait(shot.view === 'shell' ? 800 : 200);
    if (shot.action === 'open-request') await page.evaluate(openRequest);
    if (shot.action === 'open-pass') await page.evaluate(openPass);
    if (shot.printPass) {
      await page.evaluate(() => {
        window.print = () => undefined;
        const pass = document.querySelector('emirate-inbox').shadowRoot.querySelector('emirate-visit-pass');
        pass.shadowRoot.querySelector('.actions button').click();
      });
      await page.emulateMediaType('print');
    }
    if (shot.action === 'inquire') await page.evaluate(inquire, shot.number);
    if (shot.action === 'rate') await page.evaluate(rate);
    if (shot.action === 'companion') await page.evaluate(addCompanion);
    if (shot.action === 'review' || shot.action === 'send') await page.evaluate(fillForm);
    if (shot.action === 'files') await page.evaluate(attachSeveral);
    if (shot.action === 'send') {
      await page.evaluate(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('button[part=submit]').click());
      await wait(1000);
    }
    if (shot.action === 'errors') {
      await page.evaluate(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('button[type=submit]').click());
      await wait(300);
    }
    if (shot.action === 'nafath') {
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.evaluate(signIn)]);
    }
    if (shot.print) {
      await page.evaluate(() => {
        window.print = () => undefined;
        const form = document.querySelector('emirate-booking-form');
        [...form.shadowRoot.querySelectorAll('.confirmation button')].at(-2).click();
      });
      await page.emulateMediaType('print');
    }
    const { overflow, taller } = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      taller: document.documentElement.scrollHeight > innerHeight,
    }));
    // Chromium shifts a full-page capture of an RTL page that fits the window; it needs none.
    if (shot.element === 'rating') {
      const rating = await page.evaluateHandle(() => document.querySelector('emirate-inbox').shadowRoot.querySelector('emirate-rating-form'));
      await rating.asElement().screenshot({ path: `${outDir}/${name}.png` });
    } else await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: taller && shot.action !== 'files' });
    const notes = [overflow > 0 ? `horizontal overflow: ${overflow}px` : '', ...problems].filter(Boolean);
    console.log(`${name}.png${notes.length ? `  ${notes.join('; ')}` : ''}`);
  } catch (error) {
    failures += 1;
    console.error(`${name}: ${error.message}${problems.length ? ` (${problems.join('; ')})` : ''}`);
  } finally {
    await context.close();
  }
}
await browser.close();
process.exitCode = failures ? 1 : 0;
