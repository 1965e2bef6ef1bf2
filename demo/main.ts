/**
 * The designers' demo: the booking form and the inquiry box on the msw mock backend, with a language switch and a
 * scenario switch. Every combination has its own URL (?lang=en&scenario=slow-network).
 */
import { startMockBackend, mockBackend, type Scenario } from './mocks/browser.js';
import { clearAllDrafts } from '../src/drafts/draft-store.js';

const params = new URL(location.href).searchParams;
const lang = params.get('lang') === 'en' ? 'en' : 'ar';
/** The demo's scenarios: the mock backend's, plus a user with a history (seeded data). */
const scenario = params.get('scenario') ?? 'new-user';

const langSelect = document.querySelector<HTMLSelectElement>('#lang')!;
const scenarioSelect = document.querySelector<HTMLSelectElement>('#scenario')!;
langSelect.value = lang;
scenarioSelect.value = scenario;

function applyLang(value: string) {
  document.documentElement.lang = value;
  document.documentElement.dir = value === 'ar' ? 'rtl' : 'ltr';
  document.querySelector('#page-title')!.textContent =
    value === 'ar' ? 'إمارة منطقة نجران — طلب موعد مع الإمارة' : 'Najran Region Emirate — Request an appointment';
  for (const el of document.querySelectorAll('emirate-booking-form, emirate-inbox, emirate-inquiry-box')) el.setAttribute('lang', value);
}

function navigate(next: Record<string, string>) {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(next)) url.searchParams.set(k, v);
  history.replaceState(null, '', url);
}

langSelect.addEventListener('change', () => {
  navigate({ lang: langSelect.value });
  applyLang(langSelect.value);
});
scenarioSelect.addEventListener('change', () => {
  navigate({ scenario: scenarioSelect.value });
  location.reload();
});
document.querySelector('#reset')!.addEventListener('click', async () => {
  mockBackend.reset();
  await clearAllDrafts();
  location.reload();
});

const log = document.querySelector('#events')!;
for (const type of [
  'emirate-request-submitted',
  'emirate-draft-saved',
  'emirate-draft-restored',
  'emirate-sign-in-required',
  'emirate-inquiry-result',
  'emirate-request-opened',
  'emirate-message-sent',
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

// The demo plays the portal's part in sign-in: it "signs in" by switching the mock session on.
document.addEventListener('emirate-sign-in-required', (event) => {
  event.preventDefault();
  navigate({ scenario: 'new-user' });
  location.reload();
});

applyLang(lang);
await startMockBackend({ baseUrl: '/api', quiet: true });
mockBackend.setScenario(scenario === 'with-requests' ? 'new-user' : (scenario as Scenario));
if (scenario === 'with-requests') mockBackend.seedSampleRequests();

// "Staff" act on the newest request so a designer can watch the inbox react.
const newest = () => mockBackend.listStoredRequests().at(-1);
document.querySelector('#staff-message')!.addEventListener('click', () => {
  const request = newest();
  if (request) mockBackend.addStaffMessage(request.requestNumber, 'نأمل تزويدنا بنسخة من خطاب جهة العمل.');
});
const nextStatus = { submitted: 'under-processing', 'under-processing': 'needs-documents', 'needs-documents': 'approved', approved: 'completed', rejected: 'submitted', completed: 'submitted' } as const;
document.querySelector('#staff-status')!.addEventListener('click', () => {
  const request = newest();
  if (request) mockBackend.setStatus(request.requestNumber, nextStatus[request.status]);
});
// Elements are defined only after the mock backend answers, so their first request is mocked.
await import('../src/index.js');
