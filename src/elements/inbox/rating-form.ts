import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { localized, msg, str } from '@lit/localize';
import type { EmirateAdapter, RatingPayload } from '../../api/types.js';
import { type ApiError, toApiError } from '../../api/errors.js';
import { validateText } from '../../domain/text.js';
import { apiErrorMessage, errorMessage } from '../../i18n/messages.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import { textField } from '../../ui/fields.js';

/** What `<emirate-inbox>` tells the page after a rating: the request and the stars, never the comment. */
export interface RatingSubmittedDetail {
  requestNumber: string;
  stars: RatingPayload['stars'];
}

/** The stars given, for `<emirate-inbox>` only (`emirate-rating-sent` stays in its shadow tree). */
export interface RatingSentDetail {
  stars: RatingPayload['stars'];
}

const STARS = [1, 2, 3, 4, 5] as const;
const MAX_COMMENT = 1000;

/**
 * Rating the service for one request (تقييم الخدمة, guide §2.10): one to five stars and an
 * optional comment, once. The stars are native radio buttons, so arrow keys choose them.
 * Internal to `<emirate-inbox>`.
 *
 * @internalElement
 * @fires emirate-rating-sent - `{ stars }` once the backend has the rating. Internal: not composed and not
 *   bubbling, so only `<emirate-inbox>` hears it (it tells the page with `emirate-rating-submitted`).
 */
@customElement('emirate-rating-form')
@localized()
export class RatingForm extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      .stars {
        display: inline-flex;
        gap: calc(var(--_space) / 2);
      }
      .stars input {
        position: absolute;
        opacity: 0;
        inline-size: 1px;
        block-size: 1px;
      }
      .stars label {
        font-size: 2em;
        line-height: 1;
        cursor: pointer;
        color: var(--_border);
        padding: 2px;
        border-radius: var(--_radius);
      }
      .stars label.on {
        color: var(--_focus);
      }
      .stars input:focus-visible + label {
        outline: 3px solid var(--_focus);
      }
      .given {
        color: var(--_focus);
        font-size: 1.4em;
      }
      /* Under forced colours both stars take the system's colours: the shape (★ on, ☆ off)
         tells them apart, and the chosen ones take the highlight colour. */
      @media (forced-colors: active) {
        .stars label {
          forced-color-adjust: none;
          color: CanvasText;
        }
        .stars label.on {
          color: Highlight;
        }
        .stars input:focus-visible + label {
          outline-color: CanvasText;
        }
      }
    `,
  ];

  @property({ attribute: false }) adapter?: EmirateAdapter;
  @property({ attribute: false }) requestNumber = '';
  /** The rating already given, if any: the form then only thanks. */
  @property({ attribute: false }) given?: { stars: number; comment?: string };

  @state() private stars = 0;
  @state() private comment = '';
  @state() private showErrors = false;
  @state() private sending = false;
  @state() private failure?: ApiError;

  private async submit(event: Event) {
    event.preventDefault();
    // Pressed again while sending (the button stays focusable, `aria-disabled`): nothing to do.
    if (this.sending) return;
    this.showErrors = true;
    if (this.errors.stars || this.errors.comment || !this.adapter) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.errors.stars ? 'input[name=stars]' : '#comment')?.focus();
      return;
    }
    const rating: RatingPayload = { stars: this.stars as RatingPayload['stars'], ...(this.comment.trim() ? { comment: this.comment.trim() } : {}) };
    this.sending = true;
    this.failure = undefined;
    try {
      await this.adapter.rateRequest(this.requestNumber, rating);
      this.given = rating;
      this.dispatchEvent(new CustomEvent<RatingSentDetail>('emirate-rating-sent', { detail: { stars: rating.stars } }));
    } catch (error) {
      const failure = toApiError(error);
      if (failure.kind === 'conflict') this.given = rating;
      else this.failure = failure;
    } finally {
      this.sending = false;
    }
    // The form gave way to the thanks: focus goes to it, so it is read and focus is not lost.
    await this.updateComplete;
    if (this.given) this.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('.send-error')?.focus();
  }

  private get errors() {
    const comment = validateText(this.comment || ' ', { maxLength: MAX_COMMENT });
    return { stars: this.stars === 0 ? msg('اختر عدد النجوم') : '', comment: comment === 'too-long' ? errorMessage(comment, { max: MAX_COMMENT }) : '' };
  }

  override render() {
    if (this.given) {
      return html`<p class="thanks" role="status" tabindex="-1">
        ${msg('شكرًا لتقييمك الخدمة.')}
        <span class="given" aria-hidden="true">${'★'.repeat(this.given.stars)}${'☆'.repeat(5 - this.given.stars)}</span>
        <span class="visually-hidden">${msg(str`${this.given.stars} من 5`)}</span>
      </p>`;
    }
    const errors = this.showErrors ? this.errors : { stars: '', comment: '' };
    return html`
      <form novalidate @submit=${this.submit} aria-labelledby="rating-title">
        <h3 id="rating-title">${msg('قيّم الخدمة')}</h3>
        <fieldset class="field" role="radiogroup" aria-required="true" aria-invalid=${errors.stars ? 'true' : 'false'} aria-describedby=${errors.stars ? 'stars-error' : nothing}>
          <legend>${msg('عدد النجوم')}</legend>
          <div class="stars">
            ${STARS.map(
              (n) => html`<input type="radio" name="stars" required id="star-${n}" value=${n} .checked=${this.stars === n} @change=${() => (this.stars = n)} />
                <label for="star-${n}" class=${n <= this.stars ? 'on' : ''}
                  ><span aria-hidden="true">${n <= this.stars ? '★' : '☆'}</span><span class="visually-hidden">${msg(str`${n} من 5`)}</span></label
                >`,
            )}
          </div>
          ${errors.stars ? html`<span class="error" id="stars-error">${errors.stars}</span>` : nothing}
        </fieldset>
        ${textField({
          id: 'comment',
          label: msg('ملاحظاتك (اختياري)'),
          multiline: true,
          dir: 'auto',
          value: this.comment,
          error: errors.comment,
          onInput: (v) => (this.comment = v),
        })}
        ${this.failure ? html`<div class="notice error send-error" role="alert" tabindex="-1">${apiErrorMessage(this.failure)}</div>` : nothing}
        <button type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${msg('إرسال التقييم')}</button>
        <p class="visually-hidden" role="status">${this.sending ? msg('جارٍ إرسال التقييم…') : nothing}</p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-rating-form': RatingForm;
  }
}
