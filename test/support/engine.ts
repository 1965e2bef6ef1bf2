/**
 * Which engine runs this page, and skipping a test in one engine with the reason in its title.
 *
 * The suite runs in Chromium, Firefox and WebKit (web-test-runner.config.mjs). A test that cannot
 * run in an engine is skipped there with {@link itUnless} only: the skipped test's title says
 * which engine, which platform or test-driver gap, and what the widget does instead, so every
 * skip is in the report. Never skip by returning early.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

const ENGINE_NAMES: Record<Engine, string> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

function detect(userAgent: string): Engine {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)) return 'chromium';
  return 'webkit';
}

/** The engine of this test page. */
export const engine: Engine = detect(navigator.userAgent);

/**
 * `it(title, fn)`, except in the engines listed, where it is registered as skipped with
 * "[skipped in <Engine>: <gap>]" in its title. `gap` names what is missing there and what the
 * widget (or the suite) does instead.
 */
export function itUnless(engines: Engine | Engine[], gap: string, title: string, fn: Mocha.AsyncFunc | Mocha.Func): Mocha.Test {
  if (![engines].flat().includes(engine)) return it(title, fn);
  return it.skip(`${title} [skipped in ${ENGINE_NAMES[engine]}: ${gap}]`, fn);
}

/**
 * The size of sealed bytes as the draft store keeps them: a Blob where the database takes Blobs,
 * an ArrayBuffer where it refuses them (WebKit's ephemeral sessions, which automation uses; see
 * DraftStore.saveFile).
 */
export function storedSize(data: Blob | ArrayBuffer): number {
  return data instanceof Blob ? data.size : data.byteLength;
}
