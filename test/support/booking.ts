/**
 * Driving <emirate-booking-form> as a citizen does, shared by the form's tests and the shell's.
 */
import type { BookingForm } from '../../src/booking-form.js';
import { choose, fileOf, pickFile, settled, type, until, visibleText } from './dom.js';

export const root = (form: BookingForm) => form.shadowRoot!;
export const $ = <T extends HTMLElement = HTMLInputElement>(form: BookingForm, selector: string) => root(form).querySelector<T>(selector)!;
export const errorOf = (form: BookingForm, id: string) => root(form).getElementById(`${id}-error`)?.textContent?.trim() ?? '';
export const select = (form: BookingForm, id: string) => $<HTMLSelectElement>(form, `#${id}`);
export const firstOption = (s: HTMLSelectElement) => s.options[1]!.value;
export const optionByText = (s: HTMLSelectElement, text: string) => [...s.options].find((o) => o.text.includes(text))!.value;

export async function attach(form: BookingForm, slot: string, file = fileOf('pdf', `${slot}.pdf`)) {
  pickFile($(form, `#${slot}`), file);
  await until(() => {
    const text = visibleText($(form, `#${slot}`));
    return text.includes(file.name) && (text.includes('جاهز') || text.includes('Ready'));
  }, `${slot} to upload`);
}

/** Every answer a valid request needs except the two files (chosen by each test, or by fillValid). */
export async function fillAnswers(form: BookingForm, subject = 'مراجعة بخصوص معاملة أرض زراعية في شرورة'): Promise<void> {
  // An individual: a body (public or private sector) has more to give (its name, a letter).
  $(form, 'input[name=applicantType][value=individual]').click();
  type($(form, '#email'), 'citizen@example.sa');
  choose(select(form, 'appointmentType'), optionByText(select(form, 'appointmentType'), 'إدارة محددة'));
  await form.updateComplete;
  choose(select(form, 'destination'), firstOption(select(form, 'destination')));
  choose(select(form, 'gate'), firstOption(select(form, 'gate')));
  choose(select(form, 'reason'), firstOption(select(form, 'reason')));
  type($<HTMLTextAreaElement>(form, '#subject'), subject);
  $(form, '#hasBelongings').click();
  $(form, '#declaration').click();
  await form.updateComplete;
}

/** Fills every required field with valid answers, as a citizen would, files included. */
export async function fillValid(form: BookingForm) {
  await fillAnswers(form);
  await attach(form, 'subjectLetter');
  await attach(form, 'idCopy', fileOf('png', 'هويتي.png'));
  await form.updateComplete;
}

export async function continueToReview(form: BookingForm) {
  $<HTMLButtonElement>(form, 'button[type=submit]').click();
  await settled(form);
}

export async function send(form: BookingForm) {
  $<HTMLButtonElement>(form, 'button[part=submit]').click();
  await form.updateComplete;
  await until(() => !root(form).querySelector('button[part=submit][aria-disabled=true]'), 'the send to finish', 8000);
  // A host (the shell) may take the form away once it is sent: its views then never render.
  if (form.isConnected) await settled(form);
}

