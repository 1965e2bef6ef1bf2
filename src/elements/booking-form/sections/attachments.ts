/** The appointment's attachments (مرفقات الموعد, guide §1.12): the visit subject letter and the ID copy. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { entityRulesFor } from '../../../domain/booking.js';
import type { UploadPurpose } from '../../../api/types.js';
import { fieldLabel } from '../../../i18n/field-labels.js';
import type { FileChangeDetail } from '../../../ui/file-field.js';
import type { AttachmentSlot } from '../../../domain/booking.js';
import type { FormView } from './view.js';

export function attachmentsSection(view: FormView) {
  /** The body's authorisation letter, as the applicant type's rules ask (#14). */
  const letter = entityRulesFor(view.catalog, view.values.applicantType)?.authorisationLetter;
  return html`
    <h3>${msg('مرفقات الموعد')}</h3>
    ${fileField(view, 'subjectLetter', 'subject-letter')} ${fileField(view, 'idCopy', 'id-copy')}
    ${letter ? fileField(view, 'authorisationLetter', 'authorisation-letter', letter === 'required') : nothing}
  `;
}

function fileField(view: FormView, slot: AttachmentSlot, purpose: UploadPurpose, required = true) {
  const server = view.serverErrors.get(slot);
  return html`
    <emirate-file-field
      id=${slot}
      exportparts="button: file-button, progress: file-progress"
      .field=${slot}
      .label=${fieldLabel(slot)}
      ?required=${required}
      .rules=${view.catalog.files}
      .uploader=${view.uploader(purpose)}
      .value=${view.files[slot] ?? null}
      .error=${view.showErrors ? (view.errors.get(slot) ?? '') : ''}
      @emirate-file-change=${(e: CustomEvent<FileChangeDetail>) => view.setFile(slot, e.detail.value)}
    ></emirate-file-field>
    ${server ? html`<p class="error">${server}</p>` : nothing}
  `;
}
