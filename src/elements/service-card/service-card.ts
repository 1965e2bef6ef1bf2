import { html, css, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { localized, msg, str } from '@lit/localize';
import type { Catalog, Session } from '../../api/types.js';
import { type ApiError, toApiError } from '../../api/errors.js';
import { apiErrorMessage } from '../../i18n/api-messages.js';
import { localText } from '../../i18n/localization.js';
import { dataText } from '../../ui/data-text.js';
import { EmirateElement } from '../../ui/emirate-element.js';
import { unavailableNotice } from '../../ui/misconfiguration.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';

export interface ServiceStartDetail {
  /** Where "Start service" leads (`start-url`, absolute), or empty. */
  startUrl: string;
}

/**
 * The service card (بطاقة الخدمة, guide §1.5, picture 3): what the service is, that Nafath
 * sign-in is needed, its terms, beneficiaries, fee, duration, alternative channels and rating,
 * with "Start service" and "Download service guide". Every text comes from the adapter's
 * catalog, so another emirate shows its own.
 *
 * "Start service": a signed-out citizen is sent to Nafath sign-in (`login-url`, or
 * `emirate-sign-in-required`) with `start-url` as the return address; a signed-in one gets
 * `emirate-service-start` and, unless the host cancels it, goes to `start-url`.
 *
 * @fires emirate-service-start - `{ startUrl }` when a signed-in citizen starts the service; cancelable.
 * @fires emirate-sign-in-required - `{ returnUrl, signInUrl }` when a signed-out citizen starts the service.
 * @slot header - at the top of the card, above the service's name (also while it loads): the
 *   portal's logo and the emirate's name.
 * @slot help - below the buttons: help text, e.g. where to call.
 * @slot footer - at the end of the card (also while it loads).
 * @csspart card - the card.
 * @csspart start - the "Start service" button.
 * @csspart guide - the "Download service guide" link.
 * @cssprop --emirate-color-primary - brand colour of the title, stars and buttons.
 * @cssprop --emirate-color-on-primary - text on the brand colour.
 * @cssprop --emirate-color-subtle - background of the facts.
 * @cssprop --emirate-radius - corner radius of the card and buttons.
 * @cssprop --emirate-space - the spacing unit.
 * @cssprop [--emirate-font-family=inherit] - the font: the host page's when it sets one, else IBM Plex Sans Arabic, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, system-ui, sans-serif (no font files are shipped).
 */
@customElement('emirate-service-card')
@localized()
export class ServiceCard extends EmirateElement {
  static override adapterMethods = ['getSession', 'getCatalog'] as const;

  static override styles = [
    baseStyles,
    controlStyles,
    css`
      .card {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
      }
      h3 {
        font-size: 1.1em;
        margin-block: calc(var(--_space) * 2) var(--_space);
      }
      .note {
        font-weight: 600;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.5em;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: var(--_space);
        margin-block: calc(var(--_space) * 2);
      }
      dl > div {
        background: var(--_subtle);
        border-radius: var(--_radius);
        padding: var(--_space) calc(var(--_space) * 1.5);
      }
      dt {
        font-weight: 600;
        color: var(--_muted);
        font-size: 0.9em;
      }
      dd {
        margin: 0;
      }
      .stars {
        color: var(--_primary);
        letter-spacing: 0.1em;
      }
    `,
  ];

  /**
   * Where "Start service" leads once the citizen is signed in (the booking form's page). An
   * http(s) or relative address; anything else is ignored with a console warning. A signed-out
   * citizen comes back to it after sign-in only when it is on the page's own origin (otherwise
   * to this page).
   */
  @property({ attribute: 'start-url' }) startUrl = '';

  @state() private catalog?: Catalog;
  /** `undefined` while unknown, `null` when signed out. */
  @state() private session?: Session | null;
  @state() private failure?: ApiError;
  /** No usable backend (told on the console): "unavailable" instead of "Loading". */
  @state() private unavailable = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Nothing is fetched while rendering on a server: the card shows "Loading" until the browser has it.
    if (!isServer && (changed.has('apiBase') || changed.has('adapter'))) void this.load();
    if (changed.has('startUrl')) this.webAddress('start-url', this.startUrl);
  }

  /** Loads the catalog and the session; safe to call again (retry). */
  async load(): Promise<void> {
    const api = this.api;
    this.unavailable = !api;
    if (!api) return;
    this.failure = undefined;
    const session = api.getSession().then(
      (value) => (this.session = value),
      () => (this.session = undefined),
    );
    try {
      this.catalog = await api.getCatalog();
    } catch (error) {
      this.failure = toApiError(error);
    }
    await session;
  }

  private start() {
    const startUrl = this.webAddress('start-url', this.startUrl);
    if (this.session === null && this.requestSignIn(startUrl || location.href)) return;
    if (this.emit<ServiceStartDetail>('emirate-service-start', { startUrl }) && startUrl) location.assign(startUrl);
  }

  override render() {
    const service = this.catalog?.service;
    if (!service) {
      return html`<slot name="header"></slot>
        ${this.failure
          ? html`<div class="notice error" role="alert">
              <p>${apiErrorMessage(this.failure)}</p>
              ${this.failure.kind === 'unauthorized'
                ? html`<button type="button" @click=${() => this.requestSignIn(this.startUrl ? new URL(this.startUrl, location.href).href : location.href)}>
                    ${msg('تسجيل الدخول عبر النفاذ الوطني الموحد')}
                  </button>`
                : nothing}
              <button type="button" @click=${() => this.load()}>${msg('إعادة المحاولة')}</button>
            </div>`
          : this.unavailable
            ? unavailableNotice()
            : html`<p role="status">${msg('جارٍ التحميل…')}</p>`}
        <slot name="footer"></slot>`;
    }
    const rating = Math.max(0, Math.min(5, service.rating || 0));
    const guide = this.webAddress("the catalog's service.guideUrl", service.guideUrl ?? '');
    const full = Math.round(rating);
    return html`
      <section class="card" part="card" aria-labelledby="title">
        <slot name="header"></slot>
        <h2 id="title" tabindex="-1">${dataText(localText(service.name))}</h2>
        <h3>${msg('وصف الخدمة')}</h3>
        <p>${dataText(localText(service.description))}</p>
        <p class="note">${msg('ملاحظة: لاستخدام الخدمات يتوجب عليك الدخول من خلال النفاذ الوطني الموحد.')}</p>
        <h3>${msg('الشروط والأحكام')}</h3>
        <ul>
          ${service.terms.map((term) => html`<li>${dataText(localText(term))}</li>`)}
        </ul>
        <dl>
          <div>
            <dt>${msg('تقييم الخدمة')}</dt>
            <dd>
              <span class="stars" aria-hidden="true">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span>
              <span>${msg(str`${rating.toLocaleString(this.locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en')} من 5`)}</span>
            </dd>
          </div>
          <div>
            <dt>${msg('الفئة المستفيدة')}</dt>
            <dd>${dataText(localText(service.beneficiaries))}</dd>
          </div>
          <div>
            <dt>${msg('رسوم الخدمة')}</dt>
            <dd>${dataText(localText(service.fee))}</dd>
          </div>
          <div>
            <dt>${msg('مدة تنفيذ الخدمة')}</dt>
            <dd>${dataText(localText(service.duration))}</dd>
          </div>
          <div>
            <dt>${msg('قنوات بديلة للحصول على الخدمة')}</dt>
            <dd>${dataText(localText(service.channels))}</dd>
          </div>
        </dl>
        <div class="actions">
          <button type="button" part="start" @click=${this.start}>${msg('ابدأ الخدمة')}</button>
          ${guide
            ? html`<a class="button secondary" part="guide" href=${guide} download>${msg('تحميل دليل الخدمة')}</a>`
            : nothing}
        </div>
        ${this.signInProblem()}
        <slot name="help"></slot>
        <slot name="footer"></slot>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-service-card': ServiceCard;
  }
}
