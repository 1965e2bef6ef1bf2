/**
 * The designers' gallery: every element alone and the whole shell, on the msw mock backend,
 * with switches for the view, the language, the emirate's branding and the mock scenario.
 * Every combination has its own address (?view=inbox&lang=en&brand=aljouf&scenario=with-requests).
 *
 * The language switches in place (the elements' `lang` is page-wide); the other switches load
 * the page again. The mock backend's store is kept for the browser tab (sessionStorage), so a
 * request sent in one view is there in every other view and after a reload, until "Reset".
 */
import { startMockBackend, mockBackend, type Scenario } from './mocks/browser.js';
import { aljoufCatalog, najranCatalog } from './mocks/catalog.js';
import { clearAllDrafts } from '../src/drafts/draft-store.js';
import { urdu } from './locales/ur.js';
import {
  LANGS,
  SIGNED_IN_KEY,
  currentRoute,
  demoFolder,
  galleryHref,
  isShellPath,
  readSettings,
  shellBase,
  shellPathOf,
  pageLang,
  type Lang,
  type Settings,
  type View,
} from './settings.js';

const settings: Settings = readSettings(new URL(location.href));
// Before anything can change the store or reset it: what this tab did so far comes back.
mockBackend.persist(sessionStorage);
const catalog = settings.brand === 'aljouf' ? aljoufCatalog : najranCatalog;
/** The demo's folder as a URL: the mock Nafath page and the msw worker are found from it. */
const folder = new URL(demoFolder(), location.origin);

// ---- The address: the shell's route becomes its path; every switch is written in the query.

function syncAddress() {
  const url = new URL(location.href);
  const route = url.searchParams.get('route');
  url.searchParams.delete('route');
  for (const [key, value] of Object.entries(settings)) url.searchParams.set(key, value);
  if (settings.view === 'shell') {
    // ?view=shell&route=requests/00067 (a link that works on any static server) → <demo>/shell/requests/00067
    const path = route === null ? undefined : shellPathOf(route);
    if (path) url.pathname = path;
    else if (!isShellPath(url.pathname)) url.pathname = shellBase();
  } else if (isShellPath(url.pathname)) {
    url.pathname = demoFolder();
  }
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}
syncAddress();

/** Goes to the gallery with some switches changed; the shell stays on its current view. */
function go(changes: Partial<Settings>) {
  const next = { ...settings, ...changes };
  location.assign(galleryHref(next, next.view === 'shell' && settings.view === 'shell' ? currentRoute() : ''));
}

// ---- Sign-in: the mock Nafath page sets the flag; a signed-out scenario is then signed in.

const signedIn = sessionStorage.getItem(SIGNED_IN_KEY) === '1';
const scenario = settings.scenario === 'signed-out' && signedIn ? 'new-user' : settings.scenario;
document.querySelector<HTMLElement>('#signed-in-note')!.hidden = !(settings.scenario === 'signed-out' && signedIn);

// ---- The demo's own texts: each element carries data-ar and data-en.

const VIEW_NAMES: Record<View, Record<'ar' | 'en', string>> = {
  booking: { ar: 'نموذج الطلب', en: 'Booking form' },
  companions: { ar: 'المرافقون', en: 'Companions' },
  inbox: { ar: 'حسابي', en: 'Inbox' },
  inquiry: { ar: 'الاستعلام', en: 'Inquiry' },
  card: { ar: 'بطاقة الخدمة', en: 'Service card' },
  shell: { ar: 'التطبيق كاملًا', en: 'Whole shell' },
};

function showTexts(root: ParentNode, lang: 'ar' | 'en') {
  for (const el of root.querySelectorAll<HTMLElement>('[data-ar][data-en]')) {
    if (el instanceof HTMLTemplateElement) continue;
    el.textContent = el.dataset[lang] ?? '';
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-ar-label][data-en-label]')) {
    el.setAttribute('aria-label', (lang === 'ar' ? el.dataset.arLabel : el.dataset.enLabel) ?? '');
  }
}

/**
 * Urdu is added at run time, as a portal would add a language the widget does not ship: its
 * code, direction and the messages it has (the rest shows in English). Before any element
 * takes `lang="ur"`.
 */
async function registerLanguage(lang: Lang) {
  if (lang === 'ur') (await import('../src/locales.js')).registerLocale('ur', urdu);
}

