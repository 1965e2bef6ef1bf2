/** Runs after both copies of the widget: starts the mock backend and says which copy defined the tags. */
import { startMockBackend } from '../../../demo/mocks/browser.js';

const firstCopyUrl = '/src/index.ts';
const secondCopyUrl = '/src/index.ts?copy=2';
const first = (await import(/* @vite-ignore */ firstCopyUrl)) as typeof import('../../../src/index.js');
const second = (await import(/* @vite-ignore */ secondCopyUrl)) as typeof import('../../../src/index.js');

await startMockBackend({ baseUrl: '/api', quiet: true });

Object.assign((window as unknown as { embeddingLog: object }).embeddingLog, {
  copies: {
    distinct: first.InquiryBox !== second.InquiryBox,
    definedByFirst: customElements.get('emirate-inquiry-box') === first.InquiryBox && customElements.get('emirate-booking-form') === first.BookingForm,
  },
  ready: true,
});
