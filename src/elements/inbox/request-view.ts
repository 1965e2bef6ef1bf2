/**
 * What `<emirate-inbox>` needs only once a request is opened: the request's own view (its
 * appointment, messages and their files, cancellation, status history, answers and printable
 * summary), with the reply and rating forms (with the file field). Loaded with the first request
 * opened, beside its fetch, so the list (the inbox's first screen) carries none of it. A thin
 * view: it reads the inbox's state and calls its actions through {@link RequestViewHost}.
 */
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Catalog, RequestDetail, UploadedFile } from '../../api/types.js';
import type { EmirateAdapter } from '../../api/types.js';
import type { ApiError } from '../../api/errors.js';
import type { DraftScope } from '../../drafts/draft-controller.js';
import { safeFileName } from '../../domain/file-type.js';
import { formatHijriDate, formatRiyadhTime } from '../../domain/hijri.js';
import { canCancel, isFinal } from '../../domain/visit.js';
import { apiErrorMessage } from '../../i18n/api-messages.js';
import { statusLabel } from '../../i18n/status.js';
import { localText } from '../../i18n/localization.js';
import { DEFAULT_FILE_RULES } from '../../ui/attachment.js';
import { dataLang, dataText, isolateNumbers } from '../../ui/data-text.js';
import { hijriAndGregorian } from '../../ui/dates.js';
import { requestRows } from '../../ui/request-details.js';
import { summaryDocument } from '../../ui/summary.js';
import type { WidgetLocale } from '../../i18n/localization.js';
import type { ReplySentDetail } from './reply-form.js';
import type { RatingSentDetail } from './rating-form.js';
import './reply-form.js';
import './rating-form.js';
import { requestDetailsStyles } from '../../ui/request-details.styles.js';
import { summaryStyles } from '../../ui/summary.styles.js';
export { printAlone } from '../../ui/print.js';
export { saveFile } from '../../ui/save-file.js';
export { downloadFileName } from '../../domain/file-name.js';

/** The look of the request's rows and of its printable summary, added to the inbox's with this view. */
export const requestStyles = [requestDetailsStyles, summaryStyles];

/** The longest cancellation reason the contract takes. */
const CANCEL_REASON_MAX = 500;

/** The open request's cancellation, from "cancel" to the server's answer. */
export interface Cancelling {
  requestNumber: string;
  reason: string;
  sending: boolean;
  failure?: ApiError;
}

/** What the request's view reads from the inbox and the actions it calls. */
export interface RequestViewHost {
  catalog?: Catalog;
  locale: WidgetLocale;
  api?: EmirateAdapter;
  draftScope?: DraftScope;
  cancelling?: Cancelling;
  summaryFailure?: ApiError;
  /** The attachment being fetched, by file id. */
  opening: string;
  attachmentFailure?: { fileId: string; name: string; error: ApiError };
  /** The visit pass of a request (loading, the pass, or why it is missing). */
  pass(requestNumber: string): unknown;
  downloadSummary(requestNumber: string): void;
  print(): void;
  closePrint(): void;
  askCancel(requestNumber: string): void;
  setCancelReason(reason: string): void;
  confirmCancel(): void;
  keepRequest(): void;
  openAttachment(requestNumber: string, file: UploadedFile): void;
  onReplySent(requestNumber: string, event: CustomEvent<ReplySentDetail>): void;
  onRatingSent(requestNumber: string, event: CustomEvent<RatingSentDetail>): void;
}

/** The widget's own summary (the server has no document), printed alone; the buttons do not print. */
export function renderPrintView(v: RequestViewHost, r: RequestDetail) {
  if (!v.catalog) return nothing;
  return html`
    <div class="print-view">
      ${summaryDocument(r, v.catalog)}
      <p class="actions no-print">
        <button type="button" @click=${v.print}>${msg('طباعة')}</button>
        <button type="button" class="secondary" @click=${v.closePrint}>${msg('العودة إلى الطلب')}</button>
      </p>
    </div>
  `;
}

