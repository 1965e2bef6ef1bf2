import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { DraftController } from '../drafts/draft-controller.js';

/**
 * The notice a form with drafts shows while they are limited: kept without a backend secret
 * (typed values only, for 24 hours, no attachments), or locked because the session ended (the
 * saved draft waits for the next sign-in, new changes are not saved). Nothing otherwise.
 * Shared by the booking form and the reply form.
 */
export function draftLimitNotice(drafts: Pick<DraftController<unknown>, 'offReason' | 'valuesOnly'>) {
  if (drafts.offReason === 'locked') {
    return html`<div class="notice draft-limit" role="status">
      ${msg('انتهت جلسة الدخول. مسودتك محفوظة ومقفلة حتى تسجّل الدخول مرة أخرى، ولن يُحفظ فيها ما تغيّره الآن.')}
    </div>`;
  }
  if (drafts.valuesOnly && (drafts.offReason === null || drafts.offReason === 'elsewhere')) {
    return html`<div class="notice draft-limit" role="status">
      ${msg('لا تحمي هذه البوابة المسودات بحسابك، لذلك يُحفظ على هذا الجهاز ما تكتبه فقط لمدة 24 ساعة، ولا تُحفظ المرفقات. إذا عدت لاحقًا فأرفقها مرة أخرى.')}
    </div>`;
  }
  return nothing;
}
