import { adoptStyles, html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { localized, msg, str } from '@lit/localize';
import type { Catalog, Page, RequestDetail, RequestSummary, Session, UploadedFile } from '../../api/types.js';
import { type ApiError, toApiError } from '../../api/errors.js';
import { apiErrorMessage } from '../../i18n/api-messages.js';
import { statusLabel } from '../../i18n/status.js';
import { localText } from '../../i18n/localization.js';
import { dataText } from '../../ui/data-text.js';
import { plural } from '../../i18n/plural.js';
import { dateStyles, hijriAndGregorian } from '../../ui/dates.js';
import { EmirateElement } from '../../ui/emirate-element.js';
import { unavailableNotice } from '../../ui/misconfiguration.js';
import { PollController } from '../../ui/poll-controller.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import type { MessageSentDetail, ReplySentDetail } from './reply-form.js';
import type { RatingSentDetail, RatingSubmittedDetail } from './rating-form.js';
import { clearSignedOutDrafts, draftScopeOf, type DraftScope } from '../../drafts/draft-controller.js';
import type { PassView } from './visit-pass.js';
import type { Cancelling, RequestViewHost } from './request-view.js';
import { inboxStyles } from './inbox.styles.js';

export interface RequestOpenedDetail {
  requestNumber: string;
}

/** `emirate-request-cancelled`: the request number only, never the reason given. */
export interface RequestCancelledDetail {
  requestNumber: string;
}
export interface UnreadChangedDetail {
  /** Unread staff messages over all the citizen's requests. */
  count: number;
}

/** The visit pass of the open request: loading, shown (from the server, or the copy kept on the device) or failed. */
interface PassShown {
  requestNumber: string;
  view?: PassView;
  /** Shown from the copy kept on the device: the server could not be reached. */
  offline?: boolean;
  failed?: ApiError;
}

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiError };

/**
 * "My account" (حسابي, guide §2): the citizen's requests with their status and a "you have a
 * message" badge; opening one shows its details, status history, appointment, and the staff
 * messages, and lets the citizen reply with documents. New messages and status changes appear
 * without a reload. An approved request shows its visit pass (QR code, print, image, calendar)
 * and can be cancelled; the pass stays viewable with no connection, even after a reload.
 *
 * @fires emirate-request-opened - `{ requestNumber }` when the citizen opens a request.
 * @fires emirate-request-closed - `{ requestNumber }` when the citizen goes back from a request to the list.
 * @fires emirate-message-sent - `{ requestNumber, messageId, attachmentCount }` after a reply was sent
 *   (never its text or its documents' names).
 * @fires emirate-request-cancelled - `{ requestNumber }` once the backend has cancelled a request (never the reason).
 * @fires emirate-rating-submitted - `{ requestNumber, stars }` after the citizen rated the service (never the comment).
 * @fires emirate-sign-in-required - `{ returnUrl, signInUrl }` when the session is missing or expired.
 * @fires emirate-unread-changed - `{ count }` when the number of unread staff messages over all the
 * citizen's requests changes: first when it is known, then after polls and after the citizen reads a
 * request's messages (`0` when nobody is signed in). The portal shows it beside the user's name (guide §2.3).
 * @csspart request - each request in the list.
 * @csspart badge - the unread-messages badge.
 * @csspart file-button - the choose, replace and remove buttons of the reply's documents.
 * @csspart file-progress - the upload progress bar of the reply's documents.
 * @cssprop --emirate-color-primary - brand colour of headings, buttons and badges.
 */
@customElement('emirate-inbox')
@localized()
export class Inbox extends EmirateElement {
  static override adapterMethods = [
    'getSession',
    'getCatalog',
    'listRequests',
    'getRequest',
    'sendMessage',
    'markMessagesRead',
    'getAttachment',
    'getUnreadCount',
    'getSummary',
    'rateRequest',
    'uploadFile',
    'getPass',
    'cancelRequest',
  ] as const;

  static override styles = [baseStyles, controlStyles, dateStyles, inboxStyles];

  /** The open request's number; empty shows the list. Set by the shell's route, or by a click. */
  @property({ reflect: true }) request = '';