function applyLang(lang: Lang) {
  settings.lang = lang;
  // The gallery's own texts have Arabic and English; in Urdu they are English, right to left.
  const page = pageLang(lang);
  const root = document.documentElement;
  root.lang = lang;
  root.dir = lang === 'en' ? 'ltr' : 'rtl';
  showTexts(document, page);
  const template = document.querySelector<HTMLTemplateElement>(`#view-${settings.view}`)!;
  document.querySelector('#view-note')!.textContent = template.dataset[page] ?? '';
  const emirate = catalog.emirate.name[lang] ?? catalog.emirate.name[page];
  document.querySelector('#page-title')!.textContent = `${emirate} — ${page === 'ar' ? 'الخدمات الإلكترونية' : 'e-Services'}`;
  document.title = `${VIEW_NAMES[settings.view][page]} · ${emirate} — ${page === 'ar' ? 'معرض المصممين' : "designers' gallery"}`;
  // One element is enough (the language is page-wide); all of them keep their attribute true.
  for (const el of document.querySelectorAll('#stage [lang]')) {
    if (el.localName.startsWith('emirate-')) el.setAttribute('lang', lang);
  }
  linkViews();
}

/** The views' and the shell's links carry the current switches. */
function linkViews() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-view]')) {
    const view = link.dataset.view as View;
    link.href = galleryHref({ ...settings, view });
    if (view === settings.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-route]')) {
    link.href = galleryHref(settings, link.dataset.route);
  }
}

// ---- The view: its template goes into <main>, with addresses resolved against the demo's folder.

const stage = document.querySelector<HTMLElement>('#stage')!;
const template = document.querySelector<HTMLTemplateElement>(`#view-${settings.view}`)!;
stage.append(template.content.cloneNode(true));
for (const el of stage.querySelectorAll('*')) {
  if (!el.localName.startsWith('emirate-')) continue;
  el.setAttribute('lang', settings.lang);
  const login = el.getAttribute('login-url');
  // Absolute, so sign-in works from the shell's deeper paths too (the widget adds ?return=).
  if (login) el.setAttribute('login-url', new URL(login, folder).href);
}
stage.querySelector('emirate-appointments')?.setAttribute('base', shellBase());
// "Start service" on the card alone leads to the booking form view.
stage.querySelector('emirate-service-card')?.setAttribute('start-url', galleryHref({ ...settings, view: 'booking' }));
// "My requests" on the form's confirmation leads to the inbox view, as a portal's page would.
stage.querySelector('emirate-booking-form')?.setAttribute('requests-url', galleryHref({ ...settings, view: 'inbox' }));

document.documentElement.dataset.brand = settings.brand;
document.querySelector<HTMLElement>('.demo-bar')!.dataset.view = settings.view;
await registerLanguage(settings.lang);
applyLang(settings.lang);

// The portal's header: the unread count beside the user (guide §2.3), from the inbox's event.
document.addEventListener('emirate-unread-changed', (event) => {
  const { count } = (event as CustomEvent<{ count: number }>).detail;
  document.querySelector('#portal-unread-count')!.textContent = String(count);
  document.querySelector<HTMLElement>('#portal-unread')!.hidden = false;
});

// The page's title follows the shell's view (WCAG 2.4.2), "Error: …" while it shows an error summary.
const demoTitle = document.title;
// The shell pushes its views' paths; the switches are put back into the query each time.
document.addEventListener('emirate-view-changed', (event) => {
  document.title = `${event.detail.title} – ${demoTitle}`;
  const url = new URL(location.href);
  let changed = false;
  for (const [key, value] of Object.entries(settings)) {
    if (url.searchParams.get(key) !== value) {
      url.searchParams.set(key, value);
      changed = true;
    }
  }
  if (changed) history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  linkViews();
});

// ---- The companion list in a plain form: submitting shows what the form would send.

