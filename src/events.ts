/**
 * Every event the public elements send to the page, by name, with its `detail`. All bubble and
 * are composed, so a page can listen on the element, an ancestor, `document` or `window`.
 *
 * Importing any entry of the package adds these to the DOM's event maps, so
 * `el.addEventListener('emirate-request-submitted', (e) => e.detail.requestNumber)` type-checks
 * without a cast. The custom-elements manifest takes each event's type from here
 * (custom-elements-manifest.config.mjs), and the build fails when an element documents an event
 * that is missing here.
 */
import type { DraftEventDetail, RequestSubmittedDetail, ShowRequestsDetail } from './elements/booking-form/booking-form.js';
import type { CompanionsChangeDetail } from './elements/companion-list/companion-list.js';
import type { InquiryResultDetail } from './elements/inquiry-box/inquiry-box.js';
import type { RequestCancelledDetail, RequestOpenedDetail, UnreadChangedDetail } from './elements/inbox/inbox.js';
import type { MessageSentDetail } from './elements/inbox/reply-form.js';
import type { RatingSubmittedDetail } from './elements/inbox/rating-form.js';
import type { ServiceStartDetail } from './elements/service-card/service-card.js';
import type { ViewChangedDetail } from './elements/appointments/appointments.js';
import type { SignInRequiredDetail } from './ui/emirate-element.js';

export interface EmirateEventMap {
  'emirate-request-submitted': CustomEvent<RequestSubmittedDetail>;
  'emirate-show-requests': CustomEvent<ShowRequestsDetail>;
  'emirate-draft-saved': CustomEvent<DraftEventDetail>;
  'emirate-draft-restored': CustomEvent<DraftEventDetail>;
  'emirate-sign-in-required': CustomEvent<SignInRequiredDetail>;
  'emirate-companions-change': CustomEvent<CompanionsChangeDetail>;
  'emirate-inquiry-result': CustomEvent<InquiryResultDetail>;
  'emirate-request-opened': CustomEvent<RequestOpenedDetail>;
  'emirate-request-closed': CustomEvent<RequestOpenedDetail>;
  'emirate-message-sent': CustomEvent<MessageSentDetail>;
  'emirate-request-cancelled': CustomEvent<RequestCancelledDetail>;
  'emirate-rating-submitted': CustomEvent<RatingSubmittedDetail>;
  'emirate-unread-changed': CustomEvent<UnreadChangedDetail>;
  'emirate-service-start': CustomEvent<ServiceStartDetail>;
  'emirate-view-changed': CustomEvent<ViewChangedDetail>;
}

declare global {
  interface HTMLElementEventMap extends EmirateEventMap {}
  interface DocumentEventMap extends EmirateEventMap {}
  interface WindowEventMap extends EmirateEventMap {}
}
