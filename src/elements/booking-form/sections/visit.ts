/** The visit (بيانات الموعد, guide §1.10–1.12): type, destination, gate, reason, subject. */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { destinationsFor } from '../../../domain/booking.js';
import { textLength } from '../../../domain/text.js';
import { selectField, textField } from '../../../ui/fields.js';
import type { FormView } from './view.js';

/** `words` (the counts' wording) is loaded with the rest of the form (see lazy.ts). */
export function visitSection(view: FormView, words: Pick<typeof import('../../../i18n/messages.js'), 'characterCount' | 'charactersLeft'>) {
  const { characterCount } = words;
  const { catalog, values: v } = view;
  return html`
    <h3>${msg('بيانات الموعد')}</h3>
    ${selectField({ ...view.field('appointmentType'), options: view.options(catalog.appointmentTypes) })}
    ${selectField({
      ...view.field('destination'),
      options: view.options(destinationsFor(catalog, v.appointmentType)),
      hint: v.appointmentType ? undefined : msg('اختر نوع الموعد أولًا'),
    })}
    ${selectField({ ...view.field('gate'), options: view.options(catalog.gates) })}
    ${selectField({ ...view.field('reason'), options: view.options(catalog.reasons) })}
    ${textField({
      ...view.field('subject'),
      multiline: true,
      dir: 'auto',
      hint: msg(str`قم بتوضيح سبب الزيارة هنا بشكل واضح. ${textLength(v.subject)} من ${characterCount(catalog.subject.maxLength)}`),
    })}
    <span class="visually-hidden subject-left" role="status">${words.charactersLeft(textLength(v.subject), catalog.subject.maxLength)}</span>
  `;
}
