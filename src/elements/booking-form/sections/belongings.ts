/**
 * The visitor's belongings (مرفقات الزائر, guide §1.12): "other belongings?" and which; and when
 * one is a vehicle (the catalog says which), the car at the gate: its plate, make and colour (#14).
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { declaresVehicle } from '../../../domain/booking.js';
import { choiceGroup, textField } from '../../../ui/fields.js';
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
    ${declaresVehicle(view.values, view.catalog) ? carSection(view) : nothing}
  `;
}

/** The car's plate as on the plate (Arabic or Latin letters, either digits), then its make and colour, optional. */
function carSection(view: FormView) {
  return html`
    ${textField({
      ...view.field('plate'),
      dir: 'auto',
      autocomplete: 'off',
      hint: msg('كما في اللوحة: 3 حروف ومن 1 إلى 4 أرقام، بالعربية أو الإنجليزية، مثل أ ب ح 1234 أو ABJ 1234'),
    })}
    ${textField({ ...view.field('plateMake'), required: false, dir: 'auto', hint: msg('اختياري، مثل تويوتا كامري') })}
    ${textField({ ...view.field('plateColour'), required: false, dir: 'auto', hint: msg('اختياري') })}
  `;
}
