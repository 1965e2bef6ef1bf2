/** The applicant (بيانات مقدم الطلب, guide §1.9): the first screen, rendered before anything else. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { choiceGroup, selectField, textField } from '../../../ui/fields.js';
import { fullNameHint } from '../../../i18n/field-labels.js';
import { getLocale } from '../../../i18n/localization.js';
import type { FormView } from './view.js';

/**
 * The name's language when it is not the interface's (an Arabic name from Nafath in the English
 * form), so a screen reader reads it in its own voice. A small check here: the full one
 * (ui/data-text.ts) is not worth its bytes on the first screen.
 */
const nameLang = (name: string) => {
  const lang = /[\u0620-\u064A]/.test(name) ? 'ar' : /[A-Za-z]/.test(name) ? 'en' : undefined;
  return lang === getLocale() ? undefined : lang;
};

export function applicantSection(view: FormView) {
  const { catalog, readonlyId } = view;
  return html`
    <h3>${msg('بيانات مقدم الطلب')}</h3>
    ${choiceGroup({ ...view.field('applicantType'), options: view.options(catalog.applicantTypes) })}
    ${textField({ ...view.field('fullName'), autocomplete: 'name', dir: 'auto', lang: nameLang(view.values.fullName), hint: fullNameHint(view.values.idNumber) })}
    ${textField({
      ...view.field('idNumber'),
      readonly: readonlyId,
      inputmode: 'numeric',
      dir: 'ltr',
      hint: readonlyId ? msg('من النفاذ الوطني الموحد، لا يمكن تعديله') : msg('10 أرقام تبدأ بالرقم 1 أو 2'),
    })}
    ${textField({ ...view.field('mobile'), type: 'tel', inputmode: 'tel', autocomplete: 'tel-national', prefix: '966', dir: 'ltr', hint: msg('9 أرقام تبدأ بالرقم 5') })}
    ${textField({ ...view.field('email'), type: 'email', inputmode: 'email', autocomplete: 'email', dir: 'ltr' })}
    ${selectField({ ...view.field('governorate'), required: false, options: view.options(catalog.governorates), hint: msg('اختياري') })}
  `;
}
