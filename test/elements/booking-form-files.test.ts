/**
 * Several files per attachment slot (#14, the guide's "اختيار ملفات"): the catalog says how many
 * files a slot takes and how much they weigh together; each file is checked, uploaded and can be
 * removed; the draft keeps them; the review and the summary name them; the REST adapter sends
 * the later ones in `moreFiles` to the msw mock, which checks them again.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { Catalog } from '../../src/api/types.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { mockBackend, najranCatalog, useMockBackend } from '../support/mock-backend.js';
import { deepActiveElement, fileOf, pickFile, settled, until, visibleText } from '../support/dom.js';
import { continueToReview, fillAnswers, fillValid, root, send } from '../support/booking.js';
import { mountForm } from '../support/booking-mount.js';

const mount = mountForm;

/** A place of a slot by its key (`subjectLetter.1` is no CSS id selector). */
const place = (form: BookingForm, key: string) => root(form).getElementById(key);
const addButton = (form: BookingForm, slot: string) =>
  [...root(form).querySelectorAll<HTMLButtonElement>('.add-file-row:not(.unoffered) button.add-file')].find((b) => b.getAttribute('aria-describedby') === `${slot}-limits`);

async function attachAt(form: BookingForm, key: string, file: File) {
  pickFile(place(form, key)!, file);
  await until(() => {
    const text = visibleText(place(form, key)!);
    return text.includes(file.name) && (text.includes('جاهز') || text.includes('Ready'));
  }, `${key} to upload`);
}

async function addAnother(form: BookingForm, slot: string) {
  addButton(form, slot)!.click();
  await settled(form);
}

await useMockBackend();

