/**
 * Driving <emirate-inquiry-box> as a citizen does, shared by its tests and the hostile-input ones.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/inquiry-box.js';
import type { InquiryBox, InquiryResultDetail } from '../../src/inquiry-box.js';
import { API_BASE } from './mock-backend.js';

export const input = (box: InquiryBox, id: string) => box.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
export const result = (box: InquiryBox) => box.shadowRoot!.querySelector<HTMLElement>('[role=status]')!;

/** The box in `lang`, with the `emirate-inquiry-result` details it reports. */
export async function mount(lang = 'ar') {
  const box = await fixture<InquiryBox>(html`<emirate-inquiry-box api-base=${API_BASE} lang=${lang}></emirate-inquiry-box>`);
  const events: InquiryResultDetail[] = [];
  box.addEventListener('emirate-inquiry-result', (e) => events.push((e as CustomEvent<InquiryResultDetail>).detail));
  return { box, events };
}
