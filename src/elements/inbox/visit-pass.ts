/**
 * The visit pass (#14): what the citizen shows at the gate on the day. Loaded by `<emirate-inbox>`
 * only when an approved request's pass is shown, with its QR code library (lean-qr's 2 KB
 * "nano" build), so neither reaches the booking path or the inbox's first screen.
 *
 * The pass holds the citizen's name, the masked ID number, the request number, the date (Hijri
 * and Gregorian), time and gate, the companions and the belongings, and a QR code of the token
 * the backend signed (the widget never makes one up). It prints alone on one page, saves as an
 * image, and is kept sealed on the device (like drafts) so it can be shown again offline.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { generate } from 'lean-qr/nano';
import type { Catalog, LocalizedText, RequestDetail, VisitPass } from '../../api/types.js';
import { formatGregorianDate, formatHijriDate, formatRiyadhTime } from '../../domain/hijri.js';
import { maskIdNumber, passValidity } from '../../domain/visit.js';
import { formatPlate } from '../../domain/plate.js';
import { downloadFileName } from '../../domain/file-name.js';
import type { DraftScope } from '../../drafts/draft-controller.js';
import { customElement } from '../../ui/define.js';
import { dateStyles, hijriAndGregorian } from '../../ui/dates.js';
import { printAlone } from '../../ui/print.js';
import { saveFile } from '../../ui/save-file.js';
import { baseStyles } from '../../ui/styles.js';
import { controlStyles } from '../../ui/control-styles.js';
import { formatLocale, localText, type WidgetLocale } from '../../i18n/localization.js';
// The inbox loads the wording already: the pass takes its counted nouns from there.
import { companionCount } from '../../i18n/counts.js';

/**
 * Everything the pass shows, and all that is kept of it on the device (the ID number only
 * masked). The gate's copy ({@link gatePasses}) has no name, ID, companions' names or plate.
 */
export interface PassView {
  requestNumber: string;
  name?: string;
  /** Already masked (`1•••••7373`). */
  maskedId?: string;
  /** ISO date-time of the appointment. */
  at: string;
  gate: LocalizedText;
  /** The companions' names (none in the gate's copy, which has their count). */
  companions: string[];
  companionCount?: number;
  belongings: LocalizedText[];
  /** The car's plate as printed (`ا ب ح 1234 · ABJ 1234`), with make and colour, when declared. */
  plate?: string;
  pass: VisitPass;
}

/** The pass of an approved request with an appointment, labelled from the catalog. */
export function passViewOf(detail: RequestDetail, catalog: Catalog | undefined, pass: VisitPass): PassView {
  const appointment = detail.appointment!;
  const plate = detail.request.plate;
  const label = (list: Catalog['gates'] | undefined, id: string): LocalizedText => list?.find((o) => o.id === id)?.label ?? { ar: id, en: id };
  return {
    requestNumber: detail.requestNumber,
    name: detail.request.fullName,
    maskedId: maskIdNumber(detail.request.idNumber),
    at: appointment.at,
    gate: label(catalog?.gates, appointment.gate),
    companions: detail.request.companions.map((c) => c.fullName),
    belongings: detail.request.belongings.map((id) => label(catalog?.belongings, id)),
    ...(plate ? { plate: [formatPlate(plate), plate.make, plate.colour].filter(Boolean).join(' · ') } : {}),
    pass,
  };
}

// ---- kept on the device -----------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the draft store (its own chunk, as for drafts) unlocked for `scope`'s user, keeping what
 * is written until a day after `until`; with the name of `requestNumber`'s pass in it.
 */
async function openStore(scope: DraftScope, requestNumber: string, until: number) {
  const { DraftStore, draftKey } = await import('../../drafts/draft-store.js');
  const store = await DraftStore.open({ ttlMs: Math.max(DAY_MS, until - Date.now() + DAY_MS) });
  try {
    await store.unlock(scope.secret ?? null);
  } catch (error) {
    store.close();
    throw error;
  }
  return { store, name: draftKey({ portal: scope.portal, user: scope.user, form: `pass:${requestNumber}` }) };
}

/**
 * Keeps the pass sealed on the device, as drafts are: under the user's draft secret (or, where
 * the backend issues none, this device's key for at most a day), until a day after it ends.
 * Beside it, the gate's copy (see {@link gatePasses}). Both go when the portal is seen signed
 * out, as drafts do. Nothing is kept when drafts are off (`no-drafts`, a shared computer).
 * Never rejects.
 */