  /** Requests per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** Seconds between checks for new messages and status changes. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30;

  /** Keep nothing on this device (a shared computer): no reply drafts, no copy of a visit pass for offline use. */
  @property({ type: Boolean, attribute: 'no-drafts' }) noDrafts = false;

  @state() private page = 1;
  /** No usable backend (told on the console): "unavailable" instead of "Loading". */
  @state() private unavailable = false;
  @state() private list: Load<Page<RequestSummary>> = { state: 'loading' };
  @state() private detail: Load<RequestDetail> = { state: 'loading' };
  @state() private session?: Session | null;
  @state() private catalog?: Catalog;
  @state() private announcement = '';
  /** The print-ready summary is shown instead of the request (when the server has no document). */
  @state() private printView = false;
  @state() private summaryFailure?: ApiError;
  /** The attachment being fetched, by file id. */
  @state() private opening = '';
  @state() private attachmentFailure?: { fileId: string; name: string; error: ApiError };
  /** The last unread total reported; `undefined` until the first is known. */
  @state() private unread?: number;
  /** The open request's visit pass (approved requests), see `visit-pass.ts`. */
  @state() private passShown?: PassShown;
  /** The cancellation being confirmed or sent. */
  @state() private cancelling?: Cancelling;
  /** The passes kept for the gate, shown when the page opened with no connection (no session could be had). */
  @state() private gatePasses: PassView[] = [];

  /**
   * Unread staff messages over all the citizen's requests, not only the shown page: the count the
   * portal's header shows beside the user's name (guide §2.3). `0` until known and when nobody is
   * signed in. Read-only; `emirate-unread-changed` tells when it changes.
   */
  get unreadCount(): number {
    return this.unread ?? 0;
  }

  /** The view being loaded (list or request), for moving focus once it is there. */
  private shown: Promise<void> = Promise.resolve();

