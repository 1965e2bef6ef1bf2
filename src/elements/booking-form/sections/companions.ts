/** The companions (المرافقون, guide §1.13): the companion list, with the form's files and errors. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { CompanionList } from '../../companion-list/companion-list.js';
import type { FormView } from './view.js';

export function companionsSection(view: FormView) {
  const { catalog } = view;
  const error = view.errorFor('companions');
  return html`
    <h3>${msg('المرافقون')}</h3>
    <emirate-companion-list
      hide-title
      exportparts="add-button, companion, file-button, file-progress"
      .max=${catalog.companions.max}
      .applicantId=${view.values.idNumber}
      .rules=${catalog.files}
      .uploader=${view.uploader('companion-id')}
      .value=${view.companionValue()}
      .showErrors=${view.showErrors}
      .externalErrors=${view.serverErrors}
      @emirate-companions-change=${(e: Event) => view.onCompanions((e.currentTarget as CompanionList).value)}
    ></emirate-companion-list>
    ${error ? html`<p class="error">${error}</p>` : nothing}
  `;
}