export async function keepPass(scope: DraftScope | undefined, view: PassView): Promise<void> {
  if (!scope?.enabled) return;
  const ends = scope.sessionEndsAt === undefined ? undefined : Date.parse(scope.sessionEndsAt);
  try {
    const { store, name } = await openStore(scope, view.requestNumber, Date.parse(view.pass.validTo));
    try {
      await store.saveValues(name, view);
      await store.noteSignedIn(scope.portal, name, ends);
    } finally {
      store.close();
    }
  } catch {
    // No IndexedDB, no space, another tab: the pass still shows while online.
  }
  try {
    const { store, name } = await openGateStore(scope.portal);
    try {
      const now = Date.now();
      const kept = (await store.load<PassView[]>(name))?.values ?? [];
      const copies = [gateCopyOf(view), ...kept.filter((p) => p.requestNumber !== view.requestNumber && Date.parse(p.pass.validTo) > now)].slice(0, GATE_COPIES);
      await store.saveValues(name, copies);
      await store.noteSignedIn(scope.portal, name, ends);
    } finally {
      store.close();
    }
  } catch {
    // As above: the sealed copy (or the server) still shows it.
  }
}

/** The most passes the gate's copy holds (the newest shown first). */
const GATE_COPIES = 5;

/**
 * What the gate needs, and no more: the QR token and its validity, the request number, the
 * date, time and gate, the belongings and how many companions. No name, ID number, companions'
 * names or plate.
 */
function gateCopyOf(view: PassView): PassView {
  return {
    requestNumber: view.requestNumber,
    at: view.at,
    gate: view.gate,
    companions: [],
    companionCount: view.companionCount ?? view.companions.length,
    belongings: view.belongings,
    pass: view.pass,
  };
}

/** The gate's copies of `portal`, sealed under this device's key (no session is needed to read them, so they live a day). */
async function openGateStore(portal: string) {
  const { DraftStore, draftKey } = await import('../../drafts/draft-store.js');
  const store = await DraftStore.open();
  try {
    await store.unlock(null);
  } catch (error) {
    store.close();
    throw error;
  }
  return { store, name: draftKey({ portal, user: '', form: 'gate-passes' }) };
}

/**
 * The passes of `portal` kept for the gate, still valid: what shows when the page is opened
 * again with no connection, before any session can be had (a reload at the gate). Kept a day
 * from the last time each pass was shown online, under this device's key (like drafts without
 * a backend secret; see docs/threat-model.md), cleared when the portal is seen signed out.
 * Never rejects.
 */
export async function gatePasses(portal: string): Promise<PassView[]> {
  try {
    const { store, name } = await openGateStore(portal);
    try {
      const now = Date.now();
      return ((await store.load<PassView[]>(name))?.values ?? []).filter((p) => Date.parse(p.pass.validTo) > now);
    } finally {
      store.close();
    }
  } catch {
    return [];
  }
}

/** The pass kept for `requestNumber`, or `null` (none, expired, another user's or unreadable). Never rejects. */
export async function keptPass(scope: DraftScope | undefined, requestNumber: string): Promise<PassView | null> {
  if (!scope?.enabled) return null;
  try {
    const { store, name } = await openStore(scope, requestNumber, 0);
    try {
      return (await store.load<PassView>(name))?.values ?? null;
    } finally {
      store.close();
    }
  } catch {
    return null;
  }
}

// ---- the QR code ------------------------------------------------------------------------

/** The quiet zone around the code, in modules, as the standard asks. */
const QUIET = 4;

/** The QR code of `text` as one SVG path of its dark modules (runs merged), and its size with the quiet zone. */
export function qrPath(text: string): { size: number; d: string; dark: (x: number, y: number) => boolean } {
  const code = generate(text);
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!code.get(x, y)) continue;
      let run = 1;
      while (code.get(x + run, y)) run++;
      d += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size: code.size + 2 * QUIET, d, dark: (x, y) => code.get(x - QUIET, y - QUIET) };
}

// ---- the element -------------------------------------------------------------------------

/**
 * The visit pass of one approved request. Internal to `<emirate-inbox>`, which loads this module
 * only to show a pass.
 *
 * @internalElement
 */
