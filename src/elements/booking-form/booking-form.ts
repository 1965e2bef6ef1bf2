import { adoptStyles, html, isServer, nothing, render, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../ui/define.js';
import { localized, msg } from '@lit/localize';
import type { Catalog, CatalogOption, Session, SubmitResult, UploadPurpose } from '../../api/types.js';
import { type ApiError, ValidationError, toApiError } from '../../api/errors.js';
import {
  companionSlot,
  destinationsFor,
  emptyBooking,
  ENTITY_NAME_MAX_LENGTH,
  PLATE_DETAIL_MAX_LENGTH,
  toBookingRequest,
  validateBooking,
  type AttachmentSlot,
  type BookingValues,
  type FieldErrors,
} from '../../domain/booking.js';
import { NAME_MAX_LENGTH, nameHolder } from '../../domain/name.js';
import { EMAIL_MAX_LENGTH } from '../../domain/email.js';
import { randomId } from '../../api/random-id.js';
import { DraftController, draftScopeOf } from '../../drafts/draft-controller.js';
import type { MessageContext } from '../../i18n/messages.js';
import { fallbackLang, localText } from '../../i18n/localization.js';
import { EmirateElement } from '../../ui/emirate-element.js';
import { misconfigured, unavailableNotice } from '../../ui/misconfiguration.js';
import { baseStyles } from '../../ui/styles.js';
import type { Choice } from '../../ui/fields.js';
import { attachmentCheck, newAttachment, type Attachment, type Uploader } from '../../ui/attachment.js';
import type { FileField } from '../../ui/file-field.js';
import type { CompanionEntry, CompanionList } from '../companion-list/companion-list.js';
import { bookingFormStyles } from './booking-form.styles.js';
import { fieldLabel } from '../../i18n/field-labels.js';
import type { RequestRecord } from '../../ui/summary.js';
import { PointerSettleController } from '../../ui/pointer-settle.js';
import { Pause } from '../../ui/pause.js';
import type { ErrorSummaryDetail, ErrorSummaryEvent } from '../../ui/view-events.js';
import { loadDetails, loadedDetails, loadedSections, loadedWords, loadRequestSent, loadRest, loadSections, loadWords } from './lazy.js';
import type { FieldName, FieldProps, FormView } from './sections/view.js';
import { applicantSection } from './sections/applicant.js';

/** What the draft keeps besides files: the typed values and the submission's idempotency key. */
interface BookingDraft {
  values: BookingValues;
  submissionKey?: string;
}

type Stage = 'loading' | 'unavailable' | 'signed-out' | 'form' | 'review' | 'done';

/** What follows from typing in a field shows this long after the last keystroke (see quietValues). */
const TYPING_PAUSE_MS = 250;

export interface RequestSubmittedDetail {
  requestNumber: string;
}
export interface ShowRequestsDetail {
  /** The request just sent. */
  requestNumber: string;
}
export interface DraftEventDetail {
  savedAt: number;
}
export type { SignInRequiredDetail } from '../../ui/emirate-element.js';

/**
 * The appointment request form (طلب تحديد الموعد, guide §1.9–1.16): the applicant, the visit,
 * attachments, belongings, companions and the declaration; then "check your answers", then the
 * request number. Prefilled from the Nafath session; the typing is kept as a draft.
 *
 * @fires emirate-request-submitted - `{ requestNumber }` once the backend has accepted the request.
 * @fires emirate-show-requests - `{ requestNumber }` when the citizen asks for "My requests" from the
 *   confirmation and no `requests-url` is set; cancel it once you have shown them.
 * @fires emirate-draft-saved - `{ savedAt }` after the draft was written.
 * @fires emirate-draft-restored - `{ savedAt }` when a saved draft was put back into the form.
 * @fires emirate-sign-in-required - `{ returnUrl, signInUrl }` when the citizen must sign in with Nafath;
 *   cancel it (`preventDefault()`) to handle sign-in yourself instead of going to `login-url`.
 * @csspart form - the form element.
 * @csspart submit - the main action buttons (continue, send).
 * @csspart file-button - the choose, replace and remove buttons of every attachment, the companions' too.
 * @csspart file-progress - the upload progress bar of every attachment.
 * @csspart add-button - the companions' "+ Add companion" button.
 * @csspart companion - each companion's fieldset.
 * @cssprop --emirate-color-primary - brand colour of headings, buttons and focus accents.
 * @cssprop --emirate-color-on-primary - text colour on primary-coloured buttons.
 * @cssprop --emirate-color-text - body text colour.
 * @cssprop --emirate-color-muted - colour of hints and secondary text.
 * @cssprop --emirate-color-border - border colour of fields and boxes.
 * @cssprop --emirate-color-surface - background of fields and secondary buttons.
 * @cssprop --emirate-color-subtle - background of notices.
 * @cssprop --emirate-color-error - colour of error messages and the error summary.
 * @cssprop --emirate-color-success - colour of success messages.
 * @cssprop --emirate-color-focus - focus outline colour.
 * @cssprop --emirate-radius - corner radius of fields and buttons.
 * @cssprop --emirate-space - the spacing unit.
 * @cssprop [--emirate-font-family=inherit] - the font: the host page's when it sets one, else IBM Plex Sans Arabic, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, system-ui, sans-serif (no font files are shipped).
 */
@customElement('emirate-booking-form')
@localized()
export class BookingForm extends EmirateElement {
  static override adapterMethods = ['getSession', 'getCatalog', 'uploadFile', 'submitRequest'] as const;

  static override styles = [baseStyles, bookingFormStyles];

  /** Keep no draft on this device (shared kiosks). */
  @property({ type: Boolean, attribute: 'no-drafts' }) noDrafts = false;

  /**
   * The portal's "My requests" page, linked from the confirmation. Without it, the
   * confirmation's "My requests" button fires `emirate-show-requests` for the host to handle.
   * An http(s) or relative address; anything else is ignored with a console warning.
   */
  @property({ attribute: 'requests-url' }) requestsUrl = '';

  /**
   * The session and catalog when the page already has them (e.g. a server that renders the
   * form): the first screen shows at once instead of "Loading", and a server renders it too.
   * The adapter is not asked for them; drafts, uploads and sending still go through it.
   */
  @property({ attribute: false }) preload?: { session: Session | null; catalog: Catalog };

  @state() private stage: Stage = 'loading';
  /**
   * The form renders its first screen (the applicant) first and the rest a frame later, so a
   * slow phone shows fields to fill sooner; {@link getUpdateComplete} waits for both.
   */
  @state() private renderedAll = false;
  private renderingRest?: Promise<void>;
  @state() private catalog?: Catalog;
  @state() private session?: Session;
  @state() private values: BookingValues = emptyBooking();
  /** Attachments by slot: `subjectLetter`, `idCopy`, `companion:<key>`. */
  @state() private files: Record<string, Attachment | null> = {};
  @state() private touched = new Set<string>();
  private readonly pointer = new PointerSettleController(this);
  /** "Discard draft" was pressed: the form asks before deleting what was typed. */
  @state() private confirmingDiscard = false;
  @state() private showErrors = false;
  /** Translated messages from the server's 422, by field path; cleared when the field changes. */
  @state() private serverErrors = new Map<string, string>();
  @state() private failure?: ApiError;
  @state() private sending = false;
  @state() private result?: SubmitResult;
  @state() private restoredAt?: number;
  /** The error summary shows (told to the shell, see {@link ErrorSummaryEvent}). */
  private summaryShown = false;
  /** Shown by {@link renderDraftStatus} alone: a save must not re-render the whole form. */
  private savedAt?: number;
  /** What {@link renderDraftStatus} last rendered, and where. */
  private draftStatus?: { element: Element; text: string | typeof nothing };

  private submissionKey?: string;
  private loadController?: AbortController;
  /** Fields the citizen changed since the form showed; they win over the draft being read. */
  private edited = new Set<string>();
  /** The saved draft has been read (or there was none): saving may begin. */
  private draftLoaded?: boolean;
  private restoring?: Promise<void>;

  private readonly drafts = new DraftController<BookingDraft>(this, {
    form: 'booking',
    allowed: () => !this.noDrafts,
    onSaved: (savedAt) => {
      this.savedAt = savedAt;
      this.renderDraftStatus();
      this.emit<DraftEventDetail>('emirate-draft-saved', { savedAt });
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The first render, and any later change of backend, (re)loads the session and catalog.
    if (changed.has('apiBase') || changed.has('adapter') || changed.has('preload')) void this.load();
    if (changed.has('requestsUrl')) this.webAddress('requests-url', this.requestsUrl);
  }

  /**
   * Loads the session and the catalog (or takes them from `preload`, in the same task), then
   * the draft; safe to call again (retry). On a server it fetches nothing and keeps no draft.
   */
  async load(): Promise<void> {
    const preload = this.preload;
    if (isServer && !preload) return;
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    const api = this.api;
    this.stage = 'loading';
    this.failure = undefined;
    if (!api && !preload) {
      await loadWords();
      // A page may give the backend or `preload` while the wording loads: that load wins.
      if (controller.signal.aborted) return;
      this.stage = 'unavailable';
      return;
    }
    try {
      const [session, catalog] = preload
        ? [preload.session, preload.catalog]
        : await Promise.all([api!.getSession({ signal: controller.signal }), api!.getCatalog({ signal: controller.signal })]);
      if (controller.signal.aborted) return;
      this.catalog = catalog;
      // The draft secret goes to the drafts once (start below), and is not kept here.
      this.session = session ? { ...session, draftSecret: undefined } : undefined;
      if (!session) {
        // Whoever was signed in here is signed out: their drafts go with them.
        void this.drafts.signedOut(this.portal);
        this.stage = 'signed-out';
        return;
      }
      // The form shows at once; the saved draft fills it in when it has been read.
      this.values = this.withSession(emptyBooking(), session, false);
      this.files = {};
      this.submissionKey = undefined;
      this.edited = new Set();
      this.draftLoaded = false;
      this.stage = 'form';
      if (isServer) return;
      this.restoring = this.restoreDraft(session, controller.signal);
      await this.restoring;
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = toApiError(error);
      await loadWords();
      if (controller.signal.aborted) return;
      // The session ended (or a gateway sent the call to its sign-in page): offer sign-in again.
      this.failure = failure.kind === 'unauthorized' ? undefined : failure;
      this.stage = failure.kind === 'unauthorized' ? 'signed-out' : 'unavailable';
    }
  }

  /**
   * Puts the saved draft back. What the citizen changed while it was being read wins, field by
   * field and file by file; nothing is saved until then, so the draft is read before it is
   * written over.
   */
  private async restoreDraft(session: Session, signal: AbortSignal) {
    try {
      const draft = await this.drafts.start(draftScopeOf(this.portal, session, !this.noDrafts));
      if (!draft || signal.aborted) return;
      const saved = this.withSession({ ...emptyBooking(), ...draft.values.values }, session, true);
      const values: Record<string, unknown> = { ...saved };
      for (const field of this.edited) values[field] = this.values[field as keyof BookingValues];
      this.values = values as unknown as BookingValues;
      this.submissionKey ??= draft.values.submissionKey;
      const files = { ...this.files };
      for (const [slot, stored] of Object.entries(draft.files)) {
        if (!(slot in files)) files[slot] = newAttachment(stored.blob, stored.name);
      }
      this.files = files;
      this.restoredAt = draft.savedAt;
      this.emit<DraftEventDetail>('emirate-draft-restored', { savedAt: draft.savedAt });
    } finally {
      if (!signal.aborted) {
        this.draftLoaded = true;
        if (this.edited.size > 0) this.saveDraft();
      }
    }
  }

  /** Which backend the drafts belong to. */
  private get portal(): string {
    return this.apiBase || 'adapter';
  }

  /** Prefills from Nafath: the ID number always comes from the session; the rest only where empty. */
  private withSession(values: BookingValues, session: Session, fromDraft: boolean): BookingValues {
    const { user } = session;
    return {
      ...values,
      idNumber: user.idNumber,
      fullName: fromDraft && values.fullName ? values.fullName : user.name,
      mobile: fromDraft && values.mobile ? values.mobile : (user.mobile ?? values.mobile),
      email: fromDraft && values.email ? values.email : (user.email ?? values.email),
    };
  }

  // ---- intents -------------------------------------------------------------------------

  private set<K extends keyof BookingValues>(field: K, value: BookingValues[K]) {
    const next = { ...this.values, [field]: value };
    if (field === 'appointmentType') {
      const destinations = this.catalog ? destinationsFor(this.catalog, value as string) : [];
      next.destination = destinations.length === 1 ? destinations[0]!.id : destinations.some((d) => d.id === next.destination) ? next.destination : '';
    }
    if (field === 'hasBelongings' && value === 'no') next.belongings = [];
    this.values = next;
    this.edited.add(field);
    this.clearServerError(field);
    this.saveDraft();
  }

  /** A left field shows its errors, once the pointer that left it has clicked (see {@link PointerSettleController}). */
  private touch(field: string) {
    if (this.touched.has(field)) return;
    this.pointer.whenSettled(() => (this.touched = new Set(this.touched).add(field)));
  }

  private clearServerError(prefix: string) {
    if (![...this.serverErrors.keys()].some((k) => k === prefix || k.startsWith(`${prefix}.`))) return;
    this.serverErrors = new Map([...this.serverErrors].filter(([k]) => k !== prefix && !k.startsWith(`${prefix}.`)));
  }

  private saveDraft() {
    if (!this.draftLoaded) return; // saved once the draft has been read (restoreDraft)
    this.drafts.queue({ values: this.values, submissionKey: this.submissionKey });
  }

  private setFile(slot: string, value: Attachment | null) {
    const previous = this.files[slot];
    this.files = { ...this.files, [slot]: value };
    this.clearServerError(slot);
    if (previous?.file !== value?.file) {
      void this.drafts.saveFile(slot, value ? { blob: value.file, name: value.name, type: value.type } : null);
      this.saveDraft();
    }
  }

  /** "Attach another file" in a slot that takes several (#14): a new place after its last, which takes focus. */
  private async addFile(slot: AttachmentSlot) {
    const place = (this.values.moreFiles[slot] ?? 0) + 1;
    this.set('moreFiles', { ...this.values.moreFiles, [slot]: place });
    await this.updateComplete;
    await this.focusField(`${slot}.${place}`);
  }

  private onCompanions(entries: CompanionEntry[]) {
    // An edit in a companion (a keystroke, mostly) re-renders the form with the next frame; adding
    // or removing one at once, so nothing moves under a pointer about to tap "+ Add companion" again.
    if (entries.length === this.values.companions.length) this.typed();
    // The files change only when an ID image does (or a companion goes): a keystroke leaves them
    // as they were, and with them every file field and the companion list's value.
    let files = this.files;
    const change = () => (files === this.files ? (files = { ...files }) : files);
    const keys = new Set(entries.map((e) => companionSlot(e.key)));
    for (const slot of Object.keys(files)) {
      if (slot.startsWith('companion:') && !keys.has(slot)) {
        delete change()[slot];
        void this.drafts.saveFile(slot, null);
      }
    }
    for (const entry of entries) {
      const slot = companionSlot(entry.key);
      if (files[slot] === entry.idImage) continue;
      if (files[slot]?.file !== entry.idImage?.file) {
        void this.drafts.saveFile(slot, entry.idImage ? { blob: entry.idImage.file, name: entry.idImage.name, type: entry.idImage.type } : null);
      }
      change()[slot] = entry.idImage;
    }
    const typing = entries.length === this.values.companions.length && files === this.files && !this.showErrors;
    this.files = files;
    this.values = { ...this.values, companions: entries.map(({ key, fullName, idNumber }) => ({ key, fullName, idNumber })) };
    // What was typed shows in the list: nothing of it waits for a pause here (see showTyped).
    this.quietValues = typing ? (this.shownValues = this.values) : undefined;
    this.edited.add('companions');
    this.clearServerError('companions');
    this.saveDraft();
  }

  /** One uploader per purpose for the element's life: a new function would re-render its file fields on every keystroke. */
  private readonly uploaders = new Map<UploadPurpose, Uploader>();
  private uploader(purpose: UploadPurpose): Uploader {
    let uploader = this.uploaders.get(purpose);
    if (!uploader) {
      uploader = (file, name, onProgress, signal, idempotencyKey) => {
        const api = this.api;
        if (!api) return Promise.reject(toApiError('No backend configured'));
        return api.uploadFile(file, name, purpose, { onProgress, signal, idempotencyKey });
      };
      this.uploaders.set(purpose, uploader);
    }
    return uploader;
  }

  /** The companion list's value, the same array until the companions or the files change (see {@link uploader}). */
  private companionEntries?: { companions: BookingValues['companions']; files: Record<string, Attachment | null>; entries: CompanionEntry[] };
  private companionValue(): CompanionEntry[] {
    const { companions } = this.values;
    const files = this.files;
    if (this.companionEntries?.companions !== companions || this.companionEntries.files !== files) {
      this.companionEntries = { companions, files, entries: companions.map((c) => ({ ...c, idImage: files[companionSlot(c.key)] ?? null })) };
    }
    return this.companionEntries.entries;
  }

  /** "Start again": asks first, with the question focused, since the draft cannot come back. */
  private async askDiscard() {
    this.confirmingDiscard = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#discard-question')?.focus();
  }

  private async keepDraft() {
    this.confirmingDiscard = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.discard')?.focus();
  }

  private async discardDraft() {
    this.confirmingDiscard = false;
    await this.drafts.discard();
    this.restoredAt = undefined;
    this.savedAt = undefined;
    this.submissionKey = undefined;
    await this.startOver();
  }

  /** An empty form (prefilled from the session again), focused at its title. */
  private startOver() {
    this.result = undefined;
    this.files = {};
    this.touched = new Set();
    this.showErrors = false;
    this.serverErrors = new Map();
    if (this.session) this.values = this.withSession(emptyBooking(), this.session, false);
    return this.goTo('form', 'h2');
  }

  private get errors(): FieldErrors {
    if (!this.catalog) return new Map();
    return validateBooking(this.values, this.catalog, (slot) => attachmentCheck(this.files[slot]), {
      sessionName: this.session?.user.name,
      later: loadedSections()?.laterRules,
      sizeOf: (key) => this.files[key]?.size,
    });
  }

  /** "Continue": shows every error in a summary that takes focus, or moves to the review. */
  private async continueToReview(event: Event) {
    event.preventDefault();
    this.showErrors = true;
    if (this.errors.size > 0 || this.serverErrors.size > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.submissionKey ??= randomId();
    this.saveDraft();
    void loadRequestSent(); // the confirmation's code, fetched while the citizen reviews
    await Promise.all([loadDetails(), loadSections()]);
    this.styleRest();
    await this.goTo('review', 'h2');
  }

  /**
   * The look of what is below the first screen (the notices, "Attach another file", the review)
   * comes with the sections: added to the element's own once, before they render.
   */
  private restStyled?: boolean;
  private styleRest() {
    if (this.restStyled || !this.shadowRoot) return;
    this.restStyled = true;
    adoptStyles(this.shadowRoot, [...(this.constructor as typeof BookingForm).elementStyles, ...loadedSections()!.restStyles]);
  }

  private async change(field: string) {
    await this.goTo('form');
    await this.focusField(field);
  }

  private async goTo(stage: Stage, focusSelector?: string) {
    this.stage = stage;
    await this.updateComplete;
    if (focusSelector) this.renderRoot.querySelector<HTMLElement>(focusSelector)?.focus();
  }

  private async focusField(path: string) {
    await this.updateComplete;
    if (path.startsWith('companions')) {
      const list = this.renderRoot.querySelector<CompanionList>('emirate-companion-list');
      await list?.focusField(path);
      return;
    }
    this.renderRoot.querySelector<HTMLElement | FileField>(`#${CSS.escape(path)}`)?.focus();
  }

  /** Sends the request with the draft's idempotency key, so a retry never makes a second request. */
  private async send() {
    const api = this.api;
    if (!api || this.sending) return;
    this.submissionKey ??= randomId();
    const refs = Object.fromEntries(Object.entries(this.files).map(([slot, a]) => [slot, a?.uploadId]));
    this.sending = true;
    this.failure = undefined;
    try {
      const result = await api.submitRequest(toBookingRequest(this.values, refs, this.locale, this.catalog!, loadedSections()!.laterRules), {
        idempotencyKey: this.submissionKey,
      });
      this.result = result;
      this.submissionKey = undefined;
      await this.drafts.discard();
      this.restoredAt = undefined;
      this.emit<RequestSubmittedDetail>('emirate-request-submitted', { requestNumber: result.requestNumber });
      await loadRequestSent();
      await this.goTo('done', 'emirate-request-sent');
    } catch (error) {
      const failure = toApiError(error);
      await Promise.all([this.drafts.flush(), loadWords()]);
      // The session ended: the sealed draft stays for the next sign-in, its key does not.
      if (failure.kind === 'unauthorized') await this.drafts.sessionEnded();
      if (failure instanceof ValidationError) {
        // Always the widget's own words: a known code's message, or the generic one for a code
        // it does not know (the server's text is never shown; it may be in another language, or anything).
        const { errorMessage } = await loadWords();
        // The contract's `entity.name`… are the form's `entityName`… (domain/booking-later.ts).
        const path = loadedSections()!.laterRules.formPath;
        this.serverErrors = new Map(failure.fieldErrors.map((e) => [path(e.field), errorMessage(e.code, this.messageContext(path(e.field)))]));
        this.showErrors = true;
        await this.goTo('form', '.error-summary');
      } else {
        this.failure = failure;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.send-error')?.focus();
      }
    } finally {
      this.sending = false;
    }
  }

  /** Sends the citizen to Nafath sign-in (or lets the host do it), keeping the draft. */
  private async signIn() {
    await this.drafts.flush();
    this.requestSignIn();
  }

  private limitFor(field: string): number | undefined {
    if (field === 'subject') return this.catalog?.subject.maxLength;
    if (field === 'fullName') return NAME_MAX_LENGTH;
    if (field === 'email') return EMAIL_MAX_LENGTH;
    if (field === 'companions') return this.catalog?.companions.max;
    if (field === 'plateMake' || field === 'plateColour') return PLATE_DETAIL_MAX_LENGTH;
    if (field === 'entityName') return ENTITY_NAME_MAX_LENGTH;
    return undefined;
  }

  /** What a message about `field` needs: the field, its limit, whose name it is, the file rules for attachments. */
  private messageContext(field: string): MessageContext {
    const context: MessageContext = { field, max: this.limitFor(field.endsWith('.fullName') ? 'fullName' : field), holder: nameHolder(this.values.idNumber) };
    const files = this.catalog && loadedSections()?.fileMessageContext(this.catalog, field);
    return files ? { ...context, ...files } : context;
  }

  /** The message to show beside `field` (and in the error summary), or empty. */
  private errorFor(field: string, errors: FieldErrors): string {
    const server = this.serverErrors.get(field);
    if (server) return server;
    const code = errors.get(field);
    if (!code || !(this.showErrors || this.touched.has(field))) return '';
    // Until the wording is here (a field left within the first moments), the message waits for it.
    const words = loadedWords();
    if (!words) {
      void loadWords().then(() => this.requestUpdate());
      return '';
    }
    return words.errorMessage(code, this.messageContext(field));
  }

  // ---- views -----------------------------------------------------------------------------

  /**
   * Hydrating a server's first screen (README "Server rendering"): Lit keeps the server's
   * controls, and what the citizen typed or chose in them before the code came is taken as if
   * typed now (it wins over the draft and is saved), before the hydration sets the controls'
   * values: they stay as they are, and so do focus and caret.
   */
  protected override update(changed: PropertyValues<this>): void {
    this.shownValues = this.values;
    if (!this.hasUpdated) {
      for (const c of this.renderRoot.querySelectorAll<HTMLInputElement>('input,select,textarea')) {
        const field = c.name as keyof BookingValues;
        if (!c.readOnly && c.type !== 'checkbox' && (c.type !== 'radio' || c.checked) && c.value !== this.values[field]) this.set(field, c.value as never);
      }
    }
    super.update(changed);
  }

  /**
   * Values that differ from the last rendered only in what was typed in one field whose error does
   * not show, or in a companion's fields (see {@link onCompanions}): the field (or the companion
   * list) shows that itself, so such a keystroke does not render the whole form (issue #16: most of
   * a keystroke's time on a slow phone, once per frame of typing). What follows from a field's
   * value elsewhere (the subject's count, a name's language, the applicant's ID for the companions)
   * is rendered at the next pause in typing, or at once for whoever awaits `updateComplete`.
   */
  private quietValues?: BookingValues;
  /** The values last rendered. */
  private shownValues?: BookingValues;
  private readonly pause = new Pause(() => this.showTyped());
  private showTyped() {
    if (this.values === this.shownValues) return;
    this.quietValues = undefined;
    this.requestUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const quiet = this.hasUpdated && changed.size === 1 && changed.has('values' as keyof BookingForm) && this.values === this.quietValues;
    this.quietValues = undefined;
    return !quiet && super.shouldUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.renderDraftStatus();
    const summary = Boolean(this.renderRoot.querySelector('.error-summary'));
    if (summary !== this.summaryShown) {
      this.summaryShown = summary;
      this.dispatchEvent(new CustomEvent<ErrorSummaryDetail>('emirate-error-summary' satisfies ErrorSummaryEvent, { detail: { shown: summary } }));
    }
    if (this.stage === 'form' && !this.renderedAll) this.renderingRest ??= this.renderRestSoon();
    if (this.stage === 'form' && this.renderedAll) this.skipPartsOffScreen();
  }

  /**
   * Once every part of the form has been laid out in full (a frame after it was rendered: the
   * browser then knows each part's real size), the parts off screen are skipped by the browser
   * (`.parted .part`, content-visibility): typing near the top no longer lays out and paints the
   * whole form. Not before: a part first shown skipped would take a guessed size and move what is
   * below it when first scrolled to. The class is the form element's own (not rendered by Lit);
   * a form rendered again (back from the review) gets it again a frame later.
   */
  private partsPending?: boolean;
  private skipPartsOffScreen() {
    const form = this.renderRoot.querySelector('form');
    if (!form || this.partsPending || form.classList.contains('parted')) return;
    this.partsPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.partsPending = false;
        if (form.isConnected && this.renderedAll) form.classList.add('parted');
      }),
    );
  }

  /**
   * After the first screen is painted (or at most 100 ms later, e.g. in a hidden tab), the rest's
   * code is asked for (lazy.ts); it renders once that is loaded.
   */
  private renderRestSoon(): Promise<void> {
    const painted = new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 100);
      requestAnimationFrame(() => setTimeout(() => (clearTimeout(timeout), resolve())));
    });
    return painted.then(loadRest).then(() => {
      this.styleRest();
      this.renderedAll = true;
    });
  }

  /** Resolves once the whole form is rendered, not only its first screen, with its draft. */
  protected override async getUpdateComplete(): Promise<boolean> {
    this.pause.cancel();
    this.showTyped();
    let done = await super.getUpdateComplete();
    // Bounded: a restore cut short by a new load() never sets draftLoaded; the new one will.
    for (let round = 0; round < 3 && ((this.restoring && !this.draftLoaded && this.stage === 'form') || (this.renderingRest && !this.renderedAll)); round++) {
      await Promise.all([this.restoring, this.renderingRest]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /**
   * "Draft saved at …", rendered into its own paragraph: a save happens after every pause in
   * typing, and re-rendering the whole form for it would cost a phone a frame each time.
   */
  private renderDraftStatus() {
    // The line is among the sections below the first screen, which bring its wording.
    const rest = loadedSections();
    if (!rest) return;
    const text = this.savedAt && !this.drafts.offReason ? rest.draftSavedText(this.savedAt, this.locale) : nothing;
    // Most saves in a minute say what the line says already (it shows no seconds): nothing to do.
    if (this.draftStatus?.text === text && this.draftStatus.element.isConnected) return;
    const status = this.renderRoot.querySelector<HTMLElement>('.draft-status');
    if (!status) return;
    this.draftStatus = { element: status, text };
    render(text, status);
    // Said once, at the first save: later saves (after each pause in typing) only update the line.
    const live = this.renderRoot.querySelector('.draft-live');
    if (live && (text === nothing || !live.textContent)) live.textContent = text === nothing ? '' : text;
  }

  override render() {
    switch (this.stage) {
      case 'loading':
        return html`<p role="status">${msg('جارٍ التحميل…')}</p>`;
      case 'unavailable':
        return this.renderUnavailable();
      case 'signed-out':
        return this.renderSignIn();
      case 'review':
        return this.renderReview();
      case 'done':
        return this.renderDone();
      default:
        return this.renderForm();
    }
  }

  /** A failed load, with a retry; or, with no usable backend (told on the console), "unavailable". */
  private renderUnavailable() {
    return this.failure && loadedWords()
      ? html`<div class="notice error" role="alert">
          <p>${loadedWords()!.apiErrorMessage(this.failure)}</p>
          <button type="button" @click=${() => this.load()}>${msg('إعادة المحاولة')}</button>
        </div>`
      : unavailableNotice();
  }

  private renderSignIn() {
    return html`
      <section aria-labelledby="title">
        <h2 id="title" tabindex="-1">${msg('طلب تحديد الموعد')}</h2>
        <p>${msg('لاستخدام الخدمة يتوجب عليك الدخول من خلال النفاذ الوطني الموحد.')}</p>
        <button type="button" part="submit" @click=${this.signIn}>${msg('تسجيل الدخول عبر النفاذ الوطني الموحد')}</button>
        ${this.signInProblem()}
      </section>
    `;
  }

  /** What the sections read and call (see sections/view.ts), built for each render. */
  private view(errors: FieldErrors): FormView {
    return {
      catalog: this.catalog!,
      values: this.values,
      errors,
      showErrors: this.showErrors,
      serverErrors: this.serverErrors,
      files: this.files,
      readonlyId: Boolean(this.session?.user.idNumber),
      field: (name) => this.field(name, errors),
      options: (list) => this.options(list),
      errorFor: (path) => this.errorFor(path, errors),
      set: (field, value) => this.set(field, value),
      uploader: (purpose) => this.uploader(purpose),
      setFile: (slot, value) => this.setFile(slot, value),
      addFile: (slot) => void this.addFile(slot),
      companionValue: () => this.companionValue(),
      onCompanions: (entries) => this.onCompanions(entries),
    };
  }

  /** The error summary's messages: the server's, and every rule's once "continue" was pressed. */
  private summaryMessages(errors: FieldErrors): Map<string, string> {
    const messages = new Map<string, string>();
    for (const [field] of this.serverErrors) messages.set(field, this.errorFor(field, errors));
    if (this.showErrors) for (const [field] of errors) messages.set(field, this.errorFor(field, errors));
    return messages;
  }

  /** A catalog list as choices in the current language, made once per list and language. */
  private readonly choices = new WeakMap<CatalogOption[], { locale: string; choices: Choice[] }>();
  private options(list: CatalogOption[]): Choice[] {
    const cached = this.choices.get(list);
    if (cached?.locale === this.locale) return cached.choices;
    const choices = list.map((o) => ({ id: o.id, label: localText(o.label), lang: fallbackLang(o.label) }));
    this.choices.set(list, { locale: this.locale, choices });
    return choices;
  }

  /** What every field of the form shares: id, label, value, error, and the intents. Required unless told. */
  private field<K extends FieldName>(name: K, errors: FieldErrors): FieldProps<K> {
    const onChange = (value: string | string[]) => this.set(name, value as BookingValues[K]);
    return {
      id: name,
      label: fieldLabel(name),
      required: true,
      value: this.values[name],
      error: this.errorFor(name, errors),
      onInput: (value) => {
        this.typed();
        onChange(value);
        // No error of this field shows: nothing else the form shows follows a keystroke at once.
        if (!this.showErrors && !this.touched.has(name)) {
          this.quietValues = this.values;
          this.pause.poke(TYPING_PAUSE_MS);
        }
      },
      onChange,
      onBlur: () => this.touch(name),
    };
  }

  /** The form, section by section as the guide has it; below the applicant, a frame later. */
  private renderForm() {
    const errors = this.errors;
    const view = this.view(errors);
    const words = loadedWords();
    const rest = loadedSections();
    return html`
      <form part="form" novalidate @submit=${this.continueToReview}>
        <h2 tabindex="-1">${msg('طلب تحديد الموعد')}</h2>
        <p class="intro">${msg('يرجى تعبئة الطلب بعناية وإرفاق جميع المرفقات المطلوبة لضمان تقديم الخدمة بأفضل طريقة.')}</p>
        <p class="hint required-note">${msg('الحقول المشار إليها بعلامة * مطلوبة، وما سواها اختياري.')}</p>
        ${rest?.draftNotices({
          drafts: this.drafts,
          locale: this.locale,
          restoredAt: this.restoredAt,
          confirmingDiscard: this.confirmingDiscard,
          askDiscard: () => this.askDiscard(),
          keepDraft: () => this.keepDraft(),
          discardDraft: () => this.discardDraft(),
        })}
        ${rest?.errorSummary(this.summaryMessages(errors), (path) => void this.focusField(path))}
        ${applicantSection(view)}
        ${this.renderedAll && words && rest
          ? html`${rest.entitySection(view)}
              <div class="part">${rest.visitSection(view, words)} ${rest.preferenceSection(view)}</div>
              <div class="part">${rest.attachmentsSection(view)}</div>
              <div class="part">${rest.belongingsSection(view)}</div>
              ${rest.companionsSection(view)}
              ${rest.declarationSection(view)}
              <p class="draft-status"></p>
              <p class="visually-hidden draft-live" role="status"></p>`
          : nothing}
      </form>
    `;
  }

  private renderReview() {
    const { request, names } = this.answers();
    return loadedSections()!.reviewSection({
      rows: loadedDetails()!.requestRows(request, this.catalog!, names),
      readonlyId: Boolean(this.session?.user.idNumber),
      sending: this.sending,
      failure: this.failure,
      failureMessage: (failure) => loadedWords()?.apiErrorMessage(failure, { kept: true }) ?? '',
      change: (field) => void this.change(field),
      send: () => void this.send(),
      back: () => void this.goTo('form', 'h2'),
      signIn: () => void this.signIn(),
      signInProblem: this.signInProblem(),
    });
  }

  /** The names of each slot's files, in order, for the review and the summary. */
  private fileNames() {
    return loadedSections()!.laterRules.slotNames(this.values.moreFiles, (key) => this.files[key]?.name);
  }

  /** The request as sent, for the confirmation and its printable summary. */
  private sentRecord(result: SubmitResult): RequestRecord {
    return { requestNumber: result.requestNumber, createdAt: result.createdAt, status: 'submitted', ...this.answers() };
  }

  /** The answers as the review and the confirmation show them: the request, and the names of its files. */
  private answers() {
    const v = this.values;
    return {
      request: toBookingRequest(v, {}, this.locale, this.catalog!, loadedSections()!.laterRules),
      names: { ...this.fileNames(), companions: v.companions.map((c) => this.files[companionSlot(c.key)]?.name) },
    };
  }

  /** "My requests" from the confirmation: `requests-url`, or the event for the host to handle. */
  private showRequests() {
    const requestNumber = this.result?.requestNumber ?? '';
    if (this.emit<ShowRequestsDetail>('emirate-show-requests', { requestNumber })) misconfigured(this, 'show-requests');
  }

  private renderDone() {
    return html`<emirate-request-sent
      .record=${this.sentRecord(this.result!)}
      .catalog=${this.catalog}
      .requestsHref=${this.webAddress('requests-url', this.requestsUrl)}
      @emirate-show-requests-asked=${this.showRequests}
      @emirate-new-request-asked=${this.startOver}
    ></emirate-request-sent>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-booking-form': BookingForm;
  }
}
