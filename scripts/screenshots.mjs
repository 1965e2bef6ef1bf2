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
];

for (const shot of shots) {
  const page = await browser.newPage();
  await page.setViewport({ width: shot.width, height: 900, deviceScaleFactor: 1 });
  await page.goto(`${base}?lang=${shot.lang}&scenario=${shot.scenario ?? 'new-user'}`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('emirate-booking-form')?.shadowRoot?.querySelector('form, section, [role=alert]'));
  if (shot.errors) {
    await page.evaluate(() => document.querySelector('emirate-booking-form').shadowRoot.querySelector('button[type=submit]').click());
    await new Promise((r) => setTimeout(r, 300));
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: `${outDir}/${shot.name}.png`, fullPage: true });
  console.log(`${shot.name}.png${overflow > 0 ? `  horizontal overflow: ${overflow}px` : ''}`);
  await page.close();
}
await browser.close();