@customElement('emirate-visit-pass')
@localized()
export class VisitPassElement extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    dateStyles,
    css`
      :host {
        display: block;
      }
      .pass {
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: calc(var(--_space) * 2);
        background: var(--_surface);
      }
      h3 {
        margin: 0;
        font-size: 1.15em;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      ul {
        margin: 0;
        padding-inline-start: calc(var(--_space) * 2.5);
      }
      figure {
        margin: 0;
        text-align: center;
      }
      svg {
        inline-size: 12rem;
        block-size: 12rem;
        display: block;
      }
      figcaption {
        font-weight: 700;
        letter-spacing: 0.05em;
      }
      .validity {
        grid-column: 1 / -1;
        margin: 0;
      }
      .validity.valid {
        color: var(--_success);
        font-weight: 700;
      }
      .validity.not-yet,
      .validity.expired {
        color: var(--_error);
        font-weight: 700;
      }
      .actions {
        grid-column: 1 / -1;
      }
      @media (max-width: 30rem) {
        .pass {
          grid-template-columns: 1fr;
        }
        svg {
          margin-inline: auto;
        }
      }
      @media print {
        /* One page: the details, then the code large enough for a gate's reader. */
        .pass {
          border-width: 1px;
          break-inside: avoid;
          page-break-inside: avoid;
          grid-template-columns: 1fr;
        }
        svg {
          inline-size: 6cm;
          block-size: 6cm;
          margin-inline: auto;
        }
        .no-print {
          display: none;
        }
      }
    `,
  ];

  /** What the pass shows. */
  @property({ attribute: false }) view?: PassView;

  /** Shown from the copy kept on the device (the server could not be reached). */
  @property({ type: Boolean }) offline = false;

  /** The clock, for tests; default `Date.now`. */
  @property({ attribute: false }) now: () => number = Date.now;

  override render() {
    const view = this.view;
    if (!view) return nothing;
    const locale = this.localeOf();
    const validity = passValidity(view.pass, this.now());
    const qr = qrPath(view.pass.token);
    const companions = view.companionCount ?? view.companions.length;
    return html`<section class="pass" part="pass" aria-labelledby="pass-title" tabindex="-1">
      <div>
        <h3 id="pass-title">${msg('تصريح الزيارة')}</h3>
        <dl>
          ${view.name
            ? html`<dt>${msg('الاسم')}</dt>
                <dd><bdi>${view.name}</bdi></dd>`
            : nothing}
          ${view.maskedId
            ? html`<dt>${msg('رقم الهوية')}</dt>
                <dd><bdi dir="ltr">${view.maskedId}</bdi></dd>`
            : nothing}
          <dt>${msg('رقم الطلب')}</dt>
          <dd><bdi>${view.requestNumber}</bdi></dd>
          <dt>${msg('التاريخ')}</dt>
          <dd>${hijriAndGregorian(view.at, locale)}</dd>
          <dt>${msg('الوقت')}</dt>
          <dd>${formatRiyadhTime(view.at, locale)}</dd>
          <dt>${msg('بوابة الدخول')}</dt>
          <dd>${localText(view.gate)}</dd>
          <dt>${msg('المرافقون')}</dt>
          <dd>
            ${companions === 0
              ? msg('لا يوجد')
              : html`${companionCount(companions)}
                  ${view.companions.length
                    ? html`<ul>
                        ${view.companions.map((name) => html`<li><bdi>${name}</bdi></li>`)}
                      </ul>`
                    : nothing}`}
          </dd>
          <dt>${msg('مرفقات الزائر')}</dt>
          <dd>${view.belongings.length === 0 ? msg('لا يوجد') : view.belongings.map((b) => localText(b)).join('، ')}</dd>
          ${view.plate
            ? html`<dt>${msg('لوحة السيارة')}</dt>
                <dd><bdi>${view.plate}</bdi></dd>`
            : nothing}
        </dl>
      </div>
      <figure>
        <svg viewBox="0 0 ${qr.size} ${qr.size}" role="img" aria-label=${msg(str`رمز التصريح للطلب رقم ${view.requestNumber}`)} shape-rendering="crispEdges">
          <rect width=${qr.size} height=${qr.size} fill="#fff"></rect>
          <path d=${qr.d} fill="#000"></path>
        </svg>
        <figcaption aria-hidden="true">${view.requestNumber}</figcaption>
      </figure>
      <p class="validity ${validity}" role="status">${this.validityText(validity, view.pass)}</p>
      ${this.offline ? html`<p class="hint validity">${msg('تعرض هذه النسخة المحفوظة على جهازك لتعذر الاتصال بالخادم.')}</p>` : nothing}
      <p class="actions no-print">
        <button type="button" class="secondary" @click=${() => printAlone(this)}>${msg('طباعة التصريح')}</button>
        <button type="button" class="secondary" @click=${() => this.saveImage()}>${msg('حفظ التصريح كصورة')}</button>
        <button type="button" class="secondary" @click=${() => this.addToCalendar()}>${msg('إضافة إلى التقويم')}</button>
      </p>
    </section>`;
  }

  /** Moves focus to the pass (its section, named by its heading). */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector<HTMLElement>('section')?.focus(options);
  }

  /** The built-in language whose formats (dates, numbers) the widget's language uses (see `EmirateElement`). */
  private localeOf(): WidgetLocale {
    return formatLocale();
  }

  private validityText(validity: ReturnType<typeof passValidity>, pass: VisitPass) {
    const locale = this.localeOf();
    const when = (iso: string) => `${formatHijriDate(iso, locale)} (${formatGregorianDate(iso, locale)}) ${formatRiyadhTime(iso, locale)}`;
    if (validity === 'not-yet') return msg(str`التصريح غير صالح بعد: يبدأ ${when(pass.validFrom)}`);
    if (validity === 'expired') return msg(str`انتهت صلاحية التصريح في ${when(pass.validTo)}`);
    return msg(str`التصريح صالح حتى ${when(pass.validTo)}`);
  }

  /** Downloads the appointment as an `.ics` file (the calendar module loads on the first click). */
  private async addToCalendar() {
    const view = this.view;
    if (!view) return;
    const { visitCalendar } = await import('../../domain/ics.js');
    const locale = this.localeOf();
    const file = visitCalendar({
      requestNumber: view.requestNumber,
      at: view.at,
      location: localText(view.gate),
      summary: msg('موعد في الإمارة'),
      description: msg(str`رقم الطلب: ${view.requestNumber}`),
      reminder: msg('تذكير: موعدك في الإمارة غدًا'),
      locale,
    });
    saveFile(new Blob([file], { type: 'text/calendar' }), downloadFileName(`appointment-${view.requestNumber}.ics`, 'text/calendar'), this.renderRoot);
  }

  /** Saves the pass as a PNG: the QR code with the request number, name, date, time and gate. */
  private async saveImage() {
    const view = this.view;
    if (!view) return;
    const blob = await passImage(view, this.localeOf(), getComputedStyle(this).fontFamily || 'sans-serif', {
      title: msg('تصريح الزيارة'),
      number: msg(str`رقم الطلب: ${view.requestNumber}`),
      id: view.maskedId ? msg(str`رقم الهوية: ${view.maskedId}`) : '',
      gate: msg(str`بوابة الدخول: ${localText(view.gate)}`),
    });
    if (blob) saveFile(blob, downloadFileName(`visit-pass-${view.requestNumber}.png`, 'image/png'), this.renderRoot);
  }
}