  private readonly poll = new PollController(this, () => this.refresh(), () => this.pollInterval * 1000);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Nothing is fetched while rendering on a server: the inbox shows "Loading" until the browser has it.
    if (isServer) return;
    if (changed.has('apiBase') || changed.has('adapter')) this.shown = this.start();
    else if (changed.has('request') && this.session) this.shown = this.show();
  }

  /** Loads the session and catalog, then the list or the open request. */
  private async start() {
    const api = this.api;
    this.unavailable = !api;
    if (!api) return;
    try {
      const [session, catalog] = await Promise.all([api.getSession(), api.getCatalog()]);
      this.session = session;
      this.catalog = catalog;
      if (session) {
        await Promise.all([this.show(), this.updateUnread().catch(() => undefined)]);
        this.poll.start();
      } else {
        // Whoever was signed in here is signed out: their reply drafts go with them.
        void clearSignedOutDrafts(this.apiBase || 'adapter');
        this.reportUnread(0);
      }
    } catch (error) {
      // A session that ended (or a redirect to a sign-in page) shows "sign in"; anything else, the
      // error and a retry, in the list or the request, whichever is shown.
      this.fail(error, (e) => {
        this.list = { state: 'failed', error: e };
        this.detail = { state: 'failed', error: e };
      });
      // Opened again with no connection (a reload at the gate): the passes kept for the gate show.
      if (isOffline(error) && !this.noDrafts) void this.showGatePasses();
    }
  }

  private async showGatePasses() {
    try {
      const visit = await import('./visit-pass.js');
      this.gatePasses = await visit.gatePasses(this.apiBase || 'adapter');
    } catch {
      // The pass module could not load either: nothing kept can show.
    }
  }

  private async show() {
    if (this.request) await this.loadDetail(this.request);
    else await this.loadList(this.page);
  }

  private async loadList(page: number, quiet = false) {
    const api = this.api!;
    if (!quiet) this.list = { state: 'loading' };
    try {
      const value = await api.listRequests({ page, pageSize: this.pageSize });
      if (quiet && this.list.state === 'ready') this.announceChanges(this.list.value.items, value.items);
      this.page = page;
      this.list = { state: 'ready', value };
    } catch (error) {
      if (quiet) throw error;
      this.fail(error, (e) => (this.list = { state: 'failed', error: e }));
    }
  }

  private async loadDetail(requestNumber: string, quiet = false) {
    const api = this.api!;
    if (!quiet) this.detail = { state: 'loading' };
    try {
      // The request's own code (rows, summary, reply and rating forms) loads beside its first fetch.
      const [value] = await Promise.all([api.getRequest(requestNumber), loadRequestView()]);
      this.styleRequest();
      if (requestNumber !== this.request) return;
      if (quiet && this.detail.state === 'ready') this.announceChanges([this.detail.value], [value]);
      this.detail = { state: 'ready', value };
      if (value.unreadMessages > 0) void this.markRead(value).catch(() => undefined);
      void this.showPass(value);
    } catch (error) {
      if (quiet) throw error;
      this.fail(error, (e) => (this.detail = { state: 'failed', error: e }));
      // Offline at the gate: the pass kept on the device still shows.
      if (isOffline(error)) void this.showKeptPass(requestNumber);
    }
  }

  /** Where the signed-in user's drafts (and passes) are kept on this device; none when drafts are off. */
  private get draftScope(): DraftScope | undefined {
    return this.session ? draftScopeOf(this.apiBase || 'adapter', this.session, !this.noDrafts) : undefined;
  }

  /**
   * An approved request with an appointment shows its pass: the pass module (with its QR code
   * library) loads now, the first time, and the pass is kept sealed on the device. Asked again
   * only when the appointment moves.
   */
  private async showPass(detail: RequestDetail) {
    const number = detail.requestNumber;
    const appointment = detail.appointment;
    if (detail.status !== 'approved' || !appointment) {
      if (this.passShown?.requestNumber === number) this.passShown = undefined;
      return;
    }
    const shown = this.passShown;
    if (shown?.requestNumber === number && (shown.view ? !shown.offline && shown.view.at === appointment.at : !shown.failed)) return;
    if (shown?.requestNumber !== number) this.passShown = { requestNumber: number };
    try {
      const [visit, pass] = await Promise.all([import('./visit-pass.js'), this.api!.getPass(number)]);
      if (this.request !== number) return;
      const view = visit.passViewOf(detail, this.catalog, pass);
      this.passShown = { requestNumber: number, view };
      void visit.keepPass(this.draftScope, view);
    } catch (error) {
      if (this.request !== number) return;
      if (isOffline(error) && (await this.showKeptPass(number))) return;
      this.passShown = { requestNumber: number, failed: toApiError(error) };
    }
  }

  /** Shows the pass kept on this device for `requestNumber`, if any; whether there was one. */
  private async showKeptPass(requestNumber: string): Promise<boolean> {
    try {
      const visit = await import('./visit-pass.js');
      const view = await visit.keptPass(this.draftScope, requestNumber);
      if (!view || this.request !== requestNumber) return false;
      this.passShown = { requestNumber, view, offline: true };
      return true;
    } catch {
      return false;
    }
  }

  /** Opens the confirmation step of cancelling the open request, its heading focused. */
  private async askCancel(requestNumber: string) {
    this.cancelling = { requestNumber, reason: '', sending: false };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cancel-title')?.focus();
  }

  /** "Keep the request": back to the request, focus on the cancel button. */
  private async keepRequest() {
    this.cancelling = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cancel-request')?.focus();
  }

  /**
   * Cancels the open request (idempotent on the server, so trying again after a failure is
   * safe); the request, its row and the history show "cancelled".
   */
  private async confirmCancel() {
    const cancelling = this.cancelling;
    if (!cancelling || cancelling.sending) return;
    const { requestNumber, reason } = cancelling;
    this.cancelling = { ...cancelling, sending: true, failure: undefined };
    try {
      const value = await this.api!.cancelRequest(requestNumber, reason.trim() ? { reason: reason.trim() } : {});
      this.cancelling = undefined;
      if (this.request === requestNumber) this.detail = { state: 'ready', value };
      if (this.list.state === 'ready') {
        const items = this.list.value.items.map((r) => (r.requestNumber === requestNumber ? { ...r, status: value.status } : r));
        this.list = { state: 'ready', value: { ...this.list.value, items } };
      }
      this.passShown = undefined;
      this.announcement = msg(str`أُلغي الطلب ${requestNumber}.`);
      this.emit<RequestCancelledDetail>('emirate-request-cancelled', { requestNumber });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      const failure = toApiError(error);
      this.cancelling = { ...cancelling, sending: false, failure };
      // No longer cancellable (completed, rejected or past meanwhile): show the request as it is.
      if (failure.kind === 'conflict') void this.loadDetail(requestNumber, true).catch(() => undefined);
    }
  }

  /** Opening a request reads its messages: the server is told and the badge updates here too. */
  private async markRead(detail: RequestDetail) {
    await this.api!.markMessagesRead(detail.requestNumber);
    void this.updateUnread().catch(() => undefined);
    const read = { ...detail, unreadMessages: 0, messages: detail.messages.map((m) => ({ ...m, read: true })) };
    if (this.detail.state === 'ready' && this.detail.value.requestNumber === detail.requestNumber) this.detail = { state: 'ready', value: read };
    if (this.list.state === 'ready') {
      const items = this.list.value.items.map((r) => (r.requestNumber === detail.requestNumber ? { ...r, unreadMessages: 0 } : r));
      this.list = { state: 'ready', value: { ...this.list.value, items } };
    }
  }

  /**
   * One poll: the open request, or the current page, and the unread total, quietly. Only the view
   * decides whether the poll failed (and the next one waits longer): a missing total waits for the next.
   */
  private async refresh() {
    if (!this.session) return;
    const view = this.request ? this.loadDetail(this.request, true) : this.loadList(this.page, true);
    await Promise.all([view, this.updateUnread().catch(() => undefined)]);
  }

  /** Asks the backend for the unread total over all requests. */
  private async updateUnread() {
    const count = await this.api!.getUnreadCount();
    if (this.session) this.reportUnread(count);
  }

  /** Keeps `unreadCount` and tells the page when it changed. */
  private reportUnread(count: number) {
    if (count === this.unread) return;
    this.unread = count;
    this.emit<UnreadChangedDetail>('emirate-unread-changed', { count });
  }

  /** Tells screen-reader users what a poll brought: new staff messages and status changes. */
  private announceChanges(before: RequestSummary[], after: RequestSummary[]) {
    const parts: string[] = [];
    for (const now of after) {
      const then = before.find((r) => r.requestNumber === now.requestNumber);
      if (!then) continue;
      const n = now.unreadMessages - then.unreadMessages;
      const number = now.requestNumber;
      if (n > 0) {
        parts.push(
          plural(n, {
            one: msg(str`رسالة جديدة في الطلب ${number}`),
            two: msg(str`رسالتان جديدتان في الطلب ${number}`),
            few: msg(str`${n} رسائل جديدة في الطلب ${number}`),
            many: msg(str`${n} رسالة جديدة في الطلب ${number}`),
            other: msg(str`${n} رسالة جديدة في الطلب ${number}`),
          }),
        );
      }
      if (now.status !== then.status) parts.push(msg(str`تغيرت حالة الطلب ${now.requestNumber} إلى: ${statusLabel(now.status)}`));
    }
    if (parts.length) this.announcement = parts.join('. ');
  }

  private fail(error: unknown, set: (error: ApiError) => void) {
    const failure = toApiError(error);
    set(failure);
    if (failure.kind === 'unauthorized') {
      this.session = null;
      this.reportUnread(0);
    }
  }

  /** "Try again": the view again, or the whole start when it failed before the session was known. */
  private retry(load: () => Promise<void>) {
    if (this.session !== undefined) {
      this.shown = load();
      return;
    }
    this.list = { state: 'loading' };
    this.detail = { state: 'loading' };
    this.shown = this.start();
  }

  private async open(requestNumber: string) {
    this.request = requestNumber;
    this.emit<RequestOpenedDetail>('emirate-request-opened', { requestNumber });
    await this.whenShown();
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Opens an approved request at its visit pass (from the list), focus on the pass. */
  private async openPass(requestNumber: string) {
    await this.open(requestNumber);
    for (let i = 0; i < 50 && this.request === requestNumber && !this.passShown?.view && !this.passShown?.failed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.updateComplete;
    const pass = this.renderRoot.querySelector('emirate-visit-pass');
    if (pass) {
      await pass.updateComplete;
      pass.focus();
    }
  }

  private async back() {
    const opened = this.request;
    this.printView = false;
    this.attachmentFailure = undefined;
    this.request = '';
    this.emit<RequestOpenedDetail>('emirate-request-closed', { requestNumber: opened });
    await this.whenShown();
    this.renderRoot.querySelector<HTMLElement>(`[data-request="${opened}"]`)?.focus();
  }

  /** Resolves once the view asked for is loaded and rendered. */
  private async whenShown() {
    await this.updateComplete;
    await this.shown;
    await this.updateComplete;
  }

  private async goToPage(page: number) {
    await this.loadList(page);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /**
   * "Download summary" (guide §2.10): the server's document when it has one, otherwise a
   * print-ready summary and the browser's print.
   */
  private async downloadSummary(requestNumber: string) {
    this.summaryFailure = undefined;
    try {
      const document = await this.api!.getSummary(requestNumber);
      if (document) {
        requestView!.saveFile(document, requestView!.downloadFileName(`request-${requestNumber}.pdf`, document.type || 'application/pdf'), this.renderRoot);
        return;
      }
      this.printView = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#summary-title')?.focus();
      requestView!.printAlone(this);
    } catch (error) {
      this.summaryFailure = toApiError(error);
    }
  }

  /**
   * Fetches a message's attachment through the adapter and hands it to the browser to save
   * under a safe name; says so in the thread when it cannot.
   */
  private async openAttachment(requestNumber: string, file: UploadedFile) {
    if (this.opening) return;
    this.opening = file.id;
    this.attachmentFailure = undefined;
    try {
      const blob = await this.api!.getAttachment(requestNumber, file.id);
      requestView!.saveFile(blob, requestView!.downloadFileName(file.name, blob.type || file.type), this.renderRoot);
    } catch (error) {
      this.attachmentFailure = { fileId: file.id, name: file.name, error: toApiError(error) };
    } finally {
      this.opening = '';
    }
  }

  /** A reply was sent: it joins the thread, and the page hears which message, not what it says. */
  private onReplySent(requestNumber: string, event: CustomEvent<ReplySentDetail>) {
    const { message } = event.detail;
    this.emit<MessageSentDetail>('emirate-message-sent', { requestNumber, messageId: message.id, attachmentCount: message.attachments.length });
    if (this.detail.state !== 'ready' || this.detail.value.requestNumber !== requestNumber) return;
    const detail = this.detail.value;
    this.detail = { state: 'ready', value: { ...detail, messages: [...detail.messages, message] } };
    void this.loadDetail(detail.requestNumber, true).catch(() => undefined);
  }

  private onRatingSent(requestNumber: string, event: CustomEvent<RatingSentDetail>) {
    this.emit<RatingSubmittedDetail>('emirate-rating-submitted', { requestNumber, stars: event.detail.stars });
  }

  // ---- views ---------------------------------------------------------------------------

  override render() {
    if (this.unavailable) return unavailableNotice();
    return html`
      ${this.session === null ? this.renderSignIn() : this.request ? this.renderDetail() : this.renderList()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderSignIn() {
    return html`
      <section aria-labelledby="title">
        <h2 id="title" tabindex="-1">${msg('حسابي')}</h2>
        <p>${msg('لعرض طلباتك يتوجب عليك الدخول من خلال النفاذ الوطني الموحد.')}</p>
        <button type="button" @click=${() => this.requestSignIn()}>${msg('تسجيل الدخول عبر النفاذ الوطني الموحد')}</button>
        ${this.signInProblem()}
      </section>
    `;
  }

  private renderProblem(error: ApiError, retry: () => void) {
    return html`<div class="notice error" role="alert">
      <p>${apiErrorMessage(error)}</p>
      <button type="button" @click=${retry}>${msg('إعادة المحاولة')}</button>
    </div>`;
  }

  private renderList() {
    const list = this.list;
    return html`
      <section aria-labelledby="title" aria-busy=${list.state === 'loading' ? 'true' : 'false'}>
        <h2 id="title" tabindex="-1">${msg('طلباتي')}</h2>
        ${list.state === 'loading'
          ? html`<p role="status">${msg('جارٍ تحميل الطلبات…')}</p>`
          : list.state === 'failed'
            ? html`${this.renderProblem(list.error, () => this.retry(() => this.loadList(this.page)))}${this.renderGatePasses()}`
            : list.value.total === 0
              ? html`<p class="empty">${msg('لا توجد طلبات بعد. ستظهر هنا الطلبات التي تقدمها.')}</p>`
              : html`<ul class="requests">
                    ${list.value.items.map((r, i) => this.renderRow(r, i))}
                  </ul>
                  ${this.renderPager(list.value)}`}
      </section>
    `;
  }

  /** One request of the list; its button is described by the status and the unread badge. */
  private renderRow(r: RequestSummary, index: number) {
    const status = `request-${index}-status`;
    const badge = `request-${index}-badge`;
    const unread = r.unreadMessages > 0;
    return html`<li class="request" part="request">
      <button
        type="button"
        class="link number"
        data-request=${r.requestNumber}
        aria-describedby=${unread ? `${status} ${badge}` : status}
        @click=${() => this.open(r.requestNumber)}
      >
        ${msg(str`طلب رقم ${r.requestNumber}`)}
      </button>
      <span class="service">${dataText(localText(r.serviceName))}</span>
      <span class="meta">${this.renderDate(r.createdAt)}</span>
      <span class="meta">${dataText(r.beneficiaryName)}</span>
      <span class="status status-${r.status}" id=${status}>${statusLabel(r.status)}</span>
      ${unread ? html`<span class="badge" part="badge" id=${badge}>${this.unreadLabel(r.unreadMessages)}</span>` : nothing}
      ${r.status === 'approved'
        ? html`<button type="button" class="link" data-pass=${r.requestNumber} @click=${() => this.openPass(r.requestNumber)}>
            ${msg(str`تصريح الزيارة للطلب ${r.requestNumber}`)}
          </button>`
        : nothing}
    </li>`;
  }

  /** "You have n messages", in the form the number takes. */
  private unreadLabel(n: number) {
    return plural(n, {
      one: msg('لديك رسالة'),
      two: msg('لديك رسالتان'),
      few: msg(str`لديك ${n} رسائل`),
      many: msg(str`لديك ${n} رسالة`),
      other: msg(str`لديك ${n} رسالة`),
    });
  }

  private renderPager(page: Page<RequestSummary>) {
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    if (pages === 1) return nothing;
    return html`<nav class="pager actions" aria-label=${msg('صفحات الطلبات')}>
      <button type="button" class="secondary" ?disabled=${page.page <= 1} @click=${() => this.goToPage(page.page - 1)}>${msg('السابق')}</button>
      <span>${msg(str`صفحة ${page.page} من ${pages}`)}</span>
      <button type="button" class="secondary" ?disabled=${page.page >= pages} @click=${() => this.goToPage(page.page + 1)}>${msg('التالي')}</button>
    </nav>`;
  }

  private renderDate(iso: string) {
    return hijriAndGregorian(iso, this.locale);
  }

  private renderDetail() {
    const detail = this.detail;
    return html`
      <p><button type="button" class="link" @click=${this.back}>${msg('العودة إلى طلباتي')}</button></p>
      ${detail.state === 'loading'
        ? html`<p role="status">${msg('جارٍ تحميل الطلب…')}</p>`
        : detail.state === 'failed'
          ? html`${this.renderProblem(detail.error, () => this.retry(() => this.loadDetail(this.request)))}${this.renderPass(this.request)}${this.renderGatePasses()}`
          : this.printView
            ? requestView!.renderPrintView(this.requestHost(), detail.value)
            : requestView!.renderRequest(this.requestHost(), detail.value)}
    `;
  }

  /** The request's look (its rows, the printable summary) comes with its view: added to the element's own once. */
  private requestStyled = false;
  private styleRequest() {
    if (this.requestStyled || !this.shadowRoot) return;
    this.requestStyled = true;
    adoptStyles(this.shadowRoot, [...(this.constructor as typeof Inbox).elementStyles, ...requestView!.requestStyles]);
  }

  /** What the open request's view (./request-view.ts) reads and calls, made for each render. */
  private requestHost(): RequestViewHost {
    return {
      catalog: this.catalog,
      locale: this.locale,
      api: this.api,
      draftScope: this.draftScope,
      cancelling: this.cancelling,
      summaryFailure: this.summaryFailure,
      opening: this.opening,
      attachmentFailure: this.attachmentFailure,
      pass: (requestNumber) => this.renderPass(requestNumber),
      downloadSummary: (requestNumber) => void this.downloadSummary(requestNumber),
      print: () => requestView!.printAlone(this),
      closePrint: () => (this.printView = false),
      askCancel: (requestNumber) => void this.askCancel(requestNumber),
      setCancelReason: (reason) => this.cancelling && (this.cancelling = { ...this.cancelling, reason }),
      confirmCancel: () => void this.confirmCancel(),
      keepRequest: () => void this.keepRequest(),
      openAttachment: (requestNumber, file) => void this.openAttachment(requestNumber, file),
      onReplySent: (requestNumber, event) => this.onReplySent(requestNumber, event),
      onRatingSent: (requestNumber, event) => this.onRatingSent(requestNumber, event),
    };
  }

  /**
   * With no connection before the session was known: the passes kept for the gate on this device
   * (the open request's only, when one is open), without the citizen's personal data.
   */
  private renderGatePasses() {
    const passes = this.gatePasses.filter((p) => !this.request || p.requestNumber === this.request);
    if (this.session !== undefined || passes.length === 0) return nothing;
    return html`<section class="gate-passes" aria-labelledby="gate-passes-title">
      <h3 id="gate-passes-title">${msg('تصاريح الزيارة المحفوظة على هذا الجهاز')}</h3>
      <p class="hint">${msg('تُعرض للبوابة دون اتصال: رمز التصريح والموعد، بلا اسمك ولا رقم هويتك. تظهر كاملة عند عودة الاتصال.')}</p>
      ${passes.map((view) => html`<emirate-visit-pass exportparts="pass" .view=${view} offline></emirate-visit-pass>`)}
    </section>`;
  }

  /** The visit pass (approved requests): loading, the pass, or why it is missing. */
  private renderPass(requestNumber: string) {
    const shown = this.passShown;
    if (!shown || shown.requestNumber !== requestNumber) return nothing;
    if (shown.view) return html`<emirate-visit-pass exportparts="pass" .view=${shown.view} ?offline=${Boolean(shown.offline)}></emirate-visit-pass>`;
    if (shown.failed) {
      return html`<div class="notice error" role="alert">
        <p>${msg('تعذر تحميل تصريح الزيارة.')} ${apiErrorMessage(shown.failed)}</p>
        <button type="button" @click=${() => this.detail.state === 'ready' && this.showPass(this.detail.value)}>${msg('إعادة المحاولة')}</button>
      </div>`;
    }
    return html`<p role="status">${msg('جارٍ تحميل تصريح الزيارة…')}</p>`;
  }

}


declare global {
  interface HTMLElementTagNameMap {
    'emirate-inbox': Inbox;
  }
}

/** The opened request's code (./request-view.ts), once loaded: a request shows only after it is. */
let requestView: typeof import('./request-view.js') | undefined;
const loadRequestView = async () => (requestView ??= await import('./request-view.js'));

/** Whether the server could not be reached (no network, or no answer in time). */
function isOffline(error: unknown): boolean {
  const kind = toApiError(error).kind;
  return kind === 'network' || kind === 'timeout';
}
