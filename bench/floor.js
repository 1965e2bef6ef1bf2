// The floor's only script (see floor.html): companions by <template> cloning, the visit
// destination following the appointment type, belongings shown on "yes", and on submit native
// constraint validation (checkValidity) with an error summary, or the review.
const MAX_COMPANIONS = 20;
const form = document.querySelector('form');
const { appointmentType, destination } = form.elements;
const belongings = document.getElementById('belongings-group');
const list = document.getElementById('companions');
const template = document.getElementById('companion-template');
const addButton = document.getElementById('add-companion');
const summary = document.getElementById('error-summary');
const review = document.getElementById('review');

appointmentType.addEventListener('change', () => {
  const allowed = [...destination.options].filter((o) => o.value && o.dataset.type === appointmentType.value);
  for (const o of destination.options) if (o.value) o.hidden = o.disabled = !allowed.includes(o);
  if (allowed.length === 1) destination.value = allowed[0].value;
  else if (!allowed.some((o) => o.value === destination.value)) destination.value = '';
});

form.addEventListener('change', (event) => {
  if (event.target.name === 'hasBelongings') belongings.hidden = belongings.disabled = event.target.value !== 'yes';
});

function renumber() {
  [...list.children].forEach((companion, i) => {
    companion.querySelector('legend').textContent = `المرافق ${i + 1}`;
    companion.querySelector('.remove').textContent = `حذف المرافق ${i + 1}`;
    for (const input of companion.querySelectorAll('[data-field]')) input.name = `companions[${i}][${input.dataset.field}]`;
  });
  addButton.hidden = list.children.length >= MAX_COMPANIONS;
}

addButton.addEventListener('click', () => {
  const companion = template.content.firstElementChild.cloneNode(true);
  list.append(companion);
  renumber();
  companion.querySelector('input').focus();
});

list.addEventListener('click', (event) => {
  const remove = event.target.closest('.remove');
  if (!remove) return;
  remove.closest('fieldset').remove();
  renumber();
  (list.querySelector('input') ?? addButton).focus();
});

const labelOf = (control) =>
  (control.closest('fieldset.field')?.querySelector('legend') ?? control.closest('label') ?? form.querySelector(`label[for="${control.id}"]`))
    ?.textContent.replace('*', '')
    .trim();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.checkValidity()) {
    const invalid = [...form.elements].filter((c) => c.willValidate && !c.validity.valid);
    const seen = new Set();
    summary.querySelector('ul').replaceChildren(
      ...invalid
        .filter((c) => !seen.has(c.name) && seen.add(c.name))
        .map((c) => Object.assign(document.createElement('li'), { textContent: `${labelOf(c)}: ${c.validationMessage}` })),
    );
    summary.hidden = false;
    summary.focus();
    return;
  }
  const rows = [];
  for (const [name, value] of new FormData(form)) {
    const control = form.elements[name] instanceof RadioNodeList ? form.elements[name][0] : form.elements[name];
    rows.push(Object.assign(document.createElement('dt'), { textContent: labelOf(control) ?? name }));
    rows.push(Object.assign(document.createElement('dd'), { textContent: value instanceof File ? value.name : value }));
  }
  review.querySelector('dl').replaceChildren(...rows);
  summary.hidden = true;
  form.hidden = true;
  review.hidden = false;
  review.querySelector('h2').focus();
});
