/** "Check your answers" (راجع بيانات طلبك, guide §1.16): every answer with "Change", then send. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { ApiError } from '../../../api/errors.js';
import type { RequestRow } from '../../../ui/request-details.js';

/** The rows' look (`dl.review`), added to the form's styles when the review first shows. */
export { requestDetailsStyles as reviewStyles } from '../../../ui/request-details.styles.js';

export interface ReviewView {
  rows: RequestRow[];
  /** The ID number came from Nafath: it has no "Change". */
  readonlyId: boolean;
  sending: boolean;
  failure?: ApiError;
  /** What a failed send says (from the wording, loaded by then). */
  failureMessage: (failure: ApiError) => string;
  change(field: string): void;
  send(): void;
  back(): void;
  signIn(): void;
  /** "Unavailable" when "Sign in" could go nowhere (no `login-url`, the event not handled), or nothing. */
  signInProblem: unknown;
}

export function reviewSection(view: ReviewView) {
  const { sending, failure } = view;
  return html`
    <section aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1">${msg('راجع بيانات طلبك')}</h2>
      <p class="intro">${msg('تأكد من صحة البيانات قبل الإرسال، ويمكنك تغيير أي منها.')}</p>
      <dl class="review">
        ${view.rows.map(
          ([field, label, value]) => html`<div>
            <dt>${label}</dt>
            <dd>${value}</dd>
            <dd class="change">
              ${field === 'idNumber' && view.readonlyId
                ? nothing
                : html`<button type="button" class="link" ?disabled=${sending} @click=${() => view.change(field === 'belongings' ? 'hasBelongings' : field)}>
                    ${msg('تغيير')}<span class="visually-hidden"> ${label}</span>
                  </button>`}
            </dd>
          </div>`,
        )}
      </dl>
      ${failure ? sendError(view, failure) : nothing}
      <div class="actions">
        <button type="button" part="submit" aria-disabled=${sending ? 'true' : 'false'} aria-describedby=${sending ? 'sending' : nothing} @click=${view.send}>
          ${failure ? msg('إعادة الإرسال') : msg('إرسال')}
        </button>
        <button type="button" class="secondary" ?disabled=${sending} @click=${view.back}>${msg('العودة إلى الطلب')}</button>
      </div>
      <p id="sending" role="status">${sending ? msg('جارٍ إرسال الطلب…') : nothing}</p>
    </section>
  `;
}

function sendError(view: ReviewView, failure: ApiError) {
  return html`
    <div class="notice error send-error" role="alert" tabindex="-1">
      <p>${view.failureMessage(failure)}</p>
      ${failure.kind === 'unauthorized'
        ? html`<button type="button" @click=${view.signIn}>${msg('تسجيل الدخول عبر النفاذ الوطني الموحد')}</button>${view.signInProblem}`
        : nothing}
    </div>
  `;
}
