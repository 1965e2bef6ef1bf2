import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, ref, type App } from 'vue/dist/vue.runtime.esm-browser.prod.js';
import '../../src/inquiry-box.js';
import '../../src/companion-list.js';
import type { InquiryBox, InquiryResultDetail } from '../../src/inquiry-box.js';
import type { CompanionList, CompanionsChangeDetail } from '../../src/companion-list.js';
import { RestAdapter } from '../../src/api/rest-adapter.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, useMockBackend } from '../support/mock-backend.js';
import { type, until, visibleText } from '../support/dom.js';

await useMockBackend();

/** Mounts a Vue 3 app (render functions, no template compiler) into a fresh container. */
function mount(render: () => ReturnType<typeof h>): { app: App; root: HTMLElement; unmount: () => void } {
  const root = document.createElement('div');
  document.body.append(root);
  const app = createApp({ render });
  app.mount(root);
  return { app, root, unmount: () => (app.unmount(), root.remove()) };
}

describe('the elements in a Vue 3 app', () => {
  let unmount: (() => void) | undefined;
  beforeEach(() => setWidgetLocale('ar'));
  afterEach(() => {
    unmount?.();
    unmount = undefined;
    return setWidgetLocale('ar');
  });

  it('takes an attribute and a property from Vue, renders, and its emirate-* event reaches a Vue handler', async () => {
    const results: InquiryResultDetail[] = [];
    const adapter = new RestAdapter({ baseUrl: API_BASE });
    const app = mount(() =>
      h('emirate-inquiry-box', {
        'api-base': '/nowhere',
        adapter, // a DOM property: Vue sets it as one because the element has it
        lang: 'en',
        onEmirateInquiryResult: (e: CustomEvent<InquiryResultDetail>) => results.push(e.detail),
      }),
    );
    unmount = app.unmount;
    const box = app.root.querySelector<InquiryBox>('emirate-inquiry-box')!;
    expect(box.getAttribute('api-base')).to.equal('/nowhere');
    expect(box.adapter === adapter, 'the adapter object set as a property').to.equal(true);
    await box.updateComplete;
    await until(() => visibleText(box).includes('Transaction inquiry'), 'the English view');
    expect(box.shadowRoot!.querySelector('form')).to.exist;

    type(box.shadowRoot!.querySelector<HTMLInputElement>('#transactionNumber')!, '4521');
    box.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => results.length, 'the inquiry result in Vue', 8000);
    expect(results[0]).to.include({ transactionNumber: '4521', outcome: 'found' });
  });

  it('follows reactive Vue state into properties and attributes', async () => {
    const max = ref(1);
    const base = ref(API_BASE);
    const changes: number[] = [];
    const app = mount(() =>
      h('emirate-companion-list', {
        '.max': max.value,
        'api-base': base.value,
        onEmirateCompanionsChange: (e: CustomEvent<CompanionsChangeDetail>) => changes.push(e.detail.count),
      }),
    );
    unmount = app.unmount;
    const list = app.root.querySelector<CompanionList>('emirate-companion-list')!;
    await list.updateComplete;
    expect(list.max).to.equal(1);
    const add = () => list.shadowRoot!.querySelector<HTMLButtonElement>('[part~=add-button]');
    add()!.click();
    await list.updateComplete;
    expect(changes).to.deep.equal([1]);
    expect(add(), 'no add button at the limit').to.equal(null);

    max.value = 3;
    base.value = '/api/v2';
    await nextTick();
    await list.updateComplete;
    expect(list.max).to.equal(3);
    expect(list.getAttribute('api-base')).to.equal('/api/v2');
    expect(add(), 'the add button is back').to.exist;
  });
});
