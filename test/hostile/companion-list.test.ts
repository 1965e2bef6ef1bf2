/** Hostile input in <emirate-companion-list> on its own, inside a plain host form (issue #5). */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/companion-list.js';
import type { CompanionList } from '../../src/companion-list.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { fileOf, pickFile, type, until, visibleText } from '../support/dom.js';
import { HUGE, INVISIBLE, MARKUP, RAW_CODE, guardEachTest, injected } from './guard.js';

const APPLICANT = '1085427373';
const row = (list: CompanionList, i = 0) => list.shadowRoot!.querySelectorAll('fieldset.companion')[i]!;
const control = (list: CompanionList, field: string, i = 0) => row(list, i).querySelector<HTMLInputElement>(`[id$="-${field}"]`)!;
const errorText = (list: CompanionList, field: string, i = 0) =>
  (control(list, field, i).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => list.shadowRoot!.getElementById(id)?.classList.contains('error') ? list.shadowRoot!.getElementById(id)!.textContent : '')
    .join(' ')
    .trim();

async function mountInForm() {
  const form = await fixture<HTMLFormElement>(html`<form><emirate-companion-list name="visitors" applicant-id=${APPLICANT}></emirate-companion-list></form>`);
  const list = form.querySelector<CompanionList>('emirate-companion-list')!;
  list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
  await list.updateComplete;
  return { form, list };
}

async function fill(list: CompanionList, name: string, id: string) {
  type(control(list, 'fullName'), name);
  type(control(list, 'idNumber'), id);
  pickFile(row(list).querySelector('emirate-file-field')!, fileOf('png', 'id.png'));
  await until(() => list.value[0]?.idImage?.status === 'ready', 'the ID image');
  await list.updateComplete;
}

describe('hostile input: <emirate-companion-list>', () => {
  guardEachTest({ drafts: false });

  it('100 000 characters in the name: the limit with its number, the ID kept, the form blocked', async () => {
    const { form, list } = await mountInForm();
    type(control(list, 'idNumber'), '2345678904');
    type(control(list, 'fullName'), HUGE); // a check that hangs on it fails the test's timeout
    await list.updateComplete;
    expect(errorText(list, 'fullName')).to.equal('يجب ألا يزيد اسم المرافق 1 على 120 حرفًا');
    expect(errorText(list, 'fullName')).to.not.match(RAW_CODE);
    expect(control(list, 'fullName').value.length).to.equal(100_000);
    expect(control(list, 'idNumber').value).to.equal('2345678904');
    expect(form.checkValidity()).to.equal(false);
    expect(list.validationMessage).to.contain('120');
  });

  it('100 000 characters in the ID number: the ID message', async () => {
    const { list } = await mountInForm();
    type(control(list, 'idNumber'), '1'.repeat(100_000)); // a check that hangs on it fails the test's timeout
    await list.updateComplete;
    expect(errorText(list, 'idNumber')).to.equal('رقم هوية المرافق 1 يتكون من 10 أرقام');
  });

  it('bidi overrides and zero-width characters in the name: accepted, and the host form gets the clean name', async () => {
    const { form, list } = await mountInForm();
    await fill(list, '\u202eسعد\u200b محمد\u200c علي\u2060 القحطاني\ufeff', '2345678904');
    expect(errorText(list, 'fullName')).to.equal('');
    expect(form.checkValidity()).to.equal(true);
    const sent = new FormData(form).get('visitors[0][fullName]') as string;
    expect(sent).to.not.match(INVISIBLE);
    expect(sent).to.equal('سعد محمد علي القحطاني');
  });

  it('Arabic-Indic and Persian digits in the ID: accepted, and the host form gets ASCII digits', async () => {
    const { form, list } = await mountInForm();
    await fill(list, 'سعد محمد علي القحطاني', '۲۳۴۵ ۶۷۸ ۹۰۴');
    expect(errorText(list, 'idNumber')).to.equal('');
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('visitors[0][idNumber]')).to.equal('2345678904');
    type(control(list, 'idNumber'), '٢٣٤٥٦٧٨٩٠٤');
    await list.updateComplete;
    expect(new FormData(form).get('visitors[0][idNumber]')).to.equal('2345678904');
  });

  for (const markup of MARKUP) {
    it(`${markup} in the name and ID: explained, kept as typed, no element made`, async () => {
      const { list } = await mountInForm();
      type(control(list, 'fullName'), `سعد محمد علي ${markup}`);
      type(control(list, 'idNumber'), markup);
      await list.updateComplete;
      expect(errorText(list, 'fullName')).to.contain('حروف فقط');
      expect(errorText(list, 'idNumber')).to.contain('رقم هوية المرافق 1');
      expect(control(list, 'fullName').value).to.equal(`سعد محمد علي ${markup}`);
      expect(injected(list)).to.have.length(0);
    });
  }

  it('emoji in the name: the letters-only message in English', async () => {
    await setWidgetLocale('en');
    const { list } = await mountInForm();
    type(control(list, 'fullName'), 'Saad Mohammed Ali 🐪');
    await list.updateComplete;
    expect(errorText(list, 'fullName')).to.match(/letters/i);
    expect(errorText(list, 'fullName')).to.not.match(RAW_CODE);
  });

  it('an ID image named with a path and markup: shown as text without the folder, and so in FormData', async () => {
    const { form, list } = await mountInForm();
    type(control(list, 'fullName'), 'سعد محمد علي القحطاني');
    type(control(list, 'idNumber'), '2345678904');
    pickFile(row(list).querySelector('emirate-file-field')!, fileOf('png', 'C:\\fakepath\\<img src=x onerror=alert(1)>.png'));
    await until(() => list.value[0]?.idImage?.status === 'ready', 'the ID image');
    await list.updateComplete;
    expect(visibleText(list)).to.contain('<img src=x onerror=alert(1)>.png');
    expect(visibleText(list)).to.not.contain('fakepath');
    expect(injected(list)).to.have.length(0);
    expect((new FormData(form).get('visitors[0][idImage]') as File).name).to.equal('<img src=x onerror=alert(1)>.png');
  });
});