function renderAppointment(v: RequestViewHost, r: RequestDetail) {
  if (!r.appointment || !(r.status === 'approved' || r.status === 'completed')) return nothing;
  const gate = localText(v.catalog?.gates.find((g) => g.id === r.appointment!.gate)?.label) || r.appointment.gate;
  return html`<section class="appointment" aria-labelledby="appointment-title">
    <h3 id="appointment-title">${msg('موعدك')}</h3>
    <dl>
      <dt>${msg('التاريخ')}</dt>
      <dd>${hijriAndGregorian(r.appointment.at, v.locale)}</dd>
      <dt>${msg('الوقت')}</dt>
      <dd>${formatRiyadhTime(r.appointment.at, v.locale)}</dd>
      <dt>${msg('بوابة الدخول')}</dt>
      <dd>${gate}</dd>
    </dl>
  </section>`;
}

/** "Cancel the request", then its confirmation: an optional reason, confirm or keep it. */
function renderCancel(v: RequestViewHost, r: RequestDetail) {
  const cancelling = v.cancelling?.requestNumber === r.requestNumber ? v.cancelling : undefined;
  if (!cancelling) {
    return html`<button type="button" class="secondary" id="cancel-request" @click=${() => v.askCancel(r.requestNumber)}>${msg('إلغاء الطلب')}</button>`;
  }
  if (cancelling.failure?.kind === 'conflict') {
    // Completed, rejected or past meanwhile: the request shows as it now is, and why it stays.
    return html`<div class="notice error" role="alert"><p>${msg('لم يعد بالإمكان إلغاء هذا الطلب.')}</p></div>`;
  }
  return html`<section class="notice cancel" aria-labelledby="cancel-title">
    <h3 id="cancel-title" tabindex="-1">${msg(str`إلغاء الطلب رقم ${r.requestNumber}؟`)}</h3>
    <p>${msg('لا يمكن التراجع عن الإلغاء. إن احتجت إلى موعد بعده فقدّم طلبًا جديدًا.')}</p>
    <label for="cancel-reason">${msg('سبب الإلغاء (اختياري)')}</label>
    <textarea
      id="cancel-reason"
      rows="3"
      maxlength=${CANCEL_REASON_MAX}
      .value=${cancelling.reason}
      @input=${(e: Event) => v.setCancelReason((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${cancelling.failure
      ? html`<div class="notice error" role="alert">
          <p>${msg('تعذر إلغاء الطلب.')} ${apiErrorMessage(cancelling.failure)}</p>
        </div>`
      : nothing}
    <p class="actions">
      <button type="button" class="danger" aria-busy=${cancelling.sending ? 'true' : 'false'} @click=${v.confirmCancel}>${msg('تأكيد الإلغاء')}</button>
      <button type="button" class="secondary" @click=${v.keepRequest}>${msg('تراجع، أبقِ الطلب')}</button>
    </p>
  </section>`;
}

