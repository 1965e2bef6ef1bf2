import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { customElement } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { FileRules } from '../api/types.js';
import { ValidationError, toApiError } from '../api/errors.js';
import { formatBytes } from '../domain/file-type.js';
import { acceptAttribute, checkFile, sniffFileType, uploadFileName } from '../domain/file-check.js';
import { apiErrorMessage, errorMessage, type MessageContext } from '../i18n/messages.js';
import { baseStyles } from './styles.js';
import { controlStyles } from './control-styles.js';
import { DEFAULT_FILE_RULES, fileLimits, newAttachment, type Attachment, type Uploader } from './attachment.js';

/** A slot's count and total weight as the citizen reads them, when it takes several files (#14). */
export function slotLimits(rules: FileRules): Pick<MessageContext, 'maxFiles' | 'maxTotal'> {
  return { ...(rules.maxFiles ? { maxFiles: rules.maxFiles } : {}), ...(rules.maxTotalBytes ? { maxTotal: formatBytes(rules.maxTotalBytes) } : {}) };
}

/**
 * The attachment, for the owning form only: `emirate-file-change` is neither composed nor
 * bubbling, so it never leaves the owner's shadow tree (it holds the file and its name).
 */
export interface FileChangeDetail {
  value: Attachment | null;
}

/**
 * One attachment: choose a file, see it checked (type by content, size, a name that does not
 * claim another type) and uploaded with progress, then remove or replace it. The upload carries
 * the type found from the content and a name whose extension matches it (`scan` holding a PNG
 * goes as `scan.png`). Internal to the widget's forms.
 *
 * @internalElement
 * @fires emirate-file-change - `{ value }` whenever the attachment changes (picked, progress, ready, failed,
 *   removed). Internal: not composed and not bubbling, so only the owner's listener on this element hears it.
 * @csspart button - the choose / replace buttons.
 * @csspart progress - the upload progress bar.
 */
