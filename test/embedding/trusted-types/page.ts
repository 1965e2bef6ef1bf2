/**
 * The Trusted Types host page's script (index.html): the second copy of the widget renders an
 * element too, so both copies of Lit write templates through their own `lit-html` policy; and
 * `runBooking()` fills and sends a whole request with companions and files in this frame, with
 * the same helpers the booking tests use (they run in this frame's realm).
 */
import type { BookingForm } from '../../../src/booking-form.js';
import { $, attach, continueToReview, fillAnswers, send } from '../../support/booking.js';
import { fileOf, pickFile, settled, type, until, visibleText } from '../../support/dom.js';

const firstCopyUrl = '/src/index.ts';
const secondCopyUrl = '/src/index.ts?copy=2';
const first = (await import(/* @vite-ignore */ firstCopyUrl)) as typeof import('../../../src/index.js');
const second = (await import(/* @vite-ignore */ secondCopyUrl)) as typeof import('../../../src/index.js');

// The second copy's inquiry box under a tag of its own: its Lit renders on this page as well.
customElements.define('second-copy-inquiry-box', second.InquiryBox);
const box = document.createElement('second-copy-inquiry-box');
box.setAttribute('api-base', '/api');
document.body.append(box);

interface TrustedTypesLog {
  copies: { distinct: boolean; secondRenders: boolean };
  ready: boolean;
}

/** Fills every answer, two files and two companions, reviews and sends; resolves with the request number shown. */
async function runBooking(): Promise<string> {
  const form = document.querySelector<BookingForm>('emirate-booking-form')!;
  await until(() => form.shadowRoot?.querySelector('form'), 'the booking form', 8000);
  await settled(form);
  await fillAnswers(form);
  await attach(form, 'subjectLetter');
  await attach(form, 'idCopy', fileOf('png', 'هويتي.png'));
  const list = $(form, 'emirate-companion-list');
  const companions: Array<[string, string]> = [
    ['خالد سلمان فهد الدوسري', '1748392659'],
    ['Ramesh Kumarasamy', '2908173640'],
  ];
  for (const [i, [name, id]] of companions.entries()) {
    list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await settled(form);
    const row = list.shadowRoot!.querySelectorAll('fieldset.companion')[i]!;
    type(row.querySelector<HTMLInputElement>('[id$="-fullName"]')!, name);
    type(row.querySelector<HTMLInputElement>('[id$="-idNumber"]')!, id);
    pickFile(row.querySelector('emirate-file-field')!, fileOf('png', `companion-${i + 1}.png`));
    await until(() => visibleText(row).includes('جاهز'), `companion ${i + 1}'s ID image`);
  }
  await settled(form);
  await continueToReview(form);
  if (!form.shadowRoot!.querySelector('#review-title')) throw new Error(`not at the review: ${visibleText(form).slice(0, 300)}`);
  await send(form);
  await until(() => form.shadowRoot!.querySelector('emirate-request-sent'), 'the confirmation', 8000);
  await settled(form);
  return visibleText(form);
}

await until(() => box.shadowRoot?.querySelector('form'), "the second copy's inquiry box", 8000);
Object.assign(window as unknown as { embeddingLog: TrustedTypesLog; runBooking: typeof runBooking }, { runBooking });
Object.assign((window as unknown as { embeddingLog: TrustedTypesLog }).embeddingLog, {
  copies: { distinct: first.BookingForm !== second.BookingForm, secondRenders: box instanceof second.InquiryBox },
  ready: true,
});
