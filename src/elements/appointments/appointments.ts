import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { localized, msg, str } from '@lit/localize';
import type { Route, Router, RouterLocation } from '@vaadin/router';
import { EmirateElement } from '../../ui/emirate-element.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import { routeHref, routePaths, normalizeBase, viewOfPath, type ViewName } from './routes.js';
import type { Catalog } from '../../api/types.js';
import { type ApiError, toApiError } from '../../api/errors.js';
import { apiErrorMessage } from '../../i18n/api-messages.js';
import type { RequestRecord } from '../../ui/summary.js';
import type { ErrorSummaryDetail, ErrorSummaryEvent } from '../../ui/view-events.js';

export interface ViewChangedDetail {
  /** The view now shown. */
  view: ViewName;
  /** Its path, under `base`. */
  path: string;
  /**
   * A title for the view in the widget's language, for the page's `document.title` (WCAG 2.4.2).
   * It starts with "Error:" ("خطأ:") while the view shows an error summary; the event is sent
   * again, for the same view, when that changes.
   */
  title: string;
}

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiError };

/** The views the shell routes between, in the order of its navigation. */
const NAV = ['service', 'requests', 'inquiry'] as const;

/** The views' parts, passed on so the page styles them through the shell (see the class's `@csspart`s). */
const VIEW_PARTS = 'card, start, guide, form, submit, add-button, companion, file-button, file-progress, result, request, badge';

/**
 * The router is loaded when the shell first renders in a browser, not when its module is
 * imported: @vaadin/router touches `window` as it loads, and importing the shell on a server
 * (or before the page needs routing) must not.
 */
let routerModule: typeof import('@vaadin/router') | undefined;
const loadRouter = async () => (routerModule ??= await import('@vaadin/router'));

/**
 * The application shell (guide §1.4–§3): the service card, then Nafath sign-in when needed,
 * the booking form and its confirmation; "My requests" and one request; the transaction
 * inquiry. Each view has its own address under `base`, so deep links, reloads and the
 * browser's back and forward buttons work; links on the host page are left alone.
 *
 * Views, relative to `base`: `` (service card), `book`, `book/sent/:number` (confirmation),
 * `requests`, `requests/:number`, `inquiry`.
 *
 * @fires emirate-sign-in-required - `{ returnUrl, signInUrl }` from any view, when the citizen must sign in.
 * @fires emirate-request-submitted - `{ requestNumber }` from the booking form.
 * @fires emirate-view-changed - `{ view, path, title }` after the shell shows another view, and again when its
 *   title changes ("Error: …" while an error summary shows); set `document.title` from `title`.
 * @csspart nav - the navigation between the service, "My requests" and the inquiry.
 * @csspart view - the area the current view is shown in.
 * @csspart card - the service card.
 * @csspart start - the service card's "Start service" button.
 * @csspart guide - the service card's "Download service guide" link.
 * @csspart form - the booking form's and the inquiry's form.
 * @csspart submit - the booking form's main action buttons.
 * @csspart add-button - the booking form's "+ Add companion" button.
 * @csspart companion - each companion's fieldset in the booking form.
 * @csspart file-button - the choose, replace and remove buttons of attachments (booking form, replies).
 * @csspart file-progress - the upload progress bar of attachments.
 * @csspart result - the inquiry's answer area.
 * @csspart request - each request in "My requests".
 * @csspart badge - the unread-messages badge in "My requests".
 * @slot header - above the navigation, on every view: the portal's logo and the emirate's name.
 * @slot help - below the current view: help text, e.g. where to call.
 * @slot footer - at the end of the shell, on every view.
 * @cssprop --emirate-color-primary - brand colour (navigation, headings, buttons).
 * @cssprop --emirate-color-on-primary - text on the brand colour.
 * @cssprop --emirate-color-border - borders and the navigation's underline.
 * @cssprop --emirate-radius - corner radius.
 * @cssprop --emirate-space - the spacing unit.
 * @cssprop [--emirate-font-family=inherit] - the font: the host page's when it sets one, else IBM Plex Sans Arabic, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, system-ui, sans-serif (no font files are shipped).
 */
