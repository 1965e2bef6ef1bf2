/**
 * A preferred time (optional, #14): the working days and parts of the day that suit the
 * citizen. Staff still assign the appointment (guide §2); they see this with the request.
 */
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { DayPart, Weekday } from '../../../api/types.js';
import { DAY_PARTS, WEEKDAYS, dayPartLabel, weekdayLabel } from '../../../i18n/preference.js';
import { choiceGroup } from '../../../ui/fields.js';
import type { FormView } from './view.js';

export function preferenceSection(view: FormView) {
  return html`
    <h3>${msg('الوقت المفضل للموعد')}</h3>
    <p class="hint" id="preference-note">${msg('اختياري. تحدد الإمارة موعدك، وتراعي ما يناسبك قدر الإمكان.')}</p>
    ${choiceGroup({
      ...view.field('preferredDays'),
      label: msg('الأيام المناسبة'),
      required: false,
      options: WEEKDAYS.map((id) => ({ id, label: weekdayLabel(id) })),
      // Kept in the week's order, whatever order they were ticked in.
      onChange: (value) => view.set('preferredDays', WEEKDAYS.filter((d) => value.includes(d)) as Weekday[]),
    })}
    ${choiceGroup({
      ...view.field('preferredParts'),
      label: msg('الفترة المناسبة'),
      required: false,
      options: DAY_PARTS.map((id) => ({ id, label: dayPartLabel(id) })),
      onChange: (value) => view.set('preferredParts', DAY_PARTS.filter((p) => value.includes(p)) as DayPart[]),
    })}
  `;
}
