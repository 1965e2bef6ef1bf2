/**
 * The appointment's attachments (مرفقات الموعد, guide §1.12): the visit subject letter and the ID
 * copy, and a body's authorisation letter. A slot the catalog lets take several files (#14, the
 * guide's "اختيار ملفات") shows one field per file and "Attach another file" until its count.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { entityRulesFor } from '../../../domain/booking.js';
import type { Catalog, FileRules, UploadPurpose } from '../../../api/types.js';
import type { MessageContext } from '../../../i18n/messages.js';
import { fieldLabel } from '../../../i18n/field-labels.js';
import { slotLimits, type FileChangeDetail } from '../../../ui/file-field.js';
import { fileLimits } from '../../../ui/attachment.js';
import { laterRules } from '../../../domain/booking-later.js';
import type { AttachmentSlot } from '../../../domain/booking.js';
import type { FormView } from './view.js';
import { loadedWords } from '../lazy.js';

export function attachmentsSection(view: FormView) {
  /** The body's authorisation letter, as the applicant type's rules ask (#14). */
  const letter = entityRulesFor(view.catalog, view.values.applicantType)?.authorisationLetter;
  return html`
    <h3>${msg('مرفقات الموعد')}</h3>
    ${fileSlot(view, 'subjectLetter', 'subject-letter')} ${fileSlot(view, 'idCopy', 'id-copy')}
    ${letter ? fileSlot(view, 'authorisationLetter', 'authorisation-letter', letter === 'required') : nothing}
  `;
}

/** A slot's fields: its first file (required or not), then one per later file, then "Attach another file". */
function fileSlot(view: FormView, slot: AttachmentSlot, purpose: UploadPurpose, required = true) {
  const { slotRules, slotKeys, slotMaxFiles } = laterRules;
  const rules = slotRules(view.catalog, slot);
  const max = slotMaxFiles(view.catalog, slot);
  const keys = slotKeys(slot, view.values.moreFiles[slot]);
  const label = fieldLabel(slot);
  const fields = keys.map((key, place) => fileField(view, key, place ? msg(str`${label} (الملف ${place + 1})`) : label, purpose, rules, place === 0 && required));
  if (max === 1 && keys.length === 1) return fields;
  const { maxFiles = max, maxTotal } = slotLimits(rules);
  const count = loadedWords()?.fileCount(maxFiles) ?? String(maxFiles);
  // Another place once the last one holds a file, up to the slot's count. The button's row keeps
  // its room while it is not offered, so choosing a file moves nothing below (#9's steady layout).
  const more = keys.length < max && view.files[keys[keys.length - 1]!];
  return html`
    ${fields}
    <p class="hint slot-limits" id="${slot}-limits">
      ${maxTotal ? msg(str`يمكنك إرفاق حتى ${count} هنا، مجموع أحجامها ${maxTotal} بحد أقصى.`) : msg(str`يمكنك إرفاق حتى ${count} هنا.`)}
    </p>
    <p class=${more ? 'add-file-row' : 'add-file-row unoffered'}>
      <button type="button" class="secondary add-file" part="file-button" aria-describedby="${slot}-limits" @click=${() => view.addFile(slot)}>
        + ${msg('إرفاق ملف آخر')}<span class="visually-hidden">: ${label}</span>
      </button>
    </p>
  `;
}

/**
 * What a message about an attachment needs (`subjectLetter`, `subjectLetter.1`,
 * `companions.0.idImage`): its slot's accepted types, size, count and total; `undefined` for other fields.
 */
export function fileMessageContext(catalog: Catalog, field: string): MessageContext | undefined {
  const slot = laterRules.parseSlotKey(field)?.slot;
  if (slot) {
    const rules = laterRules.slotRules(catalog, slot);
    return { ...fileLimits(rules), ...slotLimits(rules) };
  }
  return field.endsWith('.idImage') ? fileLimits(catalog.files) : undefined;
}

function fileField(view: FormView, key: string, label: string, purpose: UploadPurpose, rules: FileRules, required: boolean) {
  const server = view.serverErrors.get(key);
  return html`
    <emirate-file-field
      id=${key}
      exportparts="button: file-button, progress: file-progress"
      .field=${key}
      .label=${label}
      ?required=${required}
      .rules=${rules}
      .uploader=${view.uploader(purpose)}
      .value=${view.files[key] ?? null}
      .error=${view.showErrors ? (view.errors.get(key) ?? '') : ''}
      @emirate-file-change=${(e: CustomEvent<FileChangeDetail>) => view.setFile(key, e.detail.value)}
    ></emirate-file-field>
    ${server ? html`<p class="error">${server}</p>` : nothing}
  `;
}
