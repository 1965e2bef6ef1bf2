/**
 * Who is asking (#14): when the applicant type is a body (public or private sector), its name,
 * and the commercial registration number when the catalog asks for it. The authorisation letter
 * is with the attachments. Rendered right below the applicant, a frame after the first screen.
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { entityRulesFor } from '../../../domain/booking.js';
import { textField } from '../../../ui/fields.js';
import type { FormView } from './view.js';

export function entitySection(view: FormView) {
  const rules = entityRulesFor(view.catalog, view.values.applicantType);
  if (!rules) return nothing;
  return html`
    <h3>${msg('بيانات الجهة')}</h3>
    ${textField({ ...view.field('entityName'), dir: 'auto', autocomplete: 'organization', hint: msg('كما في السجلات الرسمية') })}
    ${rules.commercialRegistration
      ? textField({ ...view.field('commercialRegistration'), inputmode: 'numeric', dir: 'ltr', autocomplete: 'off', hint: msg('10 أرقام') })
      : nothing}
  `;
}
