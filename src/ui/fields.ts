/**
 * Templates for labelled form fields, so every field of every form has the same structure:
 * a label, an optional hint, the control, and an error that the control names with
 * `aria-describedby` and flags with `aria-invalid`. Views only: values come in, intents go out.
 */
import { html, isServer, noChange, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';

/**
 * A radio's or checkbox's `checked`: on a server, nothing when unchecked (@lit-labs/ssr writes
 * the property as an attribute, and `checked="false"` would check it).
 */
const checked = (on: boolean) => (isServer && !on ? noChange : live(on));

export interface Choice {
  id: string;
  label: string;
  /** The label's language when it is not the interface's (a catalog without this language). */
  lang?: string;
}

interface FieldBase {
  /** The control's id; the error summary links to it. */
  id: string;
  label: string;
  required?: boolean;
  /** The translated error message, or empty. */
  error?: string;
  hint?: string | TemplateResult;
}

const describedBy = (o: FieldBase) =>
  [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ') || undefined;

const requiredMark = (required?: boolean) => (required ? html` <span class="req" aria-hidden="true">*</span>` : nothing);

const hintAndError = (o: FieldBase) => html`
  ${o.hint ? html`<span class="hint" id="${o.id}-hint">${o.hint}</span>` : nothing}
  ${o.error ? html`<span class="error" id="${o.id}-error">${o.error}</span>` : nothing}
`;

export interface TextFieldOptions extends FieldBase {
  value: string;
  type?: 'text' | 'email' | 'tel';
  inputmode?: 'text' | 'numeric' | 'email' | 'tel';
  autocomplete?: string;
  readonly?: boolean;
  multiline?: boolean;
  /** Text shown before the control, e.g. the fixed `966` of a mobile number. */
  prefix?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  /** The value's language when it is not the interface's (a Nafath name in Arabic in the English form). */
  lang?: string;
  /** Id of a `<datalist>` of suggestions. */
  list?: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

export function textField(o: TextFieldOptions): TemplateResult {
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = o.multiline
    ? html`<textarea
        id=${o.id}
        name=${o.id}
        .value=${live(o.value)}
        dir=${ifDefined(o.dir)}
        ?required=${o.required}
        ?readonly=${o.readonly}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o))}
        @input=${onInput}
        @blur=${o.onBlur}
      ></textarea>`
    : html`<input
        id=${o.id}
        name=${o.id}
        type=${o.type ?? 'text'}
        .value=${live(o.value)}
        inputmode=${ifDefined(o.inputmode)}
        autocomplete=${ifDefined(o.autocomplete)}
        dir=${ifDefined(o.dir)}
        lang=${ifDefined(o.lang)}
        list=${ifDefined(o.list)}
        ?required=${o.required}
        ?readonly=${o.readonly}
        aria-readonly=${ifDefined(o.readonly ? 'true' : undefined)}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o))}
        @input=${onInput}
        @blur=${o.onBlur}
      />`;
  return html`
    <div class="field">
      <label for=${o.id}>${o.label}${requiredMark(o.required)}</label>
      ${o.prefix ? html`<div class="prefixed" dir="ltr"><span class="prefix">${o.prefix}</span>${control}</div>` : control}
      ${hintAndError(o)}
    </div>
  `;
}

export interface SelectFieldOptions extends FieldBase {
  value: string;
  options: Choice[];
  onChange: (value: string) => void;
  onBlur?: () => void;
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  return html`
    <div class="field">
      <label for=${o.id}>${o.label}${requiredMark(o.required)}</label>
      <select
        id=${o.id}
        name=${o.id}
        ?required=${o.required}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o))}
        @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
        @blur=${o.onBlur}
      >
        <option value="" ?selected=${!o.value}>${msg('اختر')}</option>
        ${o.options.map((c) => html`<option value=${c.id} lang=${ifDefined(c.lang)} ?selected=${c.id === o.value}>${c.label}</option>`)}
      </select>
      ${hintAndError(o)}
    </div>
  `;
}

export interface ChoiceGroupOptions extends FieldBase {
  /** Radios: the chosen id. Checkboxes: the chosen ids. */
  value: string | string[];
  options: Choice[];
  onChange: (value: string | string[]) => void;
}

/** A radio group (single `value`) or a checkbox group (array `value`) in a fieldset. */
export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const multiple = Array.isArray(o.value);
  const chosen = (id: string) => (multiple ? (o.value as string[]).includes(id) : o.value === id);
  const toggle = (id: string, checked: boolean) => {
    if (!multiple) return o.onChange(id);
    const current = o.value as string[];
    o.onChange(checked ? [...current, id] : current.filter((v) => v !== id));
  };
  return html`
    <fieldset
      class="field"
      role=${multiple ? 'group' : 'radiogroup'}
      aria-invalid=${ifDefined(multiple ? undefined : o.error ? 'true' : 'false')}
      aria-describedby=${ifDefined(describedBy(o))}
      aria-required=${ifDefined(!multiple && o.required ? 'true' : undefined)}
    >
      <legend>${o.label}${requiredMark(o.required)}</legend>
      <div class="choices">
        ${o.options.map(
          (c, i) => html`<label class="choice">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              id=${i === 0 ? o.id : `${o.id}-${c.id}`}
              name=${o.id}
              value=${c.id}
              .checked=${checked(chosen(c.id))}
              @change=${(e: Event) => toggle(c.id, (e.target as HTMLInputElement).checked)}
            /><span lang=${ifDefined(c.lang)}>${c.label}</span>
          </label>`,
        )}
      </div>
      ${hintAndError(o)}
    </fieldset>
  `;
}

export interface CheckboxOptions extends FieldBase {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function checkboxField(o: CheckboxOptions): TemplateResult {
  return html`
    <div class="field">
      <label class="choice">
        <input
          type="checkbox"
          id=${o.id}
          name=${o.id}
          .checked=${checked(o.checked)}
          ?required=${o.required}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(o))}
          @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
        />
        <span>${o.label}${requiredMark(o.required)}</span>
      </label>
      ${hintAndError(o)}
    </div>
  `;
}
