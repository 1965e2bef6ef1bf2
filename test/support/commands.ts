/**
 * The browser commands the tests use (keys, mouse, viewport, media), the same in every engine.
 *
 * They are @web/test-runner-commands' where those work, with two engine gaps closed:
 * - WebKit runs over classic WebDriver, which has no viewport command and whose key typing in
 *   @web/test-runner-webdriver holds every key down before releasing any (a repeated key is
 *   lost): `webkit-set-viewport` and `webkit-send-keys` (scripts/wtr-webkit.mjs) do it right.
 * - Puppeteer's Firefox keyboard (WebDriver BiDi) knows the space bar as " ", not "Space".
 * Media emulation exists only over Chromium's DevTools protocol: see {@link emulateMedia}.
 */
import * as commands from '@web/test-runner-commands';
import { engine } from './engine.js';

type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/** Types text or presses a key (`{ type }`, `{ press }`, `{ down }`, `{ up }`), as a keyboard does. */
export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  const named = (key: string) => (key === 'Space' ? ' ' : key);
  if (engine === 'webkit') {
    if (!('type' in payload) && !('press' in payload)) throw new Error('WebKit (WebDriver) supports only { type } and { press }');
    await commands.executeServerCommand('webkit-send-keys', payload);
    return;
  }
  if ('press' in payload) await commands.sendKeys({ press: named(payload.press) });
  else if ('down' in payload) await commands.sendKeys({ down: named(payload.down) });
  else if ('up' in payload) await commands.sendKeys({ up: named(payload.up) });
  else await commands.sendKeys(payload);
}

/** Sizes the page's viewport in CSS px. */
export async function setViewport(viewport: { width: number; height: number }): Promise<void> {
  if (engine === 'webkit') await commands.executeServerCommand('webkit-set-viewport', viewport);
  else await commands.setViewport(viewport);
}

export const sendMouse = commands.sendMouse;
export const resetMouse = commands.resetMouse;

/** Whether {@link emulateMedia} can switch this engine to print media (Chromium's DevTools protocol only). */
export const canEmulateMedia = engine === 'chromium';

/**
 * Emulates a CSS media type. Only Chromium can (Puppeteer's Firefox over WebDriver BiDi and
 * WebDriver for WebKit have no media emulation): elsewhere asking for `screen`, which the page
 * already is, does nothing, and asking for anything else throws; tests that need print media are
 * skipped there with `itUnless`.
 */
export async function emulateMedia(media: { media: 'screen' | 'print' }): Promise<void> {
  if (canEmulateMedia) await commands.emulateMedia(media);
  else if (media.media !== 'screen') throw new Error(`no media emulation in ${engine}`);
}