@customElement('emirate-file-field')
@localized()
export class FileField extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: block;
      }
      /*
       * One box in every state, with the same three lines (name, status, buttons), so choosing a
       * file and its upload never move what is below: the name keeps to one line, the status
       * line has its height whether it shows progress, "ready" or nothing.
       */
      .file {
        display: grid;
        gap: calc(var(--_space) / 2);
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space) calc(var(--_space) * 1.5);
        background: var(--_subtle);
      }
      .file-name {
        font-weight: 600;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        min-inline-size: 0;
      }
      .file-name.none {
        font-weight: normal;
        color: var(--_muted);
      }
      .status-line {
        display: flex;
        align-items: center;
        gap: var(--_space);
        block-size: 1.6em;
      }
      progress {
        flex: 1;
        accent-color: var(--_primary);
      }
      .status-ready {
        color: var(--_success);
        font-weight: 600;
      }
      .error:empty {
        display: none;
      }
    `,
  ];

  /** The visible label. */
  @property() label = '';
  @property({ type: Boolean }) required = false;
  /** The catalog's file rules. */
  @property({ attribute: false }) rules: FileRules = DEFAULT_FILE_RULES;
  /** Uploads a checked file; without one, a checked file is ready at once (it travels in FormData). */
  @property({ attribute: false }) uploader?: Uploader;
  @property({ attribute: false }) value: Attachment | null = null;
  /** A rule code from the owning form (e.g. `required`), shown when the field has no error of its own. */
  @property() error = '';
  /**
   * The owning form's path for this attachment (`subjectLetter`, `idCopy`,
   * `companions.<i>.idImage`), so its messages name it ("أرفق خطاب موضوع الزيارة"); generic without.
   */
  @property() field = '';

  private controller?: AbortController;

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.value;
    // A new or restored file is checked and uploaded once this render is done.
    if (changed.has('value') && value?.status === 'pending') void this.updateComplete.then(() => this.process(value));
  }

  private change(value: Attachment | null) {
    this.value = value;
    this.dispatchEvent(new CustomEvent<FileChangeDetail>('emirate-file-change', { detail: { value } }));
  }

  private onPick(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.change(newAttachment(file, file.name));
    // The file chooser may hand focus back to the page rather than to the button that opened it
    // (the hidden input it belongs to cannot hold focus): focus goes to the field's new state,
    // its "Replace" button, described by the file's name and status.
    void this.updateComplete.then(() => this.focus());
  }

  /** Checks the file, then uploads it; each step is reported with `emirate-file-change`. */
  private async process(attachment: Attachment) {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const current = () => this.value?.file === attachment.file && !controller.signal.aborted;
    this.change({ ...attachment, status: 'checking' });
    const rule = await checkFile(attachment.file, this.rules, attachment.name);
    if (!current()) return;
    if (rule) {
      this.change({ ...attachment, status: 'rejected', rule });
      return;
    }
    // Checked above: the content has an accepted type, and the name claims no other.
    const type = (await sniffFileType(attachment.file)) ?? attachment.type;
    const name = uploadFileName(attachment.name, type) ?? attachment.name;
    if (!current()) return;
    if (!this.uploader) {
      this.change({ ...attachment, name, type, status: 'ready', progress: 1 });
      return;
    }
    this.change({ ...attachment, name, type, status: 'uploading', progress: 0 });
    // Sent as what its content is, whatever type the browser or the file's maker declared.
    const sent = attachment.file.type === type ? attachment.file : new Blob([attachment.file], { type });
    try {
      const uploaded = await this.uploader(
        sent,
        name,
        (progress) => {
          if (current()) this.change({ ...this.value!, progress });
        },
        controller.signal,
        attachment.uploadKey,
      );
      if (current()) this.change({ ...attachment, name, type, status: 'ready', progress: 1, uploadId: uploaded.id });
    } catch (error) {
      if (!current()) return;
      const failure = toApiError(error);
      const rule = failure instanceof ValidationError ? failure.fieldErrors[0]?.code : undefined;
      if (rule === 'file-too-large' || rule === 'file-type' || rule === 'file-empty') {
        this.change({ ...attachment, name, type, status: 'rejected', rule });
      } else {
        this.change({ ...attachment, name, type, status: 'failed', failure });
      }
    }
  }

  private choose() {
    this.renderRoot.querySelector('input')?.click();
  }

  private removeFile() {
    this.controller?.abort();
    this.change(null);
    void this.updateComplete.then(() => this.focus());
  }

  private retry() {
    if (this.value) this.change({ ...this.value, status: 'pending', failure: undefined });
  }

  /** The accepted types and the size limit (and a slot's count and total), as the citizen reads them. */
  private get limits() {
    return { ...fileLimits(this.rules), ...slotLimits(this.rules) };
  }

  private get message(): string {
    const v = this.value;
    const context = { ...this.limits, field: this.field };
    if (v?.status === 'rejected' && v.rule) return errorMessage(v.rule, context);
    if (v?.status === 'failed') {
      const failed = errorMessage('upload-failed', context);
      // Trying again alone does not help after the session ended or while the server is busy: say what does.
      return v.failure?.kind === 'unauthorized' || v.failure?.kind === 'rate-limited' ? `${failed}. ${apiErrorMessage(v.failure, { kept: true })}` : failed;
    }
    // The owner's error shows while the field has no file, or beside a ready one (its slot's files weigh too much together).
    return this.error && (!v || v.status === 'ready') ? errorMessage(this.error, context) : '';
  }

  /**
   * What the live regions say, both always in the page so nothing is missed (WCAG 4.1.3): the
   * status (checking, uploading, ready) politely, with the field and the file; a refusal or a
   * failed upload as an alert. The owner's own errors (e.g. "required") are not announced here:
   * the error summary says them.
   */
  private announcements(v: Attachment | null): { status: string; alert: string } {
    const status = this.statusText(v);
    const failed = v?.status === 'rejected' || v?.status === 'failed';
    return {
      status: v && status ? msg(str`${this.label} (${v.name}): ${status}`) : '',
      alert: failed ? this.message : '',
    };
  }

  /** What the status line says of the attachment. */
  private statusText(v: Attachment | null): string {
    switch (v?.status) {
      case 'pending':
      case 'checking':
        return msg('جارٍ فحص الملف…');
      case 'uploading':
        return msg('جارٍ رفع الملف…');
      case 'ready':
        return msg('جاهز');
      default:
        return '';
    }
  }

  override render() {
    const v = this.value;
    const message = this.message;
    const live = this.announcements(v);
    const { max, types } = this.limits;
    const describedBy = ['hint', message ? 'error' : '', 'file'].filter(Boolean).join(' ');
    const busy = v?.status === 'uploading' || v?.status === 'checking' || v?.status === 'pending';
    // The choose/replace button is the same element in every state, so focus stays on it
    // after a file is chosen (the chooser returns focus to it).
    return html`
      <div class="field" role="group" aria-labelledby="label">
        <span id="label" class="label"><strong>${this.label}</strong>${this.required ? html` <span class="req" aria-hidden="true">*</span><span class="visually-hidden">(${msg('مطلوب')})</span>` : nothing}</span>
        <span id="hint" class="hint">${msg(str`الأنواع المقبولة: ${types}، بحد أقصى ${max}`)}</span>
        <input type="file" hidden accept=${acceptAttribute(this.rules)} @change=${this.onPick} />
        <div class="file" id="file">
          ${v
            ? html`<span class="file-name"><bdi>${v.name}</bdi> <span class="hint">(${formatBytes(v.size)})</span></span>`
            : html`<span class="file-name none">${msg('لم يتم اختيار ملف')}</span>`}
          <div class="status-line">
            <span class=${v?.status === 'ready' ? 'status-ready' : 'hint'}>${this.statusText(v)}</span>
            ${busy && v ? html`<progress part="progress" max="1" .value=${v.progress} aria-label=${msg(str`رفع ${v.name}`)}></progress>` : nothing}
          </div>
          <div class="actions">
            <button
              type="button"
              class="secondary choose"
              part="button"
              aria-describedby=${describedBy}
              aria-invalid=${message ? 'true' : 'false'}
              @click=${this.choose}
            >
              ${v ? msg('استبدال') : msg('اختيار ملف')}<span class="visually-hidden">: ${this.label}</span>
            </button>
            ${v?.status === 'failed'
              ? html`<button type="button" part="button" aria-describedby=${describedBy} @click=${this.retry}>${msg('إعادة المحاولة')}</button>`
              : nothing}
            ${v
              ? html`<button type="button" class="secondary" part="button" @click=${this.removeFile}>
                  ${msg('حذف')}<span class="visually-hidden">: ${this.label}</span>
                </button>`
              : nothing}
          </div>
        </div>
        <span id="error" class="error">${message}</span>
        <span class="visually-hidden live-status" role="status">${live.status}</span>
        <span class="visually-hidden live-alert" role="alert">${live.alert}</span>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-file-field': FileField;
  }
}
