/**
 * `<emirate-request-sent>` (internal): the confirmation with its printable summary, loaded only
 * once a request has been sent, so the booking path does not carry it. The booking form shows
 * it after sending, and the shell at its confirmation address.
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { customElement } from './define.js';
import type { Catalog } from '../api/types.js';
import { baseStyles } from './styles.js';
import { controlStyles } from './control-styles.js';
import { requestDetailsStyles } from './request-details.styles.js';
import { confirmationStyles, confirmationView } from './confirmation.js';
import { summaryDocument, summaryStyles, type RequestRecord } from './summary.js';
import { printAlone } from './print.js';
import { dateStyles } from './dates.js';

/**
 * The confirmation after sending: the request number, what happens next, and the printable
 * summary. Internal to `<emirate-booking-form>` and `<emirate-appointments>`.
 *
 * @internalElement
 * @fires emirate-show-requests-asked - "My requests" was pressed (no `requestsHref`); not composed.
 * @fires emirate-new-request-asked - "New request" was pressed (no `newHref`); not composed.
 */
@customElement('emirate-request-sent')
@localized()
export class RequestSent extends LitElement {
  static override styles = [baseStyles, controlStyles, dateStyles, requestDetailsStyles, summaryStyles, confirmationStyles];

  @property({ attribute: false }) record?: RequestRecord;
  @property({ attribute: false }) catalog?: Catalog;
  /** "My requests" as a link; without it, a button that asks the owner. */
  @property({ attribute: false }) requestsHref = '';
  /** "New request" as a link; without it, a button that asks the owner. */
  @property({ attribute: false }) newHref = '';

  /** Focuses the confirmation's heading. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus(options));
  }

  private ask(type: string) {
    this.dispatchEvent(new Event(type, { bubbles: true }));
  }

  override render() {
    const record = this.record;
    if (!record || !this.catalog) return html``;
    return html`
      ${confirmationView(
        { ...record, mobile: record.request.mobile },
        {
          requestsHref: this.requestsHref || undefined,
          onRequests: () => this.ask('emirate-show-requests-asked'),
          onPrint: () => printAlone(this),
          newHref: this.newHref || undefined,
          onNew: () => this.ask('emirate-new-request-asked'),
        },
      )}
      <div class="print-only">${summaryDocument(record, this.catalog)}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-request-sent': RequestSent;
  }
}
