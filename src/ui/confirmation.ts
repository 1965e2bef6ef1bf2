/**
 * The confirmation (guide §1.16) and what the citizen needs next: the transaction number with
 * its Hijri year, as the inquiry asks for them; the date; the mobile the SMS goes to (masked);
 * what happens next; the summary to print; the way to "My requests". The booking form shows it
 * after sending, and the shell at its confirmation address.
 */
import { css, html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { maskMobile } from '../domain/mobile.js';
import { formatLocale } from '../i18n/localization.js';
import { transactionReference, type RequestRecord } from './summary.js';
import { hijriAndGregorian } from './dates.js';

export interface ConfirmationActions {
  /** "My requests" as a link (the shell's route, or the form's `requests-url`)… */
  requestsHref?: string;
  /** …or as a button. */
  onRequests?: () => void;
  /** Prints the summary alone. */
  onPrint: () => void;
  /** "New request" as a link or a button. */
  newHref?: string;
  onNew?: () => void;
}

/** The confirmation of `record`; its heading (`#done-title`) takes focus when it shows. */
export function confirmationView(record: Pick<RequestRecord, 'requestNumber' | 'createdAt'> & { mobile?: string }, actions: ConfirmationActions) {
  const mobile = record.mobile ? html`<bdi dir="ltr">${maskMobile(record.mobile)}</bdi>` : undefined;
  return html`
    <section class="confirmation no-print" aria-labelledby="done-title">
      <div class="panel">
        <h2 id="done-title" tabindex="-1">${msg('تم إرسال طلبك بنجاح')}</h2>
        <p class="reference-label">${msg('رقم المعاملة')}</p>
        <p class="request-number">${transactionReference(record)}</p>
        <p>${msg('تاريخ الطلب:')} ${hijriAndGregorian(record.createdAt, formatLocale())}</p>
      </div>
      <p>${msg('احتفظ برقم المعاملة وسنتها الهجرية، فهما ما تحتاجه للاستعلام عن المعاملة دون تسجيل الدخول.')}</p>
      <p>
        ${mobile
          ? msg(html`ستصلك رسالة نصية على الجوال ${mobile} تحتوي على رقم المعاملة.`)
          : msg('ستصلك رسالة نصية عبر الجوال تحتوي على رقم المعاملة.')}
      </p>
      <h3>${msg('ماذا بعد؟')}</h3>
      <ol class="next-steps">
        <li>${msg('يراجع موظف الإمارة المختص طلبك، وتصلك رسالة نصية عند بدء إجراءات معاملتك.')}</li>
        <li>${msg('إذا احتاج الموظف إلى مستندات أو استفسار، تجد رسالته في «طلباتي» وترد عليها من هناك؛ لا يمكن الرد عبر الرسائل النصية.')}</li>
        <li>${msg('عند الموافقة يظهر موعدك في «طلباتي»: التاريخ والوقت وبوابة الدخول. أحضر هويتك الأصلية يوم الموعد.')}</li>
      </ol>
      <p class="actions">
        ${actions.requestsHref
          ? html`<a class="button" href=${actions.requestsHref}>${msg('متابعة الطلب في طلباتي')}</a>`
          : actions.onRequests
            ? html`<button type="button" @click=${actions.onRequests}>${msg('متابعة الطلب في طلباتي')}</button>`
            : nothing}
        <button type="button" class="secondary" @click=${actions.onPrint}>${msg('طباعة ملخص الطلب')}</button>
        ${actions.newHref
          ? html`<a class="button secondary" href=${actions.newHref}>${msg('تقديم طلب جديد')}</a>`
          : html`<button type="button" class="secondary" @click=${actions.onNew}>${msg('تقديم طلب جديد')}</button>`}
      </p>
    </section>
  `;
}

export const confirmationStyles = css`
  .confirmation .panel {
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2.5);
    margin-block-end: calc(var(--_space) * 2);
    text-align: center;
  }
  .confirmation .panel h2 {
    color: var(--_success);
  }
  .confirmation .reference-label {
    margin-block-end: 0;
  }
  .confirmation .request-number {
    font-size: 1.6em;
    font-weight: 700;
    color: var(--_primary);
    margin-block: 0 var(--_space);
  }
  .confirmation .next-steps {
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  .confirmation .next-steps li + li {
    margin-block-start: var(--_space);
  }
  .print-only {
    display: none;
  }
  @media print {
    .no-print {
      display: none !important;
    }
    .print-only {
      display: block;
    }
  }
`;