/** The pass drawn on a canvas as a PNG (white, 600 px wide), or `null` where canvas cannot. */
export async function passImage(view: PassView, locale: WidgetLocale, font: string, words: { title: string; number: string; id: string; gate: string }): Promise<Blob | null> {
  const qr = qrPath(view.pass.token);
  const scale = 12;
  const width = 600;
  const top = 80;
  const lines = [
    words.number,
    view.name ?? '',
    words.id,
    `${formatHijriDate(view.at, locale)} (${formatGregorianDate(view.at, locale)})`,
    formatRiyadhTime(view.at, locale),
    words.gate,
  ].filter(Boolean);
  const height = top + qr.size * scale + 40 + lines.length * 36 + 20;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.direction = locale === 'ar' ? 'rtl' : 'ltr';
  ctx.textAlign = 'center';
  ctx.font = `bold 28px ${font}`;
  ctx.fillText(words.title, width / 2, 48);
  const left = (width - qr.size * scale) / 2;
  for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.dark(x, y)) ctx.fillRect(left + x * scale, top + y * scale, scale, scale);
  ctx.font = `20px ${font}`;
  lines.forEach((line, i) => ctx.fillText(line, width / 2, top + qr.size * scale + 40 + i * 36));
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

declare global {
  interface HTMLElementTagNameMap {
    'emirate-visit-pass': VisitPassElement;
  }
}