const hostForm = stage.querySelector<HTMLFormElement>('#companions-form');
hostForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  const output = hostForm.querySelector('#formdata')!;
  const title = document.createElement('p');
  title.textContent = settings.lang === 'ar' ? 'بيانات FormData المرسلة:' : 'FormData sent:';
  const pre = document.createElement('pre');
  pre.dir = 'ltr';
  for (const [name, value] of new FormData(hostForm)) {
    // Values are the citizen's text: shown as text, each isolated so Arabic keeps its order.
    const shown = document.createElement('bdi');
    shown.textContent = typeof value === 'string' ? value : `File(${value.name}, ${value.type || '?'}, ${value.size} B)`;
    pre.append(`${name} = `, shown, '\n');
  }
  if (!pre.childNodes.length) pre.textContent = settings.lang === 'ar' ? '(لا شيء)' : '(nothing)';
  output.replaceChildren(title, pre);
});

// ---- Switches.

const langSelect = document.querySelector<HTMLSelectElement>('#lang')!;
const brandSelect = document.querySelector<HTMLSelectElement>('#brand')!;
const scenarioSelect = document.querySelector<HTMLSelectElement>('#scenario')!;
langSelect.value = settings.lang;
brandSelect.value = settings.brand;
scenarioSelect.value = settings.scenario;

langSelect.addEventListener('change', async () => {
  const lang = LANGS.find((l) => l === langSelect.value) ?? 'ar';
  await registerLanguage(lang);
  applyLang(lang);
  const url = new URL(location.href);
  url.searchParams.set('lang', settings.lang);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
});
brandSelect.addEventListener('change', () => go({ brand: brandSelect.value === 'aljouf' ? 'aljouf' : 'najran' }));
scenarioSelect.addEventListener('change', () => {
  // Choosing a scenario forgets a mock Nafath sign-in, so "signed out" means signed out.
  sessionStorage.removeItem(SIGNED_IN_KEY);
  go({ scenario: scenarioSelect.value as Settings['scenario'] });
});
document.querySelector('#reset')!.addEventListener('click', async () => {
  mockBackend.reset();
  sessionStorage.removeItem(SIGNED_IN_KEY);
  await clearAllDrafts();
  // The gallery's address rather than a reload of a shell path (which needs a server or the
  // build's fallback pages); the shell stays on its view, a request's page goes to its list.
  location.assign(galleryHref(settings, currentRoute().split('/')[0]));
});

// ---- The events every element sends, newest first.

const log = document.querySelector('#events')!;
for (const type of [
  'emirate-request-submitted',
  'emirate-draft-saved',
  'emirate-draft-restored',
  'emirate-sign-in-required',
  'emirate-inquiry-result',
  'emirate-request-opened',
  'emirate-request-closed',
  'emirate-message-sent',
  'emirate-rating-submitted',
  'emirate-service-start',
  'emirate-view-changed',
]) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    item.append(code);
    log.prepend(item);
    while (log.children.length > 8) log.lastElementChild!.remove();
  });
}

// ---- The mock backend, then the elements (defined only once it answers, so their first call is mocked).

await startMockBackend({ baseUrl: '/api', quiet: true, workerUrl: new URL('mockServiceWorker.js', folder).pathname });
const seeded = scenario === 'with-requests' || scenario === 'visit-today';
mockBackend.setScenario(seeded ? 'new-user' : (scenario as Scenario));
// The sample history comes once per tab (until "Reset"), not again on every reload.
if (seeded && !mockBackend.db.sampleHistory) mockBackend.seedSampleRequests();
// The approved visit moves to today (in an hour), so its pass is valid now.
if (scenario === 'visit-today') mockBackend.moveVisit(Date.now() + 60 * 60 * 1000);
if (settings.brand === 'aljouf') mockBackend.setCatalog(aljoufCatalog);

// "Staff" act on the newest request so a designer can watch the inbox react.
const newest = () => mockBackend.listStoredRequests().at(-1);
document.querySelector('#staff-message')!.addEventListener('click', () => {
  const request = newest();
  if (request) mockBackend.addStaffMessage(request.requestNumber, 'نأمل تزويدنا بنسخة من خطاب جهة العمل.');
});
const nextStatus = { submitted: 'under-processing', 'under-processing': 'needs-documents', 'needs-documents': 'approved', approved: 'completed', rejected: 'submitted', completed: 'submitted', cancelled: 'submitted' } as const;
document.querySelector('#staff-status')!.addEventListener('click', () => {
  const request = newest();
  if (request) mockBackend.setStatus(request.requestNumber, nextStatus[request.status]);
});

await import('../src/index.js');
