/** The declaration (الإقرار, guide §1.15) and "continue to review". */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { checkboxField } from '../../../ui/fields.js';
import type { FormView } from './view.js';

export function declarationSection(view: FormView) {
  return html`
    <h3>${msg('الإقرار')}</h3>
    ${checkboxField({
      id: 'declaration',
      label: msg('أقر وأتعهد بصحة البيانات المقدمة وفي حال عدم صحتها سوف تتم إحالتي لجهة الاختصاص لتطبيق النظام بحقي.'),
      required: true,
      checked: view.values.declaration,
      error: view.errorFor('declaration'),
      onChange: (checked) => view.set('declaration', checked),
    })}
    <div class="actions">
      <button type="submit" part="submit">${msg('متابعة لمراجعة الطلب')}</button>
    </div>
  `;
}
