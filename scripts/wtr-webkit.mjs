// WebKit for @web/test-runner: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver
// (apt-get install webkit2gtk-driver xvfb; see ../../shared/TOOLCHAIN.md "Other engines").
// The launcher starts its own WebKitWebDriver on a free port and stops it with the run. MiniBrowser
// is a windowed browser (its --headless mode hangs under WebDriver), so with no display the driver
// runs under `xvfb-run -a`, and `npm test` works the same on a desktop, a headless box and CI.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { remote } from 'webdriverio';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * How many test files one MiniBrowser runs before the launcher starts a new one (see
 * stopSession); WEBKIT_FILES_PER_BROWSER overrides it (1: a new browser for every file).
 */
const FILES_PER_BROWSER = Number(process.env.WEBKIT_FILES_PER_BROWSER) || 5;

/** A TCP port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the driver answers /status, rejects when it exits or after `ms`. */
async function driverReady(port, child, ms) {
  const until = Date.now() + ms;
  let exited = null;
  child.once('exit', (code) => (exited = code));
  while (Date.now() < until) {
    if (exited !== null) throw new Error(`WebKitWebDriver exited (${exited}) before it was ready`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${ms} ms`);
}

class WebKitLauncher extends WebdriverLauncher {
  constructor({ driver, binary }) {
    super({
      hostname: '127.0.0.1',
      port: 0,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitGTK's WebDriver BiDi is partial; classic WebDriver is what the launcher needs.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      },
    });
    this.driverPath = driver;
    this.child = undefined;
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async createDriverManager() {
    const port = await freePort();
    const args = [`--port=${port}`];
    const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    const [cmd, argv] = headless ? ['xvfb-run', ['-a', this.driverPath, ...args]] : [this.driverPath, args];
    // Its own process group, so stop() ends Xvfb, the driver and MiniBrowser together. GTK reads
    // webkit-gtk/gtk-3.0/gtk.css, which lets MiniBrowser's window be as narrow as a phone.
    const env = { ...process.env, XDG_CONFIG_HOME: fileURLToPath(new URL('./webkit-gtk/', import.meta.url)) };
    this.child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], detached: true, env });
    const killGroup = () => {
      try {
        process.kill(-this.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    this.killGroup = killGroup;
    process.once('exit', killGroup);
    await driverReady(port, this.child, 30_000);
    this.options.port = port;
    return super.createDriverManager();
  }

  async stop() {
    await super.stop();
    this.killGroup?.();
  }

  /**
   * A new browser every {@link FILES_PER_BROWSER} test files. Every file's page is the same
   * origin, so MiniBrowser keeps one web process for them all, and it grew (0.9 GB after 30
   * files, 1.1 GB after 54) and slowed until tests late in the run timed out (CI, 2026-12-03:
   * 5 to 17 of them a run, in files that pass alone in seconds). A new session is a new
   * MiniBrowser, as at the start of a run.
   */
  async stopSession(id) {
    const result = await super.stopSession(id);
    this.filesRun = (this.filesRun ?? 0) + 1;
    if (this.filesRun % FILES_PER_BROWSER === 0) await this.newBrowser();
    return result;
  }

  /** WebKitWebDriver keeps one session at a time: the old one ends (its MiniBrowser with it) first. */
  async newBrowser() {
    const old = this.driver;
    this.driver = undefined; // the heartbeat skips the swap
    await old?.deleteSession().catch(() => undefined);
    this.driver = await remote({ logLevel: 'error', ...this.options });
    this.driverManager.driver = this.driver;
  }

  /**
   * Sizes the window so that the page's viewport is `width` × `height` CSS px: WebDriver can
   * only size the whole window, so the toolbar's share is measured and added.
   */
  async setViewport({ width, height }) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [innerWidth, innerHeight] = await this.settledViewport();
      if (innerWidth === width && innerHeight === height) return;
      const rect = await this.driver.getWindowRect();
      // The toolbar's share cannot be negative; a window that reports less than its viewport is
      // still being resized, and the next attempt measures again.
      await this.driver.setWindowRect(
        null,
        null,
        Math.max(width, rect.width + width - innerWidth),
        Math.max(height, rect.height + height - innerHeight),
      );
    }
    const [innerWidth, innerHeight] = await this.settledViewport();
    if (innerWidth !== width || innerHeight !== height) {
      throw new Error(`WebKit: asked for a ${width}×${height} viewport, got ${innerWidth}×${innerHeight}`);
    }
  }

  /**
   * The viewport's size once two readings 50 ms apart agree. WebKitGTK resizes the window after
   * setWindowRect has answered, and the page's innerWidth follows later still: read at once, the
   * window's new size and the page's old one gave a negative width (CI, 2026-12-03).
   */
  async settledViewport() {
    let last = await this.driver.execute('return [window.innerWidth, window.innerHeight]');
    for (let reading = 0; reading < 40; reading++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = await this.driver.execute('return [window.innerWidth, window.innerHeight]');
      if (now[0] === last[0] && now[1] === last[1]) return now;
      last = now;
    }
    return last;
  }

  /**
   * Types `text` or presses one key, each key down then up before the next. (webdriverio's
   * keys() holds every key down before releasing any, so a repeated key, e.g. the second
   * space in a name, is lost.)
   */
  async sendKeys({ type, press }) {
    const keys = type !== undefined ? [...type] : [KEYS[press] ?? press];
    await this.driver.performActions([
      { type: 'key', id: 'keyboard', actions: keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) },
    ]);
    await this.driver.releaseActions();
  }
}

/** The WebDriver codes of the named keys the tests press (W3C WebDriver, "Keyboard actions"). */
const KEYS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Space: ' ',
  Backspace: '\uE003',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
};

/**
 * Test commands WebDriver lacks or does badly, for WebKit: `webkit-set-viewport` and
 * `webkit-send-keys` (see test/support/commands.ts, the tests' one entry to these).
 */
export function webkitCommands() {
  return {
    name: 'webkit-commands',
    async executeCommand({ command, payload, session }) {
      if (!(session.browser instanceof WebKitLauncher)) return undefined;
      if (command === 'webkit-set-viewport') {
        await session.browser.setViewport(payload);
        return true;
      }
      if (command === 'webkit-send-keys') {
        await session.browser.sendKeys(payload);
        return true;
      }
      return undefined;
    },
  };
}

/**
 * @param {{ driver?: string, binary?: string }} [options] where WebKitWebDriver and MiniBrowser
 *   are; WEBKIT_WEBDRIVER and WEBKIT_BROWSER override the Debian paths.
 */
export function webkitLauncher(options = {}) {
  return new WebKitLauncher({
    driver: options.driver ?? process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver',
    binary: options.binary ?? process.env.WEBKIT_BROWSER ?? MINIBROWSER,
  });
}
