import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/companion-list.js';
import type { CompanionList, CompanionsChangeDetail } from '../../src/companion-list.js';
import { deepQuery, fileOf, pickFile, type, until, visibleText } from '../support/dom.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';

const APPLICANT = '1085427373';

function rows(list: CompanionList) {
  return [...list.shadowRoot!.querySelectorAll('fieldset.companion')];
}
function control(list: CompanionList, index: number, field: string) {
  const row = rows(list)[index]!;
  return row.querySelector<HTMLInputElement>(`[id$="-${field}"]`)!;
}
async function add(list: CompanionList) {
  list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
  await list.updateComplete;
}
async function fill(list: CompanionList, index: number, name: string, id: string, withImage = true) {
  type(control(list, index, 'fullName'), name);
  type(control(list, index, 'idNumber'), id);
  if (withImage) {
    const field = rows(list)[index]!.querySelector('emirate-file-field')!;
    pickFile(field, fileOf('png', 'id.png'));
    await until(() => list.value[index]?.idImage?.status === 'ready', 'the ID image to be ready');
  }
  await list.updateComplete;
}

describe('<emirate-companion-list>', () => {
  it('adds a companion, focuses its name, and removes it', async () => {
    const list = await fixture<CompanionList>(html`<emirate-companion-list></emirate-companion-list>`);
    expect(visibleText(list)).to.contain('لا يوجد مرافقون');
    await add(list);
    expect(rows(list)).to.have.length(1);
    expect(list.shadowRoot!.activeElement === control(list, 0, 'fullName'), 'focus').to.equal(true);
    expect(visibleText(list)).to.contain('المرافق 1');
    await add(list);
    expect(rows(list)).to.have.length(2);
    rows(list)[0]!.querySelector<HTMLButtonElement>('button.remove')!.click();
    await list.updateComplete;
    expect(rows(list)).to.have.length(1);
    expect(list.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('تم حذف المرافق 1');
    await expect(list).to.be.accessible();
  });

  it('stops at the limit and says so', async () => {
    const list = await fixture<CompanionList>(html`<emirate-companion-list max="2"></emirate-companion-list>`);
    await add(list);
    await add(list);
    expect(list.shadowRoot!.querySelector('button.add')).to.equal(null);
    expect(visibleText(list)).to.contain('وصلت إلى الحد الأعلى للمرافقين (2)');
  });

  it('flags an ID equal to the applicant’s and a duplicate between companions', async () => {
    const list = await fixture<CompanionList>(html`<emirate-companion-list applicant-id=${APPLICANT}></emirate-companion-list>`);
    await add(list);
    await add(list);
    await add(list);
    await fill(list, 0, 'سعد محمد علي القحطاني', APPLICANT, false);
    await fill(list, 1, 'فهد محمد علي القحطاني', '2345678904', false);
    await fill(list, 2, 'نورة محمد علي القحطاني', '٢٣٤٥٦٧٨٩٠٤', false); // Arabic-Indic digits, same ID as row 2
    const errors = list.validate();
    expect(errors.get('companions.0.idNumber')).to.equal('id-same-as-applicant');
    expect(errors.has('companions.1.idNumber')).to.equal(false);
    expect(errors.get('companions.2.idNumber')).to.equal('id-duplicate');
    expect(control(list, 0, 'idNumber').getAttribute('aria-invalid')).to.equal('true');
    const describedBy = control(list, 0, 'idNumber').getAttribute('aria-describedby')!;
    const errorText = describedBy.split(' ').map((id) => list.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
    expect(errorText).to.contain('لا يكون رقم هوية مقدم الطلب');
    await expect(list).to.be.accessible();
  });

  it('takes part in a plain host form: FormData gets the companions, invalid blocks submit', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><emirate-companion-list name="visitors" applicant-id=${APPLICANT}></emirate-companion-list><button>send</button></form>
    `);
    const list = form.querySelector<CompanionList>('emirate-companion-list')!;
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    expect(form.checkValidity()).to.equal(true);
    await add(list);
    await list.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    form.requestSubmit();
    expect(submitted).to.equal(0);
    await list.updateComplete;
    expect(list.showErrors).to.equal(true);

    await fill(list, 0, 'سعد محمد علي القحطاني', '2345678904');
    expect(form.checkValidity()).to.equal(true);
    const data = new FormData(form);
    expect(data.get('visitors[0][fullName]')).to.equal('سعد محمد علي القحطاني');
    expect(data.get('visitors[0][idNumber]')).to.equal('2345678904');
    expect((data.get('visitors[0][idImage]') as File).name).to.equal('id.png');
    form.requestSubmit();
    expect(submitted).to.equal(1);

    form.reset();
    await list.updateComplete;
    expect(rows(list)).to.have.length(0);
  });

  it('tells a host form its validity after each change, in the language shown, whatever caused it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><emirate-companion-list applicant-id=${APPLICANT}></emirate-companion-list></form>`);
    const list = form.querySelector<CompanionList>('emirate-companion-list')!;
    await add(list);
    await until(() => /[\u0600-\u06ff]/.test(list.validationMessage), 'an Arabic validation message');
    const arabic = list.validationMessage;
    try {
      await setWidgetLocale('en');
      await until(() => /^[^\u0600-\u06ff]+$/.test(list.validationMessage), 'the message in English');
    } finally {
      await setWidgetLocale('ar');
    }
    await until(() => list.validationMessage === arabic, 'the message in Arabic again');
    await fill(list, 0, 'سعد محمد علي القحطاني', '2345678904');
    expect(form.checkValidity()).to.equal(true);
    // No edit: the applicant turns out to have the companion's ID.
    list.applicantId = '2345678904';
    await list.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(list.validationMessage).to.not.equal('');
    list.applicantId = APPLICANT;
    await list.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    // Fields left and errors shown change nothing the form was told.
    control(list, 0, 'fullName').dispatchEvent(new FocusEvent('blur'));
    list.showErrors = true;
    await list.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('companions[0][fullName]')).to.equal('سعد محمد علي القحطاني');
    await expect(list).to.be.accessible();
  });

  it('tells the page how many companions there are and whether they are valid, never who; the value property has them', async () => {
    const list = await fixture<CompanionList>(html`<emirate-companion-list applicant-id=${APPLICANT}></emirate-companion-list>`);
    const details: CompanionsChangeDetail[] = [];
    list.addEventListener('emirate-companions-change', (e) => {
      const event = e as CustomEvent<CompanionsChangeDetail>;
      expect(event.bubbles && event.composed, 'a public event').to.equal(true);
      details.push(event.detail);
    });
    await add(list);
    expect(details.at(-1)).to.deep.equal({ count: 1, valid: false });
    await fill(list, 0, 'سعد محمد علي القحطاني', '2345678904');
    expect(details.at(-1)).to.deep.equal({ count: 1, valid: true });
    expect(list.value.map((c) => [c.fullName, c.idNumber, c.idImage?.name])).to.deep.equal([['سعد محمد علي القحطاني', '2345678904', 'id.png']]);
    await add(list);
    expect(details.at(-1)).to.deep.equal({ count: 2, valid: false });
    rows(list)[1]!.querySelector<HTMLButtonElement>('button.remove')!.click();
    await list.updateComplete;
    expect(details.at(-1)).to.deep.equal({ count: 1, valid: true });
    expect(JSON.stringify(details)).to.not.match(/سعد|2345678904|id\.png/);
  });

  it('rejects an ID image whose content is not an accepted type, whatever its name says', async () => {
    const list = await fixture<CompanionList>(html`<emirate-companion-list></emirate-companion-list>`);
    await add(list);
    const field = rows(list)[0]!.querySelector('emirate-file-field')!;
    pickFile(field, fileOf('text', 'id.png', { declaredType: 'image/png' }));
    await until(() => list.value[0]?.idImage?.status === 'rejected', 'the file to be rejected');
    await list.updateComplete;
    expect(visibleText(field)).to.contain('نوع ملف صورة هوية المرافق 1 غير مقبول');
    expect(deepQuery(field, '#error')).to.not.equal(null);
    await expect(list).to.be.accessible();
  });

  it('works from the keyboard alone: add, type, move on, remove', async () => {
    const list = await fixture<CompanionList>(html`<emirate-companion-list applicant-id=${APPLICANT}></emirate-companion-list>`);
    list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.focus();
    await sendKeys({ press: 'Enter' });
    await list.updateComplete;
    expect(list.shadowRoot!.activeElement === control(list, 0, 'fullName'), 'focus in the new name').to.equal(true);
    await sendKeys({ type: 'سعد محمد علي القحطاني' });
    await sendKeys({ press: 'Tab' });
    expect(list.shadowRoot!.activeElement === control(list, 0, 'idNumber'), 'Tab reaches the ID').to.equal(true);
    await sendKeys({ type: '٢٣٤٥٦٧٨٩٠٤' });
    await sendKeys({ press: 'Tab' });
    await list.updateComplete;
    expect(list.value[0]).to.include({ fullName: 'سعد محمد علي القحطاني', idNumber: '٢٣٤٥٦٧٨٩٠٤' });
    expect(list.validate().has('companions.0.idNumber')).to.equal(false);
    const remove = rows(list)[0]!.querySelector<HTMLButtonElement>('button.remove')!;
    remove.focus();
    await sendKeys({ press: 'Space' });
    await list.updateComplete;
    expect(rows(list)).to.have.length(0);
    expect(list.shadowRoot!.activeElement === list.shadowRoot!.querySelector('button.add'), 'focus back on add').to.equal(true);
  });
});
