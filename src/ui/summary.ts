/**
 * The request summary (ملخص طلب الخدمة, guide §2.10): the widget's own printable document, in
 * the citizen's language. Every answer, the companions, the attachments' names, the status in
 * words, the dates in Hijri and Gregorian, and the transaction number with its Hijri year, as
 * the inquiry asks for them. The booking form's confirmation and the inbox print it alone
 * (see `print.ts`).
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Appointment, BookingRequest, Catalog, LocalizedText, RequestStatus } from '../api/types.js';
import { currentHijriYear, formatRiyadhTime } from '../domain/hijri.js';
import { hijriAndGregorian } from './dates.js';
import { localText, formatLocale } from '../i18n/localization.js';
import { statusLabel } from '../i18n/status.js';
import { requestRows, type AttachmentNames } from './request-details.js';

/** What the summary and the confirmation show of one request. */
export interface RequestRecord {
  requestNumber: string;
  /** ISO date-time the request was made. */
  createdAt: string;
  status: RequestStatus;
  serviceName?: LocalizedText;
  request: Omit<BookingRequest, 'declaration'>;
  appointment?: Appointment;
  /** The attachments' file names, when known. */
  names?: AttachmentNames;
}

/** The Umm al-Qura year of an ISO date-time (in Riyadh), or NaN. */
function hijriYearOf(iso: string): number {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? Number.NaN : currentHijriYear(date);
}

/** "00067 لعام 1448 هـ": the transaction number and the Hijri year the inquiry asks for. */
export function transactionReference(record: Pick<RequestRecord, 'requestNumber' | 'createdAt'>) {
  const year = hijriYearOf(record.createdAt);
  return html`<bdi>${record.requestNumber}</bdi>${Number.isNaN(year) ? nothing : html` ${msg(str`لعام ${year} هـ`)}`}`;
}

/** The gate's name from the catalog, or its id. */
export function gateName(catalog: Catalog | undefined, gate: string): string {
  return localText(catalog?.gates.find((g) => g.id === gate)?.label) || gate;
}

/** The printable summary of a request. `headingId` names its title for `aria-labelledby`. */
export function summaryDocument(record: RequestRecord, catalog: Catalog, headingId = 'summary-title') {
  const locale = formatLocale();
  const appointment = record.appointment && (record.status === 'approved' || record.status === 'completed') ? record.appointment : undefined;
  return html`
    <article class="summary-doc" aria-labelledby=${headingId}>
      <p class="hint">${localText(catalog.emirate.name)} · ${localText(record.serviceName ?? catalog.service.name)}</p>
      <h2 id=${headingId} tabindex="-1">${msg('ملخص الطلب')}</h2>
      <dl class="review plain">
        <div>
          <dt>${msg('رقم المعاملة')}</dt>
          <dd class="reference">${transactionReference(record)}</dd>
        </div>
        <div>
          <dt>${msg('حالة الطلب')}</dt>
          <dd>${statusLabel(record.status)}</dd>
        </div>
        <div>
          <dt>${msg('تاريخ الطلب')}</dt>
          <dd>${hijriAndGregorian(record.createdAt, locale)}</dd>
        </div>
        ${appointment
          ? html`<div>
                <dt>${msg('تاريخ الموعد')}</dt>
                <dd>${hijriAndGregorian(appointment.at, locale)}</dd>
              </div>
              <div>
                <dt>${msg('وقت الموعد')}</dt>
                <dd>${formatRiyadhTime(appointment.at, locale)}</dd>
              </div>
              <div>
                <dt>${msg('بوابة الدخول')}</dt>
                <dd>${gateName(catalog, appointment.gate)}</dd>
              </div>`
          : nothing}
        ${requestRows(record.request, catalog, record.names).map(
          ([, label, value]) => html`<div>
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`,
        )}
      </dl>
    </article>
  `;
}

/** The summary's look; on paper it drops colours and keeps rows together. */

export { summaryStyles } from './summary.styles.js';
