import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { EmirateAdapter, FileRules, Message } from '../../api/types.js';
import { ServerError, type ApiError, toApiError } from '../../api/errors.js';
import { normalizeText, validateText } from '../../domain/text.js';
import { randomId } from '../../api/random-id.js';
import { DraftController, type DraftScope } from '../../drafts/draft-controller.js';
import { apiErrorMessage, characterCount, charactersLeft, errorMessage } from '../../i18n/messages.js';
import { textLength } from '../../domain/text.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import { textField } from '../../ui/fields.js';
import { draftLimitNotice } from '../../ui/draft-notice.js';
import { DEFAULT_FILE_RULES, isReady, newAttachment, type Attachment, type Uploader } from '../../ui/attachment.js';
import type { FileChangeDetail } from '../../ui/file-field.js';
import '../../ui/file-field.js';

/** What the reply draft keeps besides files. */
interface ReplyDraft {
  text: string;
  slots: string[];
  submissionKey?: string;
}

/** The reply the backend stored, for `<emirate-inbox>` only (`emirate-reply-sent` stays in its shadow tree). */
export interface ReplySentDetail {
  message: Message;
}

/**
 * What `<emirate-inbox>` tells the page after a reply was sent: which request and message, and
 * how many documents went with it. Never the reply's text or the documents' names.
 */
export interface MessageSentDetail {
  requestNumber: string;
  /** The message's id, as the backend gave it. */
  messageId: string;
  /** How many documents the reply carried. */
  attachmentCount: number;
}

const MAX_FILES = 5;
const MAX_TEXT = 2000;

/**
 * Answering staff on one request: text and the documents they asked for (guide §2.8–2.9).
 * The reply is kept as a draft while typed; a failed send keeps the text and files and can be
 * retried without sending twice. Internal to `<emirate-inbox>`.
 *
 * @internalElement
 * @fires emirate-reply-sent - `{ message }` once the backend has the reply. Internal: not composed and not
 *   bubbling, so only `<emirate-inbox>` hears it (it tells the page with `emirate-message-sent`).
 */