describe('<emirate-booking-form>: several files per attachment', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('offers another file once a slot has one, up to the catalog’s count, and says the limits', async () => {
    const form = await mount();
    await fillAnswers(form);
    expect(!!addButton(form, 'subjectLetter'), 'nothing to add to before the first file').to.equal(false);
    expect(visibleText(root(form).querySelector('#subjectLetter-limits')!)).to.contain('يمكنك إرفاق حتى 3 ملفات هنا، مجموع أحجامها 10 ميجابايت بحد أقصى');
    expect(visibleText(root(form).querySelector('#idCopy-limits')!)).to.contain('يمكنك إرفاق حتى ملفين هنا');

    await attachAt(form, 'subjectLetter', fileOf('pdf', 'letter-1.pdf'));
    await addAnother(form, 'subjectLetter');
    const second = place(form, 'subjectLetter.1')!;
    expect(visibleText(second)).to.contain('خطاب موضوع الزيارة (الملف 2)').and.contain('لم يتم اختيار ملف');
    expect(deepActiveElement() === second.shadowRoot!.querySelector('button.choose'), 'focus on the new place’s button').to.equal(true);
    expect(!!addButton(form, 'subjectLetter'), 'no second empty place').to.equal(false);
    await expect(form).to.be.accessible();

    await attachAt(form, 'subjectLetter.1', fileOf('png', 'letter-2.png'));
    await addAnother(form, 'subjectLetter');
    await attachAt(form, 'subjectLetter.2', fileOf('pdf', 'letter-3.pdf'));
    expect(!!addButton(form, 'subjectLetter'), 'three is the letter’s count').to.equal(false);
    expect(!!place(form, 'subjectLetter.3')).to.equal(false);
    await expect(form).to.be.accessible();

    // A later file can be removed; its place stays for another, and is not required.
    place(form, 'subjectLetter.1')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')[1]!.click();
    await settled(form);
    expect(visibleText(place(form, 'subjectLetter.1')!)).to.contain('لم يتم اختيار ملف');
    await attachAt(form, 'idCopy', fileOf('png', 'id-front.png'));
    await continueToReview(form);
    expect(visibleText(root(form).querySelector('.error-summary') ?? document.createElement('p')), 'an empty later place is no error').to.equal('');
    expect(visibleText(form)).to.contain('letter-1.pdf').and.contain('letter-3.pdf').and.not.contain('letter-2.png');
  });

  it('sends every file, keeps them in the draft across a reload, and names them on the review and the summary', async () => {
    const form = await mount();
    await fillValid(form);
    await addAnother(form, 'subjectLetter');
    await attachAt(form, 'subjectLetter.1', fileOf('pdf', 'appendix.pdf'));
    await addAnother(form, 'idCopy');
    const saved = oneEvent(form, 'emirate-draft-saved');
    await attachAt(form, 'idCopy.1', fileOf('png', 'id-back.png'));
    await saved;
    await until(async () => (await form.updateComplete) && true, 'saved');

    // A reload brings back every place and file from the sealed draft, uploaded again.
    form.remove();
    const again = await mount();
    for (const key of ['subjectLetter', 'subjectLetter.1', 'idCopy', 'idCopy.1']) {
      await until(() => place(again, key) && visibleText(place(again, key)!).includes('جاهز'), `${key} to be back and ready`);
    }
    expect(visibleText(place(again, 'subjectLetter.1')!)).to.contain('appendix.pdf');
    expect(visibleText(place(again, 'idCopy.1')!)).to.contain('id-back.png');
    expect(!!addButton(again, 'idCopy'), 'the ID copy takes two').to.equal(false);

    await continueToReview(again);
    const review = visibleText(again);
    expect(review).to.contain('subjectLetter.pdf').and.contain('appendix.pdf').and.contain('هويتي.png').and.contain('id-back.png');
    await expect(again).to.be.accessible();

    await send(again);
    const [stored] = mockBackend.listStoredRequests();
    expect(stored!.request.moreFiles?.subjectLetter).to.have.length(1);
    expect(stored!.request.moreFiles?.idCopy).to.have.length(1);
    expect(stored!.request.moreFiles?.subjectLetter?.[0]).to.not.equal(stored!.request.subjectLetter);
    await until(() => visibleText(again).includes('appendix.pdf'), 'the summary names the later file');
    await expect(again).to.be.accessible();
  });

  for (const [lang, total, summary] of [
    ['ar', 'مجموع أحجام ملفات خطاب موضوع الزيارة أكبر من الحد المسموح (1 كيلوبايت)', 'مجموع أحجام ملفات'],
    ['en', 'The files of the letter stating the subject of the visit together are larger than the limit (1 kB)', 'together are larger'],
  ] as const) {
    it(`says which file takes a slot past its total weight, until it is removed (${lang})`, async () => {
      const catalog: Catalog = { ...najranCatalog, attachments: { subjectLetter: { maxFiles: 3, maxTotalBytes: 1024 } } };
      mockBackend.setCatalog(catalog);
      const form = await mount();
      await fillValid(form);
      await setWidgetLocale(lang);
      await settled(form);
      await addAnother(form, 'subjectLetter');
      await attachAt(form, 'subjectLetter.1', fileOf('pdf', 'heavy.pdf', { size: 1000 }));
      await continueToReview(form);
      const field = place(form, 'subjectLetter.1')!;
      expect(visibleText(field)).to.contain(total);
      expect(field.shadowRoot!.querySelector('button.choose')!.getAttribute('aria-invalid')).to.equal('true');
      expect(visibleText(root(form).querySelector('.error-summary')!)).to.contain(summary);
      await expect(form).to.be.accessible();

      // The summary's link goes to that file.
      root(form).querySelector<HTMLAnchorElement>('.error-summary a[href="#subjectLetter.1"]')!.click();
      await settled(form);
      expect(deepActiveElement() === field.shadowRoot!.querySelector('button.choose'), 'focus on the heavy file').to.equal(true);

      field.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')[1]!.click();
      await settled(form);
      expect(visibleText(field)).to.not.contain(total);
      await continueToReview(form);
      expect(visibleText(root(form).querySelector('.error-summary') ?? document.createElement('p'))).to.equal('');
      await setWidgetLocale('ar');
    });
  }

  it('a catalog with one file per slot offers no other', async () => {
    mockBackend.setCatalog({ ...najranCatalog, attachments: {} });
    const form = await mount();
    await fillValid(form);
    expect(!!root(form).querySelector('button.add-file')).to.equal(false);
    expect(!!root(form).querySelector('.slot-limits')).to.equal(false);
  });

  it('the server’s refusal of a later file shows on that file', async () => {
    const form = await mount();
    await fillValid(form);
    await addAnother(form, 'subjectLetter');
    await attachAt(form, 'subjectLetter.1', fileOf('pdf', 'second.pdf'));
    await continueToReview(form);
    // The emirate changed its rules while the citizen read the review: one letter only.
    mockBackend.setCatalog({ ...najranCatalog, attachments: {} });
    await send(form);
    const summary = root(form).querySelector('.error-summary')!;
    expect(visibleText(summary)).to.contain('خطاب موضوع الزيارة');
    expect(!!summary.querySelector('a[href="#subjectLetter"]'), 'the slot’s own field').to.equal(true);
    expect(mockBackend.listStoredRequests()).to.have.length(0);
    await expect(form).to.be.accessible();
  });
});
