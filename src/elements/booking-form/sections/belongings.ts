/** The visitor's belongings (مرفقات الزائر, guide §1.12): "other belongings?" and which. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { choiceGroup } from '../../../ui/fields.js';
import type { FormView } from './view.js';

export function belongingsSection(view: FormView) {
  return html`
    <h3>${msg('مرفقات الزائر')}</h3>
    ${choiceGroup({
      ...view.field('hasBelongings'),
      hint: msg('مثل سيارة خاصة، هاتف محمول، جهاز لوحي، كمبيوتر محمول'),
      options: [
        { id: 'no', label: msg('لا') },
        { id: 'yes', label: msg('نعم') },
      ],
    })}
    ${view.values.hasBelongings === 'yes' ? choiceGroup({ ...view.field('belongings'), options: view.options(view.catalog.belongings) }) : nothing}
  `;
}