@customElement('emirate-appointments')
@localized()
export class Appointments extends EmirateElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      /* One row at any width: short names, and a scroll rather than a second row when text is enlarged. */
      nav ul {
        display: flex;
        flex-wrap: nowrap;
        overflow-x: auto;
        gap: var(--_space);
        list-style: none;
        margin: 0 0 calc(var(--_space) * 2);
        padding: 0 0 var(--_space);
        border-block-end: 1px solid var(--_border);
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-block-size: 44px;
        padding-inline: calc(var(--_space) * 1.5);
        border-radius: var(--_radius);
        color: var(--_primary);
        font-weight: 600;
        white-space: nowrap;
      }
      nav a[aria-current='page'] {
        background: var(--_primary);
        color: var(--_on-primary);
        text-decoration: none;
      }
      .view:focus {
        outline: none;
      }
      /* Under forced colours the current tab's background is lost: a border marks it instead. */
      @media (forced-colors: active) {
        nav a[aria-current='page'] {
          border: 2px solid;
        }
      }
      @media print {
        nav {
          display: none;
        }
      }
    `,
  ];

  /**
   * The path the portal page lives at, e.g. `/appointment/`; the views' addresses are under
   * it. Default: the page's own path.
   */
  @property() base = '';

  /** Keep no draft on this device (shared kiosks); passed to the booking form and the inbox. */
  @property({ type: Boolean, attribute: 'no-drafts' }) noDrafts = false;

  @state() private view?: ViewName;
  /** The request number in the address (confirmation, one request). */
  @state() private requestNumber = '';
  /** The request the confirmation shows, read back from the backend (so a reload shows it too). */
  @state() private sent?: Load<{ record: RequestRecord; catalog: Catalog }>;
  private sentLoad?: AbortController;

  private router?: Router;
  private routerLoad?: Promise<void>;
  /** The inbox is kept between its list and its requests, so going back does not reload. */
  private inbox?: HTMLElement;
  /** The first view is the page's: focus stays where the page has it. Every later one takes focus. */
  private shownFirst = false;
  /** The current view shows an error summary (see {@link ErrorSummaryEvent}). */
  private viewHasErrors = false;
  private path = '';
  private focusing?: AbortController;

  /** The base as a path ending in `/`. */
  get basePath(): string {
    return normalizeBase(this.base, location.href);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('vaadin-router-location-changed', this.onLocationChanged);
    // Moved in the page (or put back): routing resumes where the address is now.
    if (this.hasUpdated && !this.router) this.startRouter();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('vaadin-router-location-changed', this.onLocationChanged);
    this.router?.unsubscribe();
    this.router = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.router || changed.has('base')) this.startRouter();
    else if (
      changed.has('apiBase') || changed.has('adapter') || changed.has('loginUrl') || changed.has('noDrafts') || changed.has('csrfToken') || changed.has('csrfCookie')
    ) {
      for (const view of this.renderRoot.querySelectorAll('.outlet > *')) this.configure(view as HTMLElement);
    }
  }

  /** (Re)starts routing: at once when the router is loaded, else once, when it is. */
  private startRouter() {
    if (routerModule) this.routeWith(routerModule);
    else this.routerLoad ??= loadRouter().then((module) => {
      this.routerLoad = undefined;
      // Left the page while the router loaded: connectedCallback starts it when the shell is back.
      if (this.isConnected) this.routeWith(module);
    });
  }

  private routeWith({ Router, DEFAULT_TRIGGERS }: typeof import('@vaadin/router')) {
    this.router?.unsubscribe();
    const base = this.basePath;
    // The page itself without the trailing slash (`/appointment`) is the service card too.
    if (`${location.pathname}/` === base) history.replaceState(history.state, '', base + location.search + location.hash);
    const outlet = this.renderRoot.querySelector('.outlet')!;
    // A new router owns the outlet from scratch (views of an earlier one would stay).
    outlet.replaceChildren();
    const router = (this.router = new Router(outlet, { baseUrl: base }));
    // Only the browser's back and forward buttons; clicks are taken from inside the shell alone
    // (see onClick), never from the host page's links.
    Router.setTriggers(DEFAULT_TRIGGERS.POPSTATE);
    void router.setRoutes(this.routes()).catch(() => undefined);
  }

  /**
   * The address of a view, keeping the page's query (a portal's `?lang=en`, the gallery's
   * branding), so a link, a reload and the Nafath round trip come back to the same page.
   */
  private href(view: Exclude<ViewName, 'not-found'>, requestNumber = ''): string {
    return routeHref(this.basePath, view, requestNumber) + location.search;
  }

  private routes(): Route[] {
    const paths = routePaths();
    return [
      { path: paths.service, action: () => this.element('emirate-service-card', { 'start-url': this.href('book') }) },
      { path: paths.book, action: () => this.element('emirate-booking-form') },
      { path: paths.sent, action: () => document.createElement('div') },
      { path: paths.requests, action: () => this.showInbox('') },
      { path: paths.request, action: (context) => this.showInbox(String(context.params.number)) },
      { path: paths.inquiry, action: () => this.element('emirate-inquiry-box') },
      { path: '(.*)', action: () => document.createElement('div') },
    ];
  }

  /** A fresh view element with the shell's backend (and anti-CSRF settings), sign-in address and draft setting. */
  private element(tag: string, attributes: Record<string, string> = {}): HTMLElement {
    const element = document.createElement(tag);
    element.setAttribute('exportparts', VIEW_PARTS);
    element.addEventListener('emirate-error-summary' satisfies ErrorSummaryEvent, this.onErrorSummary);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return this.configure(element);
  }

  private configure(element: HTMLElement): HTMLElement {
    const view = element as HTMLElement & Partial<Pick<EmirateElement, 'adapter' | 'apiBase' | 'loginUrl' | 'csrfToken' | 'csrfCookie'>>;
    if (!('apiBase' in view)) return element;
    view.apiBase = this.apiBase;
    // Checked once here (and warned about by the shell alone): the views get it only when it is a web address.
    view.loginUrl = this.webAddress('login-url', this.loginUrl);
    view.csrfToken = this.csrfToken;
    view.csrfCookie = this.csrfCookie;
    view.adapter = this.adapter;
    element.toggleAttribute('no-drafts', this.noDrafts);
    return element;
  }

  private showInbox(requestNumber: string): HTMLElement {
    this.inbox ??= this.element('emirate-inbox');
    this.inbox.setAttribute('request', requestNumber);
    return this.inbox;
  }

  /** Follows links inside the shell (its own and its views') without reloading the page. */
  private onClick(event: MouseEvent) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || !anchor.href || anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || !`${url.pathname}/`.startsWith(this.basePath)) return;
    // A link to a place on the same view (an error summary's) is not navigation.
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  }

  /** Shows another view and adds it to the browser's history. */
  private navigate(path: string) {
    if (routerModule) routerModule.Router.go(path);
    else void loadRouter().then(({ Router }) => Router.go(path));
  }

  private readonly onLocationChanged = (event: Event) => {
    const { router, location: where } = (event as CustomEvent<{ router: Router; location: RouterLocation }>).detail;
    if (router !== this.router) return;
    const view = viewOfPath(where.route?.path);
    this.view = view;
    this.requestNumber = String(where.params.number ?? '');
    this.viewHasErrors = false;
    this.path = where.pathname;
    if (view === 'sent') void this.loadSent(this.requestNumber);
    this.announceView();
    // After a navigation, the browser's Back and Forward included (not the first view, which
    // the page shows), focus goes to the new view's heading, so keyboard and screen-reader
    // users start reading there (WCAG 2.4.3).
    if (this.shownFirst) void this.focusView();
    this.shownFirst = true;
  };

  private readonly onErrorSummary = (event: Event) => {
    const { shown } = (event as CustomEvent<ErrorSummaryDetail>).detail;
    if (shown === this.viewHasErrors || !this.view) return;
    this.viewHasErrors = shown;
    this.announceView();
  };

  /** Tells the page which view shows, with its title (see {@link ViewChangedDetail}). */
  private announceView() {
    const view = this.view!;
    const title = this.viewTitle(view);
    this.emit<ViewChangedDetail>('emirate-view-changed', {
      view,
      path: this.path,
      title: this.viewHasErrors ? msg(str`خطأ: ${title}`) : title,
    });
  }

  /** What each view is called, for the page's title. */
  private viewTitle(view: ViewName): string {
    switch (view) {
      case 'service':
        return msg('خدمة طلب موعد');
      case 'book':
        return msg('طلب تحديد الموعد');
      case 'sent':
        return msg('تم إرسال طلبك بنجاح');
      case 'requests':
        return msg('طلباتي');
      case 'request':
        return msg(str`طلب رقم ${this.requestNumber}`);
      case 'inquiry':
        return msg('الاستعلام عن معاملة');
      default:
        return msg('الصفحة غير موجودة');
    }
  }

  /** Reads the sent request back for its confirmation and summary. */
  private async loadSent(requestNumber: string) {
    this.sentLoad?.abort();
    const controller = (this.sentLoad = new AbortController());
    const api = this.api;
    this.sent = { state: 'loading' };
    if (!api) return;
    try {
      const [detail, catalog] = await Promise.all([
        api.getRequest(requestNumber, { signal: controller.signal }),
        api.getCatalog({ signal: controller.signal }),
        import('../../ui/request-sent.js'),
      ]);
      if (controller.signal.aborted) return;
      this.sent = { state: 'ready', value: { record: detail, catalog } };
    } catch (error) {
      if (!controller.signal.aborted) this.sent = { state: 'failed', error: toApiError(error) };
    }
  }

  /**
   * Focuses the view at once (so focus is never lost to the page), then its heading once the
   * view has rendered it (a view may load first), unless focus moved on meanwhile.
   */
  private async focusView() {
    this.focusing?.abort();
    const focusing = (this.focusing = new AbortController());
    await this.updateComplete;
    const view = this.renderRoot.querySelector<HTMLElement>('.view');
    if (!view || focusing.signal.aborted) return;
    view.focus({ preventScroll: false });
    const deadline = performance.now() + 5000;
    while (!focusing.signal.aborted && performance.now() < deadline) {
      const heading = this.viewHeading();
      if (heading) {
        if (this.shadowRoot?.activeElement === view) {
          if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
          heading.focus();
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The current view's main heading: in the view element's shadow tree, or the shell's own (confirmation, not found). */
  private viewHeading(): HTMLElement | null {
    const find = (root: ParentNode | null | undefined): HTMLElement | null => {
      if (!root) return null;
      const heading = root.querySelector<HTMLElement>('h1, h2');
      if (heading) return heading;
      for (const child of root.querySelectorAll('*')) {
        const inner = child.shadowRoot ? find(child.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    // While the router swaps views the outlet holds the old one too: wait for the new one alone.
    const outlet = this.renderRoot.querySelector('.outlet');
    if (!outlet || outlet.childElementCount !== 1) return null;
    return find(outlet.firstElementChild!.shadowRoot) ?? find(this.renderRoot.querySelector('.view'));
  }

  private readonly onSubmitted = (event: Event) => {
    const { requestNumber } = (event as CustomEvent<{ requestNumber: string }>).detail;
    this.navigate(this.href('sent', requestNumber));
  };

  private readonly onRequestOpened = (event: Event) => {
    const { requestNumber } = (event as CustomEvent<{ requestNumber: string }>).detail;
    const href = routeHref(this.basePath, 'request', requestNumber);
    if (location.pathname !== href) this.navigate(href + location.search);
  };

  private readonly onRequestClosed = () => {
    const href = routeHref(this.basePath, 'requests');
    if (location.pathname !== href) this.navigate(href + location.search);
  };

  private readonly onServiceStart = (event: Event) => {
    event.preventDefault();
    this.navigate(this.href('book'));
  };

  override render() {
    const labels = { service: msg('الخدمة'), requests: msg('طلباتي'), inquiry: msg('الاستعلام') };
    const current = this.view === 'book' || this.view === 'sent' ? 'service' : this.view === 'request' ? 'requests' : this.view;
    return html`
      <slot name="header"></slot>
      <nav part="nav" aria-label=${msg('خدمة طلب موعد')} @click=${this.onClick}>
        <ul>
          ${NAV.map(
            (name) => html`<li>
              <a href=${this.href(name)} aria-current=${current === name ? 'page' : 'false'}>${labels[name]}</a>
            </li>`,
          )}
        </ul>
      </nav>
      <div class="view" part="view" tabindex="-1" @click=${this.onClick}>
        <div
          class="outlet"
          @emirate-request-submitted=${this.onSubmitted}
          @emirate-request-opened=${this.onRequestOpened}
          @emirate-request-closed=${this.onRequestClosed}
          @emirate-service-start=${this.onServiceStart}
        ></div>
        ${this.view === 'sent' ? this.renderConfirmation() : this.view === 'not-found' ? this.renderNotFound() : nothing}
      </div>
      <slot name="help"></slot>
      <slot name="footer"></slot>
    `;
  }

  /** The confirmation (guide §1.16) with the printable summary, read back from the backend. */
  private renderConfirmation() {
    const sent = this.sent;
    if (!sent || sent.state === 'loading') return html`<p role="status">${msg('جارٍ التحميل…')}</p>`;
    if (sent.state === 'failed') {
      return html`<div class="notice error" role="alert">
        <p>${apiErrorMessage(sent.error)}</p>
        ${sent.error.kind === 'unauthorized'
          ? html`<button type="button" @click=${() => this.requestSignIn()}>${msg('تسجيل الدخول عبر النفاذ الوطني الموحد')}</button>`
          : nothing}
        <button type="button" @click=${() => this.loadSent(this.requestNumber)}>${msg('إعادة المحاولة')}</button>
      </div>`;
    }
    const { record, catalog } = sent.value;
    return html`<emirate-request-sent
      .record=${record}
      .catalog=${catalog}
      .requestsHref=${this.href('request', record.requestNumber)}
      .newHref=${this.href('book')}
    ></emirate-request-sent>`;
  }

  private renderNotFound() {
    return html`
      <section aria-labelledby="missing-title">
        <h2 id="missing-title">${msg('الصفحة غير موجودة')}</h2>
        <p><a href=${this.href('service')}>${msg('العودة إلى بطاقة الخدمة')}</a></p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-appointments': Appointments;
  }
}