function renderAnswers(v: RequestViewHost, r: RequestDetail) {
  if (!v.catalog) return nothing;
  return html`<h3>${msg('تفاصيل الطلب')}</h3>
    <dl class="review plain">
      ${requestRows(r.request, v.catalog).map(
        ([, label, value]) => html`<div>
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
      )}
    </dl>`;
}

/**
 * A message's files, each a button that fetches it through the adapter and saves it. Names are
 * shown without folders or bidi controls (an `exe.pdf` cannot pass for a `fdp.exe`).
 */
function renderAttachments(v: RequestViewHost, requestNumber: string, files: UploadedFile[]) {
  const failure = v.attachmentFailure;
  return html`<ul class="attachments">
      ${files.map(
        (a) => html`<li>
          <button
            type="button"
            class="link attachment"
            data-file=${a.id}
            aria-busy=${v.opening === a.id ? 'true' : 'false'}
            @click=${() => v.openAttachment(requestNumber, a)}
          >
            <bdi>${safeFileName(a.name)}</bdi>
          </button>
        </li>`,
      )}
    </ul>
    ${failure && files.some((a) => a.id === failure.fileId)
      ? html`<div class="notice error" role="alert">
          <p>${msg(html`تعذر فتح المرفق <bdi>${safeFileName(failure.name)}</bdi>.`)} ${apiErrorMessage(failure.error)}</p>
        </div>`
      : nothing}`;
}

/** Instead of the reply form on a completed or rejected request: why, and where to turn. */
function renderClosed(r: RequestDetail) {
  return html`<section class="notice closed" aria-labelledby="closed-title">
    <h3 id="closed-title">${msg('الطلب مغلق')}</h3>
    <p>
      ${r.status === 'completed'
        ? msg('اكتمل هذا الطلب، فلا يمكن الرد عليه أو إرفاق مستندات به.')
        : r.status === 'cancelled'
          ? msg('أُلغي هذا الطلب، فلا يمكن الرد عليه أو إرفاق مستندات به.')
          : msg('رُفض هذا الطلب، فلا يمكن الرد عليه أو إرفاق مستندات به.')}
    </p>
    <p>${msg(str`إن احتجت إلى مساعدة بخصوصه فقدّم طلبًا جديدًا واذكر فيه رقم هذا الطلب (${r.requestNumber}).`)}</p>
  </section>`;
}

export function renderRequest(v: RequestViewHost, r: RequestDetail) {
  const catalog = v.catalog;
  return html`
    <article aria-labelledby="title">
      <h2 id="title" tabindex="-1">${msg(str`طلب رقم ${r.requestNumber}`)}</h2>
      <p><span class="status status-${r.status}">${statusLabel(r.status)}</span> · ${dataText(localText(r.serviceName))} · ${hijriAndGregorian(r.createdAt, v.locale)}</p>
      ${renderAppointment(v, r)} ${v.pass(r.requestNumber)}
      <p class="actions">
        <button type="button" class="secondary" @click=${() => v.downloadSummary(r.requestNumber)}>${msg('تنزيل ملخص الطلب')}</button>
        ${canCancel(r) && v.cancelling?.requestNumber !== r.requestNumber ? renderCancel(v, r) : nothing}
      </p>
      ${v.cancelling?.requestNumber === r.requestNumber ? renderCancel(v, r) : nothing}
      ${v.summaryFailure ? html`<div class="notice error" role="alert">${apiErrorMessage(v.summaryFailure)}</div>` : nothing}

      <h3>${msg('الرسائل')}</h3>
      ${r.messages.length === 0
        ? html`<p class="hint">${msg('لا توجد رسائل.')}</p>`
        : html`<ol class="messages">
            ${r.messages.map(
              (m) => html`<li class="message from-${m.from}">
                <p class="who">
                  ${m.from === 'staff' ? msg('موظف الإمارة') : msg('أنت')} ·
                  <time datetime=${m.at}>${formatHijriDate(m.at, v.locale)} ${formatRiyadhTime(m.at, v.locale)}</time>
                </p>
                <p class="pre-wrap text" dir="auto" lang=${ifDefined(dataLang(m.text))}>${isolateNumbers(m.text)}</p>
                ${m.attachments.length ? renderAttachments(v, r.requestNumber, m.attachments) : nothing}
              </li>`,
            )}
          </ol>`}

      ${isFinal(r.status)
        ? renderClosed(r)
        : html`<emirate-reply-form
            exportparts="file-button, file-progress"
            .adapter=${v.api}
            .requestNumber=${r.requestNumber}
            .rules=${catalog?.files ?? DEFAULT_FILE_RULES}
            .draftScope=${v.draftScope}
            @emirate-reply-sent=${(e: CustomEvent<ReplySentDetail>) => v.onReplySent(r.requestNumber, e)}
          ></emirate-reply-form>`}

      <h3>${msg('سجل الحالة')}</h3>
      <ol class="history">
        ${r.history.map(
          (h) => html`<li>
            <span class="status status-${h.status}">${statusLabel(h.status)}</span> ${hijriAndGregorian(h.at, v.locale)}
            ${h.note ? html`<p class="pre-wrap" dir="auto">${h.note}</p>` : nothing}
          </li>`,
        )}
      </ol>

      ${r.status === 'approved' || r.status === 'completed' || r.status === 'rejected'
        ? keyed(r.requestNumber, html`<emirate-rating-form
            .adapter=${v.api}
            .requestNumber=${r.requestNumber}
            .given=${r.rating}
            @emirate-rating-sent=${(e: CustomEvent<RatingSentDetail>) => v.onRatingSent(r.requestNumber, e)}
          ></emirate-rating-form>`)
        : nothing}

      ${renderAnswers(v, r)}
    </article>
  `;
}
