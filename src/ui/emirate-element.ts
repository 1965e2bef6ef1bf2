import { LitElement, isServer, nothing, type PropertyDeclaration, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { EmirateAdapter } from '../api/types.js';
import { RestAdapter } from '../api/rest-front.js';
import { directionOf, formatLocale, getLocale, resolveLocale, setWidgetLocale, type WidgetLocale } from '../i18n/localization.js';
import { misconfigured, unavailableNotice } from './misconfiguration.js';
import { checkWebUrl, returnAddress } from '../domain/urls.js';
import { FONT_STACK } from './styles.js';

export interface SignInRequiredDetail {
  /** Where the host should bring the citizen back after Nafath sign-in: always on the page's own origin. */
  returnUrl: string;
  /** Where the widget will go unless the event is cancelled: `login-url` with `return`, or empty. */
  signInUrl: string;
}

/**
 * What every public `emirate-*` element shares: the language (`lang`, with direction
 * following it), the backend (`api-base` or an `adapter` object, with the portal's anti-CSRF
 * token from `csrf-token` or `csrf-cookie`) and the Nafath sign-in address (`login-url`).
 * Subclasses add `@localized()` so they re-render when the language changes.
 */
export class EmirateElement extends LitElement {
  /**
   * Widget language: `ar` (default), `en`, or a language added with `registerLocale` (e.g. `ur`);
   * an unknown one shows Arabic, with a console warning. The language is page-wide: setting it on one
   * element switches every widget element on the page, and each then shows the active
   * language in its `lang` and `dir` attributes.
   */
  @property() override lang = '';

  /** URL of the REST backend, used with the built-in REST adapter. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /**
   * Where the host page starts a Nafath sign-in; the widget appends `return=<current URL>`.
   * An http(s) or relative address; anything else (`javascript:`, `data:`, ...) is ignored with
   * a console warning.
   */
  @property({ attribute: 'login-url' }) loginUrl = '';

  /**
   * The portal's anti-CSRF token, sent by the built-in REST adapter in `X-CSRF-Token` with every
   * call that is not a GET (besides `X-Requested-With: emirate-widget`, always sent). Read at
   * each call, so the portal may change it.
   */
  @property({ attribute: 'csrf-token' }) csrfToken = '';

  /**
   * The name of the portal's cookie holding its anti-CSRF token (double-submit), read from
   * `document.cookie` at each call when `csrf-token` is not set.
   */
  @property({ attribute: 'csrf-cookie' }) csrfCookie = '';

  /** Any object implementing the adapter interface; wins over `api-base`. */
  @property({ attribute: false }) adapter?: EmirateAdapter;

  private restAdapter?: { base: string; adapter: RestAdapter };

  /** The adapter methods this element calls: an `adapter` without one of them is refused, loudly. */
  static adapterMethods: readonly (keyof EmirateAdapter)[] = [];

  /** Set when "Sign in" could go nowhere (no `login-url`, the event not handled): shows "unavailable". */
  protected signInStuck = false;

  /**
   * The adapter the element talks to, or `undefined` (told on the console, once) when neither
   * `adapter` nor `api-base` is set or the adapter lacks a method this element calls.
   */
  protected get api(): EmirateAdapter | undefined {
    if (this.adapter) {
      const missing = (this.constructor as typeof EmirateElement).adapterMethods.filter((m) => typeof this.adapter![m] !== 'function');
      if (!missing.length) return this.adapter;
      misconfigured(this, 'adapter', missing.join(', '));
      return undefined;
    }
    if (!this.apiBase) {
      if (!isServer) misconfigured(this, 'no-backend');
      return undefined;
    }
    if (this.restAdapter?.base !== this.apiBase) {
      const adapter = new RestAdapter({ baseUrl: this.apiBase, csrfToken: () => this.csrfToken, csrfCookie: () => this.csrfCookie, owner: this.localName });
      this.restAdapter = { base: this.apiBase, adapter };
    }
    return this.restAdapter.adapter;
  }

  private readonly onLocaleStatus = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') this.showLanguage();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('lit-localize-status', this.onLocaleStatus);
    this.chooseFont();
    const asked = this.lang;
    // An unknown language is told and shown (as Arabic) at the first update.
    if (!asked || resolveLocale(asked) === getLocale()) this.showLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('lit-localize-status', this.onLocaleStatus);
  }

  /**
   * The page's font when it sets one (inherited), else the widget's Arabic stack: the element
   * around has the browser's initial font when the page sets none.
   */
  private chooseFont() {
    const around = this.parentElement ?? (this.getRootNode() as ShadowRoot).host;
    if (!around) return;
    if (browserFont() === getComputedStyle(around).fontFamily) this.style.setProperty('--_font', FONT_STACK);
    else this.style.removeProperty('--_font');
  }

  /** Marks the host with the active language and direction (for assistive technology and CSS). */
  private showLanguage() {
    const locale = getLocale();
    if (this.getAttribute('lang') !== locale) this.setAttribute('lang', locale);
    const dir = directionOf(locale);
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
  }

  /** The update on its way was asked for by typing: it renders with the next frame. */
  private typing = false;
  /** Inside an input handler that called {@link typed} (until its microtasks). */
  private keystroke = false;
  /** Ends the wait for the frame at once (see {@link requestUpdate}). */
  private hurry?: (value?: unknown) => void;

  /**
   * Called by an input handler before it changes state: while the citizen types, the element
   * renders once per frame, not inside each keystroke. The field already shows what was typed,
   * so counters and messages follow a frame later, keystrokes that arrive within a frame make one
   * render, and the browser's own handling of the key (inserting the text, moving the caret) no
   * longer waits for the update nor lays the element out again in its middle (issue #16: most of
   * a keystroke's time on a slow phone). Only an update that typing starts waits for the frame.
   */
  protected typed(): void {
    if (!this.isUpdatePending) this.typing = true;
    this.keystroke = true;
    queueMicrotask(() => (this.keystroke = false));
  }

  /**
   * Any change that is not a keystroke (a choice, a click, a load) renders as Lit schedules it,
   * and takes an update still waiting for its frame along: the destinations of the appointment
   * type just chosen are there at once, even right after typing.
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    super.requestUpdate(name, oldValue, options);
    if (this.keystroke) return;
    this.typing = false;
    this.hurry?.();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // Any other update runs as Lit schedules it, in the same microtask (not one tick later).
    if (!this.typing) return super.scheduleUpdate();
    // The next frame, or 50 ms in a tab that paints none (hidden), or a change that is no keystroke.
    return new Promise((resolve) => {
      this.hurry = resolve;
      requestAnimationFrame(resolve);
      setTimeout(resolve, 50);
    }).then(() => {
      this.hurry = undefined;
      this.typing = false;
      super.scheduleUpdate();
    });
  }

  /** The built-in language whose formats (dates, numbers) the active language uses. */
  protected get locale(): WidgetLocale {
    return formatLocale();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A server renders the source language (Arabic) and says so on the host, as the browser will.
    if (isServer) this.showLanguage();
    else if (changed.has('lang') && this.lang) {
      void setWidgetLocale(this.lang);
      // Arabic, then, and the host says so.
      if (!resolveLocale(this.lang)) misconfigured(this, 'lang', this.lang), this.showLanguage();
    }
    // Said when it is set, not only when the citizen presses "Sign in".
    if (changed.has('loginUrl')) this.webAddress('login-url', this.loginUrl);
  }

  /**
   * `value` (the attribute or catalog field `source`) as an absolute http(s) address, or empty
   * when it is empty or not a web address; a refused one is reported once with a console warning
   * that names the element and `source` (src/domain/urls.ts has the rule).
   */
  protected webAddress(source: string, value: string): string {
    // A server render has no page address to resolve against: links are made in the browser.
    if (!value || isServer) return '';
    const checked = checkWebUrl(value, location.href);
    if (checked.ok) return checked.url.href;
    misconfigured(this, 'address', source, value, checked.reason);
    return '';
  }

  /**
   * Asks for a Nafath sign-in: emits `emirate-sign-in-required` with where to come back (always
   * on the page's own origin: another address falls back to the page) and the address the widget
   * would open; unless the host cancels it, goes to `login-url`.
   * Returns whether the citizen is on their way (to `login-url`, or the host took over).
   */
  protected requestSignIn(comeBackTo = location.href): boolean {
    const returnUrl = returnAddress(comeBackTo, location.href);
    const login = this.webAddress('login-url', this.loginUrl);
    let signInUrl = '';
    if (login) {
      const url = new URL(login);
      url.searchParams.set('return', returnUrl);
      signInUrl = url.href;
    }
    // Cancelable: a host that starts the sign-in itself calls preventDefault(); with no login-url
    // and nobody doing so, the citizen would press a button that does nothing.
    const proceed = this.emit<SignInRequiredDetail>('emirate-sign-in-required', { returnUrl, signInUrl });
    if (proceed && signInUrl) location.assign(signInUrl);
    this.signInStuck = proceed && !signInUrl;
    if (this.signInStuck) misconfigured(this, 'sign-in'), this.requestUpdate();
    return !this.signInStuck;
  }

  /** "This service is unavailable" beside a "Sign in" that could go nowhere. */
  protected signInProblem() {
    return this.signInStuck ? unavailableNotice() : nothing;
  }

  /** Dispatches a bubbling, composed `emirate-*` event with a typed detail. */
  protected emit<T>(type: `emirate-${string}`, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

let initialFont: string | undefined;

/**
 * The browser's own default font family, what a page that sets none inherits: read once, from a
 * probe in the document (inside a shadow root WebKit computes `initial` as the inherited family).
 */
function browserFont(): string {
  if (initialFont === undefined) {
    const probe = document.createElement('i');
    probe.style.fontFamily = 'initial';
    document.documentElement.appendChild(probe);
    initialFont = getComputedStyle(probe).fontFamily;
    probe.remove();
  }
  return initialFont;
}
