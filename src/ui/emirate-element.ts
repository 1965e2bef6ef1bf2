import { LitElement, isServer, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { EmirateAdapter } from '../api/types.js';
import { RestAdapter } from '../api/rest-adapter.js';
import { directionOf, getLocale, setWidgetLocale, toWidgetLocale, type WidgetLocale } from '../i18n/localization.js';

export interface SignInRequiredDetail {
  /** Where the host should bring the citizen back after Nafath sign-in. */
  returnUrl: string;
  /** Where the widget will go unless the event is cancelled: `login-url` with `return`, or empty. */
  signInUrl: string;
}

/**
 * What every public `emirate-*` element shares: the language (`lang`, with direction
 * following it), the backend (`api-base` or an `adapter` object) and the Nafath sign-in
 * address (`login-url`). Subclasses add `@localized()` so they re-render when the language
 * changes.
 */
export class EmirateElement extends LitElement {
  /**
   * Widget language: `ar` (default) or `en`. The language is page-wide: setting it on one
   * element switches every widget element on the page, and each then shows the active
   * language in its `lang` and `dir` attributes.
   */
  @property() override lang = '';

  /** URL of the REST backend, used with the built-in REST adapter. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Where the host page starts a Nafath sign-in; the widget appends `return=<current URL>`. */
  @property({ attribute: 'login-url' }) loginUrl = '';

  /** Any object implementing the adapter interface; wins over `api-base`. */
  @property({ attribute: false }) adapter?: EmirateAdapter;

  private restAdapter?: { base: string; adapter: RestAdapter };

  /** The adapter the element talks to, or `undefined` when neither `adapter` nor `api-base` is set. */
  protected get api(): EmirateAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.apiBase) return undefined;
    if (this.restAdapter?.base !== this.apiBase) {
      this.restAdapter = { base: this.apiBase, adapter: new RestAdapter({ baseUrl: this.apiBase }) };
    }
    return this.restAdapter.adapter;
  }

  private readonly onLocaleStatus = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') this.showLanguage();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('lit-localize-status', this.onLocaleStatus);
    const asked = this.lang;
    if (!asked || toWidgetLocale(asked) === getLocale()) this.showLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('lit-localize-status', this.onLocaleStatus);
  }

  /** Marks the host with the active language and direction (for assistive technology and CSS). */
  private showLanguage() {
    const locale = getLocale();
    if (this.getAttribute('lang') !== locale) this.setAttribute('lang', locale);
    const dir = directionOf(locale);
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
  }

  protected get locale(): WidgetLocale {
    return getLocale();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A server renders the source language (Arabic) and says so on the host, as the browser will.
    if (isServer) this.showLanguage();
    else if (changed.has('lang') && this.lang) void setWidgetLocale(this.lang);
  }

  /**
   * Asks for a Nafath sign-in: emits `emirate-sign-in-required` with where to come back and
   * the address the widget would open; unless the host cancels it, goes to `login-url`.
   * Returns whether the citizen is on their way (to `login-url`, or the host took over).
   */
  protected requestSignIn(returnUrl = location.href): boolean {
    let signInUrl = '';
    if (this.loginUrl) {
      const url = new URL(this.loginUrl, location.href);
      url.searchParams.set('return', returnUrl);
      signInUrl = url.href;
    }
    const proceed = this.emit<SignInRequiredDetail>('emirate-sign-in-required', { returnUrl, signInUrl });
    if (proceed && signInUrl) location.assign(signInUrl);
    return !proceed || Boolean(signInUrl);
  }

  /** Dispatches a bubbling, composed `emirate-*` event with a typed detail. */
  protected emit<T>(type: `emirate-${string}`, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}
