/**
 * The strict-CSP host page's only script: the msw mock backend (this frame is its own service
 * worker client, so it starts msw itself), then the widget's one entry and two of its tags, as a
 * portal would embed them.
 */
import { startMockBackend } from '../../../demo/mocks/browser.js';
import '../../../src/index.js';

interface EmbeddingLog {
  errors: string[];
  violations: unknown[];
  ready: boolean;
}

await startMockBackend({ baseUrl: '/api', quiet: true });

const host = document.getElementById('host')!;
for (const tag of ['emirate-booking-form', 'emirate-inquiry-box'] as const) {
  const el = document.createElement(tag);
  el.setAttribute('api-base', '/api');
  host.append(el);
}
(window as unknown as { embeddingLog: EmbeddingLog }).embeddingLog.ready = true;
