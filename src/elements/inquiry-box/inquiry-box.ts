import { html, css, isServer, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { localized, msg, str } from '@lit/localize';
import type { InquiryResult } from '../../api/types.js';
import { RateLimitedError, ServerError, type ApiError, toApiError } from '../../api/errors.js';
import { currentHijriYear, recentHijriYears } from '../../domain/hijri.js';
import { normalizeTransactionNumber, parseHijriYear, validateHijriYear, validateTransactionNumber } from '../../domain/inquiry.js';
import { apiErrorMessage } from '../../i18n/api-messages.js';

/** The wording of the fields' errors (i18n/messages.ts), fetched the first time a check is asked for. */
let words: typeof import('../../i18n/messages.js') | undefined;
let wordsLoading: Promise<unknown> | undefined;
const loadWords = () => (wordsLoading ??= import('../../i18n/messages.js').then((m) => (words = m)));
import { plural } from '../../i18n/plural.js';
import { statusLabel } from '../../i18n/status.js';
import { dateStyles, hijriAndGregorian } from '../../ui/dates.js';
import { EmirateElement } from '../../ui/emirate-element.js';
import { unavailableNotice } from '../../ui/misconfiguration.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import { textField } from '../../ui/fields.js';

export interface InquiryResultDetail {
  transactionNumber: string;
  hijriYear: number;
  /** `found`, `not-found`, or why there is no answer (`rate-limited`, `server`, `network`, ...). */
  outcome: 'found' | 'not-found' | ApiError['kind'];
  result?: InquiryResult;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; result: InquiryResult }
  | { kind: 'not-found'; transactionNumber: string; hijriYear: number }
  | { kind: 'failed'; error: ApiError };

/**
 * Transaction inquiry (خدمة الاستعلام عن معاملة, guide §3): a transaction number and its Hijri
 * year (Umm al-Qura, the current year by default) give the transaction's status. Needs no sign-in.
 *
 * @fires emirate-inquiry-result - `{ transactionNumber, hijriYear, outcome, result? }` after each inquiry.
 * @csspart form - the inquiry form.
 * @csspart result - the answer area.
 * @cssprop --emirate-color-primary - brand colour of the heading, button and result border.
 * @cssprop --emirate-color-on-primary - text colour on primary-coloured buttons.
 * @cssprop --emirate-color-text - body text colour.
 * @cssprop --emirate-color-muted - colour of hints and secondary text.
 * @cssprop --emirate-color-border - border colour of fields and boxes.
 * @cssprop --emirate-color-surface - background of fields and secondary buttons.
 * @cssprop --emirate-color-subtle - background of notices.
 * @cssprop --emirate-color-error - colour of error messages and of a failed answer's border.
 * @cssprop --emirate-color-success - colour of success messages.
 * @cssprop --emirate-color-focus - focus outline colour.
 * @cssprop --emirate-radius - corner radius of fields and buttons.
 * @cssprop --emirate-space - the spacing unit.
 * @cssprop [--emirate-font-family=inherit] - the font: the host page's when it sets one, else IBM Plex Sans Arabic, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, system-ui, sans-serif (no font files are shipped).
 */
@customElement('emirate-inquiry-box')
@localized()
export class InquiryBox extends EmirateElement {
  static override adapterMethods = ['inquire'] as const;

  static override styles = [
    baseStyles,
    controlStyles,
    dateStyles,
    css`
      :host {
        max-inline-size: 40rem;
      }
      h2 {
        font-size: 1.35em;
      }
      .row {
        display: grid;
        grid-template-columns: 2fr 1fr;
        gap: 0 calc(var(--_space) * 2);
      }
      @media (max-width: 30rem) {
        .row {
          grid-template-columns: 1fr;
        }
      }
      .result {
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        margin-block-start: calc(var(--_space) * 2);
      }
      .result.problem {
        border-color: var(--_error);
      }
      .result h3 {
        margin: 0 0 var(--_space);
        font-size: 1.1em;
      }
      .status {
        font-size: 1.3em;
        font-weight: 700;
        color: var(--_primary);
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @state() private transactionNumber = '';
  @state() private year = String(currentHijriYear());
  @state() private showErrors = false;
  @state() private outcome: Outcome = { kind: 'idle' };

  private controller?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private get errors() {
    return {
      transactionNumber: validateTransactionNumber(this.transactionNumber),
      year: validateHijriYear(this.year),
    };
  }

  /** A check whose errors wait for their wording (see {@link loadWords}); updateComplete waits for it. */
  private checking?: Promise<unknown>;

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.checking) return done;
    await this.checking;
    return super.getUpdateComplete();
  }

  private async inquire(event: Event) {
    event.preventDefault();
    // From the first check on, errors show as the citizen corrects the fields: their wording comes now.
    const wording = (this.checking = loadWords());
    const errors = this.errors;
    if (errors.transactionNumber || errors.year) {
      // The answer on screen was for the previous input: it goes.
      this.outcome = { kind: 'idle' };
      await wording;
      this.showErrors = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(errors.transactionNumber ? '#transactionNumber' : '#year')?.focus();
      return;
    }
    this.showErrors = true;
    const api = this.api;
    const query = { transactionNumber: normalizeTransactionNumber(this.transactionNumber), hijriYear: parseHijriYear(this.year) };
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.outcome = { kind: 'loading' };
    try {
      if (!api) throw new ServerError(0, 'No backend configured');
      const result = await api.inquire(query, { signal: controller.signal });
      this.outcome = { kind: 'found', result };
      this.emit<InquiryResultDetail>('emirate-inquiry-result', { ...query, outcome: 'found', result });
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = toApiError(error);
      this.outcome = failure.kind === 'not-found' ? { kind: 'not-found', ...query } : { kind: 'failed', error: failure };
      this.emit<InquiryResultDetail>('emirate-inquiry-result', { ...query, outcome: failure.kind === 'not-found' ? 'not-found' : failure.kind });
    }
  }

  override render() {
    // Without a backend (told on the console) the form would only ever fail: say so instead.
    if (!isServer && !this.api) return unavailableNotice();
    const errors = this.showErrors ? this.errors : { transactionNumber: null, year: null };
    const years = recentHijriYears(10);
    const busy = this.outcome.kind === 'loading';
    return html`
      <form part="form" novalidate @submit=${this.inquire} aria-labelledby="title">
        <h2 id="title">${msg('الاستعلام عن معاملة')}</h2>
        <p class="hint">${msg('أدخل رقم المعاملة والسنة الهجرية التي قُدمت فيها.')}</p>
        <div class="row">
          ${textField({
            id: 'transactionNumber',
            label: msg('رقم المعاملة'),
            required: true,
            value: this.transactionNumber,
            inputmode: 'numeric',
            autocomplete: 'off',
            dir: 'ltr',
            error: errors.transactionNumber ? (words?.errorMessage(errors.transactionNumber, { field: 'transactionNumber' }) ?? '') : '',
            onInput: (v) => (this.transactionNumber = v),
          })}
          ${textField({
              id: 'year',
              label: msg('السنة الهجرية'),
              required: true,
              value: this.year,
              inputmode: 'numeric',
              autocomplete: 'off',
              dir: 'ltr',
              list: 'years',
              hint: msg(str`بتقويم أم القرى، مثل ${years[0]}`),
              error: errors.year ? (words?.errorMessage(errors.year, { field: 'year', max: years[0] }) ?? '') : '',
              onInput: (v) => (this.year = v),
            })}
        </div>
        <datalist id="years">${years.map((y) => html`<option value=${y}></option>`)}</datalist>
        <button type="submit" ?disabled=${busy}>${msg('استعلام')}</button>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">${this.renderOutcome()}</div>
    `;
  }

  /** "Busy, try again in n seconds", in the form the number takes. */
  private retryAfter(n: number) {
    return plural(n, {
      one: msg('الخدمة مشغولة الآن. أعد المحاولة بعد ثانية واحدة.'),
      two: msg('الخدمة مشغولة الآن. أعد المحاولة بعد ثانيتين.'),
      few: msg(str`الخدمة مشغولة الآن. أعد المحاولة بعد ${n} ثوانٍ.`),
      many: msg(str`الخدمة مشغولة الآن. أعد المحاولة بعد ${n} ثانية.`),
      other: msg(str`الخدمة مشغولة الآن. أعد المحاولة بعد ${n} ثانية.`),
    });
  }

  private renderOutcome() {
    const o = this.outcome;
    switch (o.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p>${msg('جارٍ الاستعلام…')}</p>`;
      case 'found':
        return html`
          <section class="result" part="result" aria-labelledby="result-title">
            <h3 id="result-title">${msg(str`المعاملة رقم ${o.result.transactionNumber} لعام ${o.result.hijriYear} هـ`)}</h3>
            <dl>
              <dt>${msg('الحالة')}</dt>
              <dd class="status">${statusLabel(o.result.status)}</dd>
              <dt>${msg('آخر تحديث')}</dt>
              <dd>${hijriAndGregorian(o.result.updatedAt, this.locale)}</dd>
            </dl>
          </section>
        `;
      case 'not-found':
        return html`
          <section class="result problem" part="result">
            <p>${msg(str`لا توجد معاملة بالرقم ${o.transactionNumber} في عام ${o.hijriYear} هـ. تحقق من الرقم والسنة.`)}</p>
          </section>
        `;
      case 'failed':
        return html`
          <section class="result problem" part="result">
            <p>${o.error instanceof RateLimitedError && o.error.retryAfterSeconds
              ? this.retryAfter(o.error.retryAfterSeconds)
              : apiErrorMessage(o.error)}</p>
            ${o.error.kind === 'rate-limited' ? nothing : html`<button type="button" class="secondary" @click=${this.inquire}>${msg('إعادة المحاولة')}</button>`}
          </section>
        `;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-inquiry-box': InquiryBox;
  }
}
