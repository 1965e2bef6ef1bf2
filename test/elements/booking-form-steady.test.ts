/**
 * The booking form as a citizen's hand meets it: nothing moves under the pointer, the draft is
 * not thrown away by one tap, and what cannot be changed offers no "Change".
 */
import { fixture, html, expect } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '../support/commands.js';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import type { CompanionList } from '../../src/companion-list.js';
import { clearAllDrafts } from '../../src/drafts/draft-store.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';
import { API_BASE, mockBackend, useMockBackend } from '../support/mock-backend.js';
import { choose, fileOf, pickFile, settled, type, until, visibleText } from '../support/dom.js';
import { $, continueToReview, fillValid, optionByText, root, select } from '../support/booking.js';

await useMockBackend();

async function mount() {
  const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE} lang="ar"></emirate-booking-form>`);
  await until(() => root(form).querySelector('form'), 'the form to load');
  await settled(form);
  return form;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const centre = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

describe('nothing moves under the pointer', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('a press on the next control after an invalid entry lands there; the message shows once the click is done', async () => {
    await setViewport({ width: 375, height: 4000 }); // one column: a message pushes everything below it
    const form = await mount();
    const email = $(form, '#email');
    email.focus();
    email.value = 'not-an-email'; // typed, the field still focused (the type() helper also blurs)
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    await settled(form);
    expect(root(form).getElementById('email-error'), 'no message while typing').to.equal(null);
    const declaration = $(form, '#declaration');
    const [x, y] = centre(declaration);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await frame();
    expect(Math.round(declaration.getBoundingClientRect().top + declaration.getBoundingClientRect().height / 2), 'nothing moved while pressed').to.equal(y);
    await sendMouse({ type: 'up' });
    await settled(form);
    expect(declaration.checked, 'the click reached the declaration').to.equal(true);
    await until(() => root(form).getElementById('email-error')?.textContent?.trim(), 'the email message after the click');
  });

  it('three quick taps on "+ Add companion" give three companions, the button staying under the pointer', async () => {
    await setViewport({ width: 800, height: 700 });
    const form = await mount();
    const list = root(form).querySelector<CompanionList>('emirate-companion-list')!;
    const add = () => list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!;
    // Room to scroll below the form, as on a portal page with a footer.
    const spacer = document.createElement('div');
    spacer.style.blockSize = '3000px';
    form.after(spacer);
    try {
      add().scrollIntoView({ block: 'center' });
      await frame();
      const [x, y] = centre(add());
      for (let tap = 0; tap < 3; tap++) await sendMouse({ type: 'click', position: [x, y] });
      await settled(form);
      expect(list.shadowRoot!.querySelectorAll('fieldset.companion').length).to.equal(3);
      expect(centre(add())[1], 'the button did not move on screen').to.be.closeTo(y, 2);
    } finally {
      spacer.remove();
    }
  });

  it('choosing a file and its upload do not move what is below, and focus stays on the choose/replace button', async () => {
    const form = await mount();
    const field = $(form, '#subjectLetter');
    const below = $(form, '#idCopy');
    // How far below the field the next field starts: scrolling moves both, growth moves only it.
    const top = () => Math.round(below.getBoundingClientRect().top - field.getBoundingClientRect().top);
    const start = top();
    const seen: Array<[string, number]> = [];
    field.addEventListener('emirate-file-change', async (e) => {
      await settled(form);
      seen.push([(e as CustomEvent<{ value: { status: string } | null }>).detail.value?.status ?? 'none', top()]);
    });
    const choose = field.shadowRoot!.querySelector<HTMLButtonElement>('button.choose')!;
    choose.focus();
    mockBackend.setScenario('slow-network');
    pickFile(field, fileOf('pdf', 'a-letter-with-a-rather-long-name-that-would-wrap-on-a-phone-screen.pdf'));
    await until(() => seen.some(([status]) => status === 'uploading'), 'the upload to start', 8000);
    await until(() => visibleText(field).includes('جاهز'), 'the upload to finish', 8000);
    await settled(form);
    expect(seen.map(([status]) => status)).to.include.members(['checking', 'uploading', 'ready']);
    for (const [status, at] of seen) expect(at, `below the field while ${status}`).to.equal(start);
    expect(top()).to.equal(start);
    expect(field.shadowRoot!.activeElement === choose, 'focus on the same button').to.equal(true);
    expect(choose.textContent).to.contain('استبدال');
    await expect(form).to.be.accessible();
  });

  it('from the keyboard, "+ Add companion" focuses the new companion\'s name', async () => {
    const form = await mount();
    const list = root(form).querySelector<CompanionList>('emirate-companion-list')!;
    list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click(); // a click with detail 0, as Enter gives
    await settled(form);
    const focused = list.shadowRoot!.activeElement as HTMLInputElement | null;
    expect(focused?.id).to.match(/^c-.+-fullName$/);
  });
});

describe('one tap does not lose a draft; the Nafath ID offers no "Change"', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  it('"Start again" asks first; "keep" keeps the draft, "yes" empties the form', async () => {
    const form = await mount();
    const saved = new Promise((resolve) => form.addEventListener('emirate-draft-saved', resolve, { once: true }));
    type($<HTMLTextAreaElement>(form, '#subject'), 'نص محفوظ');
    await saved;
    form.remove();
    const again = await mount();
    await until(() => visibleText(again).includes('استعدنا'), 'the restored notice');
    root(again).querySelector<HTMLButtonElement>('button.discard')!.click();
    await settled(again);
    expect(root(again).activeElement?.id, 'focus on the question').to.equal('discard-question');
    expect($<HTMLTextAreaElement>(again, '#subject').value, 'nothing deleted yet').to.equal('نص محفوظ');
    await expect(again).to.be.accessible();

    [...root(again).querySelectorAll<HTMLButtonElement>('.discard-confirm button')].find((b) => b.textContent!.includes('لا'))!.click();
    await settled(again);
    expect($<HTMLTextAreaElement>(again, '#subject').value).to.equal('نص محفوظ');
    expect(root(again).activeElement === root(again).querySelector('button.discard'), 'focus back on the button').to.equal(true);

    root(again).querySelector<HTMLButtonElement>('button.discard')!.click();
    await settled(again);
    [...root(again).querySelectorAll<HTMLButtonElement>('.discard-confirm button')].find((b) => b.textContent!.includes('نعم'))!.click();
    await until(() => $<HTMLTextAreaElement>(again, '#subject').value === '', 'the form to be emptied');
  });

  it('the review has no "Change" for the ID number Nafath supplied, and one for every other answer', async () => {
    const form = await mount();
    await fillValid(form);
    await continueToReview(form);
    const rows = [...root(form).querySelectorAll('dl.review > div')];
    const idRow = rows.find((row) => row.querySelector('dt')!.textContent!.includes('رقم الهوية'))!;
    expect(idRow.querySelector('dd.change button')).to.equal(null);
    const others = rows.filter((row) => row !== idRow);
    expect(others.every((row) => row.querySelector('dd.change button'))).to.equal(true);
    await expect(form).to.be.accessible();
  });
});

describe('typing', () => {
  beforeEach(async () => {
    await clearAllDrafts();
    await setWidgetLocale('ar');
  });

  /** Counts the form's renders from now on. */
  function countRenders(form: BookingForm) {
    const count = { renders: 0 };
    const render = form.render.bind(form);
    (form as unknown as { render: () => unknown }).render = () => {
      count.renders++;
      return render();
    };
    return count;
  }

  /** Keys as a keyboard types them (the field keeps focus: no blur, unlike the type() helper). */
  async function keys(field: HTMLInputElement | HTMLTextAreaElement, texts: string[]) {
    field.focus();
    for (const text of texts) {
      field.value = text;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text.at(-1) }));
      // The microtasks after the key in which an update would otherwise run, and the next frame.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await frame();
    }
  }

  it('does not render the form while a field with no error shown is typed in; what follows from it shows at the pause', async () => {
    const form = await mount();
    const subject = $<HTMLTextAreaElement>(form, '#subject');
    const count = countRenders(form);
    await keys(subject, ['أ', 'أر', 'أرغ', 'أرغب']);
    expect(count.renders, 'renders while typing (a frame after each key)').to.equal(0);
    expect(subject.value).to.equal('أرغب');
    // The count under the subject follows once the typing pauses, with one render.
    await until(() => visibleText(form).includes('واضح. 4 من'), 'the count at the pause');
    expect(count.renders, 'renders at the pause').to.equal(1);
    expect(document.activeElement === form && root(form).activeElement === subject, 'focus stays in the subject').to.equal(true);
    // Another field is as quiet (leaving the subject renders: a left field may show its error).
    const mobile = $<HTMLInputElement>(form, '#mobile');
    mobile.focus();
    await settled(form);
    const before = count.renders;
    await keys(mobile, ['5', '51']);
    expect(count.renders, 'renders while typing the mobile').to.equal(before);
    await expect(form).to.be.accessible();
  });

  it('a keystroke shows at once for whoever awaits updateComplete', async () => {
    const form = await mount();
    const subject = $<HTMLTextAreaElement>(form, '#subject');
    const count = countRenders(form);
    await keys(subject, ['أ', 'أر']);
    expect(count.renders).to.equal(0);
    await form.updateComplete;
    expect(count.renders, 'one render, at once').to.equal(1);
    expect(visibleText(form)).to.contain('واضح. 2 من');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(count.renders, 'nothing left for the pause').to.equal(1);
  });

  it('once a field shows its error, its typing renders once per frame (never inside a keystroke), and the message follows', async () => {
    const form = await mount();
    const email = $<HTMLInputElement>(form, '#email');
    type(email, 'not-an-email'); // typed and left: the field now shows its error
    await settled(form);
    expect(root(form).getElementById('email-error')?.textContent, 'the message once left').to.match(/\S/);
    const count = countRenders(form);
    email.focus();
    email.value = 'citizen@example.sa';
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'a' }));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(count.renders, 'renders inside the keystroke').to.equal(0);
    await frame();
    expect(count.renders, 'renders with the next frame').to.equal(1);
    expect(root(form).getElementById('email-error')?.textContent ?? '', 'the corrected email shows no message').to.not.match(/\S/);
    await expect(form).to.be.accessible();
  });

  it('once laid out in full, the parts below the first screen are skipped off screen, and nothing moves when they are', async () => {
    await setViewport({ width: 375, height: 700 });
    const form = await mount();
    const formEl = root(form).querySelector('form')!;
    const tops = () => [...root(form).querySelectorAll('h3, #declaration, [part=submit]')].map((e) => Math.round(e.getBoundingClientRect().top + scrollY));
    await until(() => formEl.classList.contains('parted'), 'the parts to be skippable');
    await frame();
    const skipped = tops();
    // The same form with every part laid out: each heading is where it is with parts skipped.
    formEl.classList.remove('parted');
    await frame();
    const before = tops();
    formEl.classList.add('parted');
    await frame();
    expect(skipped, 'every heading where it is when nothing is skipped').to.deep.equal(before);
    expect(tops()).to.deep.equal(before);
    const parts = [...root(form).querySelectorAll('.part')];
    expect(parts.length).to.be.greaterThan(2);
    if (CSS.supports('content-visibility', 'auto')) {
      for (const part of parts) expect(getComputedStyle(part).contentVisibility).to.equal('auto');
    }
    // Typed near the top, then the last part scrolled to: each still holds its content, in place.
    const mobile = $<HTMLInputElement>(form, '#mobile');
    type(mobile, '512345678');
    await settled(form);
    expect(tops()).to.deep.equal(before);
    $(form, '#declaration').scrollIntoView();
    await frame();
    expect(tops()).to.deep.equal(before);
    await expect(form).to.be.accessible();
  });

  it('typing in the subject re-renders no attachment field: what they are given is unchanged', async () => {
    const form = await mount();
    const fields = [...root(form).querySelectorAll<HTMLElement & { update: (changed: unknown) => void }>('emirate-file-field')];
    expect(fields.length, 'the attachment fields').to.be.greaterThan(1);
    let updates = 0;
    for (const field of fields) {
      const update = field.update.bind(field);
      field.update = (changed) => {
        updates++;
        update(changed);
      };
    }
    const subject = $<HTMLTextAreaElement>(form, '#subject');
    subject.focus();
    for (const text of ['أ', 'أر', 'أرغ']) {
      type(subject, text);
      await frame();
    }
    await settled(form);
    expect(visibleText(form)).to.contain('واضح. 3 من');
    expect(updates, 'attachment field updates while typing').to.equal(0);
  });

  it('typing in a companion renders the companion list alone until errors are shown; then the summary follows it', async () => {
    const form = await mount();
    const list = root(form).querySelector<CompanionList>('emirate-companion-list')!;
    list.shadowRoot!.querySelector<HTMLButtonElement>('button.add')!.click();
    await settled(form);
    const name = list.shadowRoot!.activeElement as HTMLInputElement;
    expect(name.id).to.match(/^c-.+-fullName$/);
    let renders = 0;
    const render = form.render.bind(form);
    (form as unknown as { render: () => unknown }).render = () => {
      renders++;
      return render();
    };
    for (const text of ['س', 'سا', 'سال']) {
      type(name, text);
      await frame();
    }
    await settled(form);
    expect(renders, 'form renders while a companion is typed').to.equal(0);
    expect(name.value).to.equal('سال');
    expect(list.value.map((c) => c.fullName)).to.deep.equal(['سال']);
    // "Continue" shows every error: the companion's name is among them, at its link.
    await continueToReview(form);
    const nameLink = () => root(form).querySelector(`.error-summary a[href="#companions.0.fullName"]`);
    expect(nameLink() !== null, 'the companion name in the summary').to.equal(true);
    const before = renders;
    type(name, 'سالم عبدالله سعيد القحطاني');
    await frame();
    await settled(form);
    expect(renders, 'the form renders once errors are shown').to.be.greaterThan(before);
    expect(nameLink() === null, 'the corrected name leaves the summary').to.equal(true);
    expect(root(form).querySelector('.error-summary') !== null, 'the other errors stay').to.equal(true);
    await expect(form).to.be.accessible();
  });

  it('keeps the draft once the typing pauses: never while keys come within the quiet time, once after it', async () => {
    const form = await mount();
    const subject = $<HTMLTextAreaElement>(form, '#subject');
    subject.focus();
    const saves: number[] = [];
    form.addEventListener('emirate-draft-saved', () => saves.push(performance.now()));
    // A first save, so the draft store is open and its keys are made before the clock matters.
    type(subject, 'م');
    await until(() => saves.length > 0, 'the first save');
    saves.length = 0;
    subject.focus();
    let text = 'م';
    const keys: number[] = [];
    // Seven keys 150 ms apart: about 900 ms of typing, longer than the 600 ms quiet time.
    for (const key of 'راجعة ب') {
      text += key;
      subject.value = text;
      subject.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: key }));
      keys.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await until(() => saves.some((t) => t > keys.at(-1)!), 'the save after the pause');
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Every save came a full quiet time after the key before it (on a slow machine a gap between
    // two keys may itself be a pause), and the last pause made one save.
    for (const save of saves) expect(save - keys.filter((k) => k < save).at(-1)!, 'quiet time before a save').to.be.at.least(590);
    expect(saves.filter((t) => t > keys.at(-1)!).length, 'one save for the last pause').to.equal(1);
  });

  it('a choice made right after typing renders at once, and takes the typing along', async () => {
    const form = await mount();
    const email = $<HTMLInputElement>(form, '#email');
    email.focus();
    email.value = 'citizen@example.sa';
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'a' }));
    const before = select(form, 'destination').options.length;
    // The keystroke's update is now waiting for the next frame; the choice comes in later.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    choose(select(form, 'appointmentType'), optionByText(select(form, 'appointmentType'), 'إدارة محددة'));
    // No frame: only the microtasks in which Lit renders a change.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(select(form, 'destination').options.length, 'the departments to choose from').to.be.greaterThan(before);
    expect(email.value).to.equal('citizen@example.sa');
    await settled(form);
    await expect(form).to.be.accessible();
  });
});