@customElement('emirate-reply-form')
@localized()
export class ReplyForm extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    css`
      h3 {
        margin-block: 0 var(--_space);
      }
    `,
  ];

  @property({ attribute: false }) adapter?: EmirateAdapter;
  @property({ attribute: false }) requestNumber = '';
  @property({ attribute: false }) rules: FileRules = DEFAULT_FILE_RULES;
  /** Whose draft this is, and its secret; no scope (or `enabled: false`) keeps no draft. */
  @property({ attribute: false, hasChanged: (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b) })
  draftScope?: DraftScope;

  @state() private text = '';
  @state() private files: Array<{ slot: string; value: Attachment | null }> = [{ slot: randomId(), value: null }];
  @state() private showErrors = false;
  @state() private sending = false;
  @state() private failure?: ApiError;
  @state() private sent = '';

  private submissionKey?: string;
  /** The citizen has changed something since the draft was loaded. */
  private dirty = false;
  private readonly drafts = new DraftController<ReplyDraft>(this, { form: 'reply' });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('requestNumber') || changed.has('draftScope')) && this.requestNumber) void this.restore();
  }

  private async restore() {
    const scope = this.draftScope;
    const draft = scope
      ? await this.drafts.start({ ...scope, user: `${scope.user}/${this.requestNumber}` })
      : null;
    // Typing that began while the draft was loading wins over the older draft.
    if (!draft || this.dirty) return;
    this.text = draft.values.text;
    this.submissionKey = draft.values.submissionKey;
    const slots = draft.values.slots.length ? draft.values.slots : [randomId()];
    this.files = slots.map((slot) => {
      const stored = draft.files[slot];
      return { slot, value: stored ? newAttachment(stored.blob, stored.name) : null };
    });
  }

  private save() {
    this.dirty = true;
    this.drafts.queue({ text: this.text, slots: this.files.map((f) => f.slot), submissionKey: this.submissionKey });
  }

  private setFile(slot: string, value: Attachment | null) {
    const previous = this.files.find((f) => f.slot === slot)?.value;
    this.files = this.files.map((f) => (f.slot === slot ? { slot, value } : f));
    if (previous?.file !== value?.file) {
      void this.drafts.saveFile(slot, value ? { blob: value.file, name: value.name, type: value.type } : null);
      this.save();
    }
  }

  private addFile() {
    this.files = [...this.files, { slot: randomId(), value: null }];
    this.save();
  }

  private get uploader(): Uploader {
    return (file, name, onProgress, signal, idempotencyKey) =>
      this.adapter
        ? this.adapter.uploadFile(file, name, 'reply', { onProgress, signal, idempotencyKey })
        : Promise.reject(new ServerError(0, 'No backend'));
  }

  /** The rule the reply breaks, if any: it needs text or a document, and text within the limit. */
  private get error(): string {
    const hasFile = this.files.some((f) => isReady(f.value));
    const textRule = validateText(this.text, { maxLength: MAX_TEXT });
    if (textRule === 'too-long') return errorMessage(textRule, { field: 'reply', max: MAX_TEXT });
    if (textRule === 'required' && !hasFile) return msg('اكتب ردك أو أرفق مستندًا');
    if (this.files.some((f) => f.value && !isReady(f.value))) return msg('انتظر حتى يكتمل رفع المرفقات أو احذف ما لم يُرفع');
    return '';
  }

  private async send(event: Event) {
    event.preventDefault();
    this.showErrors = true;
    // Pressed again while sending (the button stays focusable, `aria-disabled`): nothing to do.
    if (this.sending) return;
    this.sent = '';
    if (this.error || !this.adapter) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reply')?.focus();
      return;
    }
    this.submissionKey ??= randomId();
    this.save();
    this.sending = true;
    this.failure = undefined;
    try {
      const message = await this.adapter.sendMessage(
        this.requestNumber,
        { text: normalizeText(this.text).trim(), attachments: this.files.flatMap((f) => (f.value?.uploadId ? [f.value.uploadId] : [])) },
        { idempotencyKey: this.submissionKey },
      );
      await this.drafts.discard();
      this.submissionKey = undefined;
      this.text = '';
      this.files = [{ slot: randomId(), value: null }];
      this.showErrors = false;
      this.sent = msg('تم إرسال ردك.');
      this.dispatchEvent(new CustomEvent<ReplySentDetail>('emirate-reply-sent', { detail: { message } }));
      // The form is empty again: focus goes to what says it was sent, so it is read and found.
      this.sending = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.sent')?.focus();
    } catch (error) {
      this.failure = toApiError(error);
      await this.drafts.flush();
      // The session ended: the sealed draft stays for the next sign-in, its key does not.
      if (this.failure.kind === 'unauthorized') await this.drafts.sessionEnded();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.send-error')?.focus();
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const error = this.showErrors ? this.error : '';
    return html`
      <form novalidate @submit=${this.send} aria-labelledby="reply-title">
        <h3 id="reply-title">${msg('الرد على الموظف ورفع المستندات')}</h3>
        ${draftLimitNotice(this.drafts)}
        ${textField({
          id: 'reply',
          label: msg('نص الرد'),
          multiline: true,
          dir: 'auto',
          value: this.text,
          hint: msg(str`حتى ${characterCount(MAX_TEXT)}`),
          error,
          onInput: (text) => {
            this.text = text;
            this.save();
          },
        })}
        <span class="visually-hidden reply-left" role="status">${charactersLeft(textLength(this.text), MAX_TEXT)}</span>
        ${repeat(
          this.files,
          (f) => f.slot,
          (f, i) => html`<emirate-file-field
            exportparts="button: file-button, progress: file-progress"
            .label=${msg(str`مستند ${i + 1}`)}
            .rules=${this.rules}
            .uploader=${this.uploader}
            .value=${f.value}
            @emirate-file-change=${(e: CustomEvent<FileChangeDetail>) => this.setFile(f.slot, e.detail.value)}
          ></emirate-file-field>`,
        )}
        ${this.files.length < MAX_FILES
          ? html`<p><button type="button" class="secondary" @click=${this.addFile}>+ ${msg('إرفاق مستند آخر')}</button></p>`
          : nothing}
        ${this.failure
          ? html`<div class="notice error send-error" role="alert" tabindex="-1">${apiErrorMessage(this.failure, { kept: true })}</div>`
          : nothing}
        <button type="submit" aria-disabled=${this.sending ? 'true' : 'false'} aria-describedby="reply-status">
          ${this.failure ? msg('إعادة الإرسال') : msg('إرسال الرد')}
        </button>
        <p id="reply-status" class="sent" role="status" tabindex="-1">${this.sending ? msg('جارٍ إرسال الرد…') : this.sent}</p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-reply-form': ReplyForm;
  }
}
