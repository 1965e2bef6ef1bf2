/**
 * A portal's code against the installed package (test/package/pack.test.mjs type-checks it
 * strictly and builds it with Vite). Each @ts-expect-error line must stay an error: if the
 * typings turn loose, the check fails.
 */
import { BookingForm, RestAdapter, type EmirateAdapter, type RequestSubmittedDetail } from '@emirate/appointments/booking-form.js';
import type { InquiryBox, InquiryResultDetail } from '@emirate/appointments/inquiry-box';
import type { CompanionList } from '@emirate/appointments';
import '@emirate/appointments/inquiry-box.js';
import { najranCatalog } from './catalog.js';

// The tag map: querySelector and createElement know each tag's class.
const form = document.querySelector('emirate-booking-form');
if (!(form instanceof BookingForm)) throw new Error('the booking form is not defined');
const box: InquiryBox | null = document.querySelector('emirate-inquiry-box');
const companions: CompanionList = document.createElement('emirate-companion-list');
companions.max = 3;
// @ts-expect-error `max` is a number
companions.max = '3';

// Typed event details, on the element and on the document, without a cast.
form.addEventListener('emirate-request-submitted', (event) => {
  const detail: RequestSubmittedDetail = event.detail;
  // @ts-expect-error the detail has no such field
  console.info(detail.requestNumber, event.detail.applicantName);
});
document.addEventListener('emirate-inquiry-result', (event) => {
  const outcome: InquiryResultDetail['outcome'] = event.detail.outcome;
  console.info(outcome);
});
box?.addEventListener('emirate-inquiry-result', (event) => event.detail.hijriYear.toFixed());

// The adapter contract, and the booking form's first screen from data the page already has.
const adapter: EmirateAdapter = new RestAdapter({ baseUrl: '/api' });
console.info(typeof adapter.getCatalog);
form.noDrafts = true;
form.preload = {
  session: { user: { idNumber: '1000000008', name: 'محمد أحمد علي القحطاني', mobile: '512345678' } },
  catalog: najranCatalog,
};
