/** What stands above the form's fields: the draft's notices and the error summary (GOV.UK). */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { compareFieldPaths } from '../../../domain/booking.js';
import { formatDeviceDateTime } from '../../../domain/device-time.js';
import type { DraftController } from '../../../drafts/draft-controller.js';
import { draftLimitNotice } from '../../../ui/draft-notice.js';
import type { WidgetLocale } from '../../../i18n/localization.js';

export interface DraftNoticeView {
  drafts: Pick<DraftController<unknown>, 'offReason' | 'valuesOnly' | 'unguarded'>;
  locale: WidgetLocale;
  /** When the restored draft was saved, if one was restored. */
  restoredAt?: number;
  /** "Start again" was pressed: the question shows. */
  confirmingDiscard: boolean;
  askDiscard(): void;
  keepDraft(): void;
  discardDraft(): void;
}

/** The line under the form after each save: "Draft saved automatically" with when (to the minute). */
export function draftSavedText(savedAt: number, locale: WidgetLocale): string {
  return msg(str`حُفظت المسودة تلقائيًا ${formatDeviceDateTime(savedAt, locale)}`);
}

export function draftNotices(view: DraftNoticeView) {
  const off = view.drafts.offReason;
  return html`
    ${view.restoredAt
      ? html`<div class="notice" role="status">
          <p>${msg(str`استعدنا مسودة طلبك المحفوظة (${formatDeviceDateTime(view.restoredAt, view.locale)}).`)}</p>
          ${view.confirmingDiscard
            ? html`<div class="discard-confirm" role="group" aria-labelledby="discard-question">
                <p id="discard-question" tabindex="-1"><strong>${msg('هل تريد حذف المسودة والبدء من جديد؟ سيُحذف كل ما كتبته وأرفقته، ولا يمكن استعادته.')}</strong></p>
                <div class="actions">
                  <button type="button" @click=${view.discardDraft}>${msg('نعم، احذف المسودة')}</button>
                  <button type="button" class="secondary" @click=${view.keepDraft}>${msg('لا، أبقِ المسودة')}</button>
                </div>
              </div>`
            : html`<button type="button" class="secondary discard" @click=${view.askDiscard}>${msg('تجاهل المسودة والبدء من جديد')}</button>`}
        </div>`
      : nothing}
    ${draftLimitNotice(view.drafts)}
    ${off && off !== 'disabled' && off !== 'locked'
      ? html`<div class="notice" role="status">
          ${off === 'full'
            ? msg('مساحة التخزين في جهازك ممتلئة، لذلك لن تُحفظ مسودة الطلب. يمكنك متابعة تعبئة الطلب وإرساله.')
            : off === 'elsewhere'
              ? msg('هذا الطلب مفتوح في نافذة أو تبويب آخر، لذلك لن تُحفظ تعديلاتك هنا كمسودة حتى تغلقه. يمكنك متابعة تعبئة الطلب وإرساله.')
              : msg('لا يمكن حفظ مسودة الطلب على هذا المتصفح. يمكنك متابعة تعبئة الطلب وإرساله.')}
        </div>`
      : nothing}
    ${!off && view.drafts.unguarded
      ? html`<div class="notice" role="status">
          ${msg('تُحفظ مسودة طلبك، لكن هذا المتصفح لا يمنع فتح الطلب في أكثر من نافذة أو تبويب؛ فإن فتحته في أكثر من واحد فقد تحلّ مسودة أحدها محل الأخرى.')}
        </div>`
      : nothing}
  `;
}

/**
 * The error summary: each link is the field's own message (it names the field, so no
 * "label: message"), in the form's order; a link focuses its field.
 */
export function errorSummary(messages: Map<string, string>, focusField: (path: string) => void) {
  if (messages.size === 0) return nothing;
  const sorted = [...messages].sort(([a], [b]) => compareFieldPaths(a, b));
  return html`
    <div class="error-summary" role="group" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${msg('يوجد خطأ في البيانات، يرجى تصحيح ما يلي:')}</h3>
      <ul>
        ${sorted.map(
          ([field, message]) => html`<li>
            <a href="#${field}" @click=${(e: Event) => {
              e.preventDefault();
              focusField(field);
            }}>${message}</a>
          </li>`,
        )}
      </ul>
    </div>
  `;
}
