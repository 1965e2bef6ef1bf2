/** The appointment's attachments (مرفقات الموعد, guide §1.12): the visit subject letter and the ID copy. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { UploadPurpose } from '../../../api/types.js';
import { fieldLabel } from '../../../i18n/field-labels.js';
import type { FileChangeDetail } from '../../../ui/file-field.js';
import type { FormView } from './view.js';

export function attachmentsSection(view: FormView) {
  return html`
    <h3>${msg('مرفقات الموعد')}</h3>
    ${fileField(view, 'subjectLetter', 'subject-letter')} ${fileField(view, 'idCopy', 'id-copy')}
  `;
}

function fileField(view: FormView, slot: 'subjectLetter' | 'idCopy', purpose: UploadPurpose) {
  const server = view.serverErrors.get(slot);
  return html`
    <emirate-file-field
      id=${slot}
      exportparts="button: file-button, progress: file-progress"
      .field=${slot}
      .label=${fieldLabel(slot)}
      required
      .rules=${view.catalog.files}
      .uploader=${view.uploader(purpose)}
      .value=${view.files[slot] ?? null}
      .error=${view.showErrors ? (view.errors.get(slot) ?? '') : ''}
      @emirate-file-change=${(e: CustomEvent<FileChangeDetail>) => view.setFile(slot, e.detail.value)}
    ></emirate-file-field>
    ${server ? html`<p class="error">${server}</p>` : nothing}
  `;
}
