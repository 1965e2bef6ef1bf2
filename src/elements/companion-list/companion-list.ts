import { html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { FileRules } from '../../api/types.js';
import { validateCompanions, companionSlot, type CompanionValues, type FieldErrors } from '../../domain/booking.js';
import type { MessageContext } from '../../i18n/messages.js';
import { companionCount } from '../../i18n/counts.js';
import { fullNameHint } from '../../i18n/field-labels.js';
import { NAME_MAX_LENGTH, normalizeName } from '../../domain/name.js';
import { normalizeSaudiId } from '../../domain/saudi-id.js';
import { randomId } from '../../api/random-id.js';
import { EmirateElement } from '../../ui/emirate-element.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import { PointerSettleController, keepUnderPointer } from '../../ui/pointer-settle.js';
import { textField } from '../../ui/fields.js';
import { DEFAULT_FILE_RULES, attachmentCheck, fileLimits, type Attachment, type Uploader } from '../../ui/attachment.js';
import type { FileChangeDetail } from '../../ui/file-field.js';

/**
 * `<emirate-file-field>` (with its file checks) is fetched once the list has painted, or with the
 * first companion if that comes first: a list with none, the first screen of every page that
 * has one, does not carry it.
 */
let fileField: Promise<unknown> | undefined;
let fileFieldReady = false;
const loadFileField = () => (fileField ??= import('../../ui/file-field.js').then(() => (fileFieldReady = true)));

/** The wording of the companions' errors (i18n/messages.ts), fetched with the first companion too. */
let words: typeof import('../../i18n/messages.js') | undefined;
let wordsLoading: Promise<unknown> | undefined;
const loadWords = () => (wordsLoading ??= import('../../i18n/messages.js').then((m) => (words = m)));

/** One companion with their ID image. */
export interface CompanionEntry extends CompanionValues {
  idImage: Attachment | null;
}

/**
 * What `emirate-companions-change` tells any listener: how many companions there are and whether
 * they are all complete and valid. Never their names, ID numbers or images: the companions
 * themselves are read from the list's `value` (or from the host form's `FormData`).
 */
export interface CompanionsChangeDetail {
  /** Companions in the list, complete or not. */
  count: number;
  /** Every companion is complete and valid, within `max` (what the list's validity says). */
  valid: boolean;
}

const newKey = randomId;

/**
 * The repeating companions group (مرافقين, guide §1.13): each companion's full name (four parts for
 * a citizen, as on the Iqama for a resident), ID number and ID image; "+ Add companion" adds
 * another, up to `max`.
 *
 * Form-associated: inside a plain `<form>` its companions reach `FormData` as
 * `<name>[i][fullName]`, `<name>[i][idNumber]`, `<name>[i][idImage]` (a File), and while a
 * companion is incomplete or invalid the form will not submit.
 *
 * @fires emirate-companions-change - `{ count, valid }` after every edit, add or remove. It carries no
 *   personal data: read the companions from `value` (or the host form's `FormData`).
 * @csspart add-button - the "+ Add companion" button.
 * @csspart companion - each companion's fieldset.
 * @csspart file-button - the choose, replace and remove buttons of each ID image.
 * @csspart file-progress - the upload progress bar of each ID image.
 * @cssprop --emirate-color-primary - brand colour of the buttons and focus accents.
 * @cssprop --emirate-color-on-primary - text colour on primary-coloured buttons.
 * @cssprop --emirate-color-text - body text colour.
 * @cssprop --emirate-color-muted - colour of hints and secondary text.
 * @cssprop --emirate-color-border - border colour of fields and boxes.
 * @cssprop --emirate-color-surface - background of fields and secondary buttons.
 * @cssprop --emirate-color-subtle - background of notices.
 * @cssprop --emirate-color-error - colour of error messages.
 * @cssprop --emirate-color-success - colour of success messages.
 * @cssprop --emirate-color-focus - focus outline colour.
 * @cssprop --emirate-radius - corner radius of fields and buttons.
 * @cssprop --emirate-space - the spacing unit.
 * @cssprop [--emirate-font-family=inherit] - the font: the host page's when it sets one, else IBM Plex Sans Arabic, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, system-ui, sans-serif (no font files are shipped).
 */
@customElement('emirate-companion-list')
@localized()
export class CompanionList extends EmirateElement {
  static formAssociated = true;

  static override styles = [
    baseStyles,
    controlStyles,
    css`
      .companion {
        /* Twenty companions off screen are not laid out or painted until scrolled to. */
        content-visibility: auto;
        contain-intrinsic-size: auto 18rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        margin: 0 0 calc(var(--_space) * 2);
        min-inline-size: 0;
      }
      .companion:last-of-type {
        /* The one just added, beside "+ Add companion", is laid out at once. WebKit (Safari)
           otherwise gives a new auto companion its 18rem placeholder until the next frame, so
           the button jumped by the difference for a frame and a quick second tap missed it. */
        content-visibility: visible;
      }
      .companion legend {
        padding-inline: var(--_space);
      }
      .title {
        font-weight: 700;
        font-size: 1.1em;
        margin-block: 0 var(--_space);
      }
      .empty {
        color: var(--_muted);
      }
    `,
  ];

  /** The name under which companions are submitted with a host form. */
  @property({ reflect: true }) name = 'companions';

  /** Most companions allowed (the booking form passes the catalog's limit). */
  @property({ type: Number }) max = 5;

  /** The applicant's ID number: no companion may have it. */
  @property({ attribute: 'applicant-id' }) applicantId = '';

  /** File rules for the ID images. */
  @property({ attribute: false }) rules?: FileRules;

  /** Uploads ID images as they are chosen; without it, files travel in the host form's FormData. */
  @property({ attribute: false }) uploader?: Uploader;

  /** Errors from outside (e.g. the server's), by path `companions.<i>.<field>`, already translated. */
  @property({ attribute: false }) externalErrors: Map<string, string> = new Map();

  /** Show every rule error now (set by the owning form after a submit attempt). */
  @property({ type: Boolean, attribute: 'show-errors' }) showErrors = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Hide the "Companions" title visually (it still names the group), when the page gives its own heading. */
  @property({ type: Boolean, attribute: 'hide-title' }) hideTitle = false;

  @state() private entries: CompanionEntry[] = [];
  @state() private touched = new Set<string>();
  private readonly pointer = new PointerSettleController(this);
  @state() private announcement = '';

  private readonly internals = this.attachInternals();

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.showErrors = true;
    });
  }

  /**
   * The companions, with their ID images. Read it when `emirate-companions-change` says they
   * changed; set it to put companions in (e.g. a restored draft).
   */
  get value(): CompanionEntry[] {
    return this.entries;
  }
  set value(value: CompanionEntry[]) {
    // Lit sets object-valued bindings on every render of the host, and a host hands back what
    // the list just reported: the same companions again change nothing (and cost no render).
    const same =
      value.length === this.entries.length &&
      value.every((e, i) => {
        const mine = this.entries[i]!;
        return e.key === mine.key && e.fullName === mine.fullName && e.idNumber === mine.idNumber && (e.idImage ?? null) === (mine.idImage ?? null);
      });
    if (!same) this.entries = value.map((e) => ({ ...e, key: e.key || newKey() }));
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Every rule error of the list, by path `companions.<i>.<field>`. */
  validate(): FieldErrors {
    return new Map(this.errors());
  }

  /** The last validation and what it was of (see {@link errors}). */
  private checked?: { of: readonly unknown[]; errors: FieldErrors };

  /**
   * {@link validate}'s errors, made once per change of the companions (a keystroke asks for them
   * three times: for the change event, the render, and the form's validity). Not to be changed.
   */
  private errors(): FieldErrors {
    const of = [this.entries, this.applicantId, this.max];
    if (this.checked && sameAll(this.checked.of, of)) return this.checked.errors;
    const errors = validateCompanions(this.entries, this.applicantId, (slot) =>
      attachmentCheck(this.entries.find((e) => companionSlot(e.key) === slot)?.idImage),
    );
    if (this.entries.length > this.max) errors.set('companions', 'companions-max');
    this.checked = { of, errors };
    return errors;
  }

  /**
   * Moves focus to the control of `companions.<i>.<field>` (used by error summaries); `companions`
   * alone (the review's "Change") focuses the first companion's name, or "+ Add companion" when there is none.
   */
  async focusField(path: string): Promise<void> {
    const [, index = '0', field] = path.split('.');
    const entry = this.entries[Number(index)];
    await this.updateComplete;
    const target = entry
      ? (this.renderRoot.querySelector<HTMLElement>(`#${this.controlId(entry.key, field ?? 'fullName')}`))
      : this.renderRoot.querySelector<HTMLElement>('.add');
    target?.focus();
  }

  formResetCallback(): void {
    this.entries = [];
    this.touched = new Set();
    this.showErrors = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // After the first paint: a companion added then shows its fields at once, and nothing it
    // renders grows when their code arrives (a quick second tap on "+ Add companion" stays on it).
    requestAnimationFrame(() => setTimeout(() => void Promise.all([loadFileField(), loadWords()])));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.entries.length > 0) {
      void loadFileField();
      // Until the wording is here (a moment after the first companion), errors wait for it.
      if (!words) void loadWords().then(() => this.requestUpdate());
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncForm();
  }

  /** Resolves once rendered, with the companions' file fields defined (see {@link loadFileField}). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.entries.length === 0 || (fileFieldReady && words)) return done;
    await Promise.all([loadFileField(), loadWords()]);
    return super.getUpdateComplete();
  }

  /** What the host form was last told (see {@link syncForm}). */
  private synced: readonly unknown[] = [];

  /**
   * Gives the host form the companions and their validity, when either can have changed: not
   * when the list re-renders for a field left, an announcement or the shown errors.
   */
  private syncForm() {
    const state = [this.entries, this.name, this.applicantId, this.max, this.rules, this.locale, words];
    if (sameAll(this.synced, state)) return;
    this.synced = state;
    const data = new FormData();
    this.entries.forEach((e, i) => {
      // Sent as the booking form sends them: digits in ASCII, no invisible or bidi characters, no folder in file names.
      data.append(`${this.name}[${i}][fullName]`, normalizeName(e.fullName));
      data.append(`${this.name}[${i}][idNumber]`, normalizeSaudiId(e.idNumber));
      if (e.idImage) {
        const { file: blob, name, type } = e.idImage;
        const file = blob instanceof File && blob.name === name ? blob : new File([blob], name, { type });
        data.append(`${this.name}[${i}][idImage]`, file);
      }
    });
    this.internals.setFormValue(data);
    const [first] = this.errors();
    if (!first) {
      this.internals.setValidity({});
      return;
    }
    const [path, code] = first;
    const [, index, field] = path.split('.');
    const entry = this.entries[Number(index)];
    const anchor = entry ? this.renderRoot.querySelector<HTMLElement>(`#${this.controlId(entry.key, field ?? '')}`) : null;
    const message = words?.errorMessage(code, this.messageContext(path)) ?? msg('أكمل بيانات المرافقين وصحّحها.');
    this.internals.setValidity({ customError: true }, message, anchor ?? undefined);
  }

  private commit(entries: CompanionEntry[]) {
    this.entries = entries;
    this.emit<CompanionsChangeDetail>('emirate-companions-change', { count: entries.length, valid: this.errors().size === 0 });
  }

  private edit(key: string, patch: Partial<CompanionEntry>) {
    this.commit(this.entries.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  }

  /**
   * "+ Add companion". Pressed with a pointer, the button stays under it: the page scrolls by
   * what the new companion pushed it down, so quick taps add one companion each (and focus goes
   * to the new name without scrolling). From the keyboard, focus goes to the new name.
   */
  private async add(event?: MouseEvent) {
    if (this.entries.length >= this.max) return;
    const button = event?.currentTarget instanceof HTMLElement ? event.currentTarget : undefined;
    const byPointer = Boolean(button && event!.detail > 0);
    const before = byPointer ? button!.getBoundingClientRect().top : 0;
    const entry: CompanionEntry = { key: newKey(), fullName: '', idNumber: '', idImage: null };
    this.commit([...this.entries, entry]);
    this.announcement = msg(str`تمت إضافة المرافق ${this.entries.length}`);
    await this.updateComplete;
    const name = this.renderRoot.querySelector<HTMLElement>(`#${this.controlId(entry.key, 'fullName')}`);
    if (byPointer && button!.isConnected) {
      // After the correction, which lays the new companion out: WebKit (Safari) forgets
      // preventScroll for a field focused before it has a layout, and scrolls to it a frame later.
      keepUnderPointer(button!, before);
      name?.focus({ preventScroll: true });
    } else {
      name?.focus();
    }
  }

  private async removeCompanion(key: string) {
    const index = this.entries.findIndex((e) => e.key === key);
    this.commit(this.entries.filter((e) => e.key !== key));
    this.announcement = msg(str`تم حذف المرافق ${index + 1}`);
    await this.updateComplete;
    const next = this.entries[Math.min(index, this.entries.length - 1)];
    const target = next
      ? this.renderRoot.querySelector<HTMLElement>(`#${this.controlId(next.key, 'fullName')}`)
      : this.renderRoot.querySelector<HTMLElement>('.add');
    target?.focus();
  }

  /** A left field shows its errors, once the pointer that left it has clicked (see {@link PointerSettleController}). */
  private touch(key: string, field: string) {
    this.pointer.whenSettled(() => (this.touched = new Set(this.touched).add(`${key}.${field}`)));
  }

  private controlId(key: string, field: string) {
    return `c-${key}-${field}`;
  }

  /** What a message about `path` (`companions`, `companions.<i>.<field>`) needs: the path and its limit. */
  private messageContext(path: string): MessageContext {
    if (path === 'companions') return { field: path, max: this.max };
    if (path.endsWith('.fullName')) return { field: path, max: NAME_MAX_LENGTH };
    if (path.endsWith('.idImage')) return { field: path, ...fileLimits(this.rules ?? DEFAULT_FILE_RULES) };
    return { field: path };
  }

  private errorFor(errors: FieldErrors, index: number, key: string, field: string): string {
    const path = `companions.${index}.${field}`;
    const external = this.externalErrors.get(path);
    if (external) return external;
    const code = errors.get(path);
    if (!code || !(this.showErrors || this.touched.has(`${key}.${field}`))) return '';
    return words?.errorMessage(code, this.messageContext(path)) ?? '';
  }

  override render() {
    const errors = this.errors();
    const atMax = this.entries.length >= this.max;
    return html`
      <div class="list" role="group" aria-labelledby="companions-title">
        <p class=${this.hideTitle ? 'visually-hidden' : 'title'} id="companions-title">${msg('المرافقون')}</p>
        ${this.hideTitle ? nothing : html`<p class="hint required-note">${msg('الحقول المشار إليها بعلامة * مطلوبة، وما سواها اختياري.')}</p>`}
        ${this.entries.length === 0 ? html`<p class="empty">${msg('لا يوجد مرافقون.')}</p>` : nothing}
        ${repeat(this.entries, (e) => e.key, (e, i) => this.renderCompanion(e, i, errors))}
        ${atMax
          ? html`<p class="hint" id="max-note">${msg(str`وصلت إلى الحد الأعلى للمرافقين (${this.max}).`)}</p>`
          : html`<button type="button" class="add secondary" part="add-button" ?disabled=${this.disabled} @click=${this.add}>
              + ${msg('إضافة مرافق')}
            </button>
            <p class="hint">${msg(str`يمكنك إضافة حتى ${companionCount(this.max)}.`)}</p>`}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  private renderCompanion(e: CompanionEntry, i: number, errors: FieldErrors) {
    const n = i + 1;
    return html`
      <fieldset class="companion" part="companion">
        <legend>${msg(str`المرافق ${n}`)}</legend>
        ${textField({
          id: this.controlId(e.key, 'fullName'),
          label: msg('الاسم الرباعي'),
          required: true,
          value: e.fullName,
          autocomplete: 'off',
          hint: fullNameHint(e.idNumber),
          error: this.errorFor(errors, i, e.key, 'fullName'),
          onInput: (fullName) => (this.typed(), this.edit(e.key, { fullName })),
          onBlur: () => this.touch(e.key, 'fullName'),
        })}
        ${textField({
          id: this.controlId(e.key, 'idNumber'),
          label: msg('رقم الهوية'),
          required: true,
          value: e.idNumber,
          inputmode: 'numeric',
          autocomplete: 'off',
          dir: 'ltr',
          hint: msg('10 أرقام تبدأ بالرقم 1 أو 2'),
          error: this.errorFor(errors, i, e.key, 'idNumber'),
          onInput: (idNumber) => (this.typed(), this.edit(e.key, { idNumber })),
          onBlur: () => this.touch(e.key, 'idNumber'),
        })}
        <emirate-file-field
          id=${this.controlId(e.key, 'idImage')}
          exportparts="button: file-button, progress: file-progress"
          .field=${`companions.${i}.idImage`}
          .label=${msg('صورة الهوية')}
          required
          .rules=${this.rules ?? DEFAULT_FILE_RULES}
          .uploader=${this.uploader}
          .value=${e.idImage}
          .error=${this.showErrors ? (errors.get(`companions.${i}.idImage`) ?? '') : ''}
          @emirate-file-change=${(ev: CustomEvent<FileChangeDetail>) => this.edit(e.key, { idImage: ev.detail.value })}
        ></emirate-file-field>
        ${this.externalErrors.get(`companions.${i}.idImage`)
          ? html`<p class="error">${this.externalErrors.get(`companions.${i}.idImage`)}</p>`
          : nothing}
        <button type="button" class="secondary remove" ?disabled=${this.disabled} @click=${() => this.removeCompanion(e.key)}>
          ${msg(str`حذف المرافق ${n}`)}
        </button>
      </fieldset>
    `;
  }
}

/** The same values, one by one (`===`). */
const sameAll = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

declare global {
  interface HTMLElementTagNameMap {
    'emirate-companion-list': CompanionList;
  }
}
