/**
 * The words of the citizen's preferred time (#14): working days and parts of the day, for the
 * form's choices, the review and the summary. Loaded with the rest of the form, not on its first screen.
 */
import { msg } from '@lit/localize';
import type { DayPart, TimePreference, Weekday } from '../api/types.js';

export const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];
export const DAY_PARTS: DayPart[] = ['early', 'midday', 'late'];

export function weekdayLabel(day: Weekday): string {
  switch (day) {
    case 'sun':
      return msg('الأحد');
    case 'mon':
      return msg('الاثنين');
    case 'tue':
      return msg('الثلاثاء');
    case 'wed':
      return msg('الأربعاء');
    default:
      return msg('الخميس');
  }
}

export function dayPartLabel(part: DayPart): string {
  switch (part) {
    case 'early':
      return msg('بداية الدوام (قبل 10:00)');
    case 'midday':
      return msg('منتصف الدوام (10:00–12:00)');
    default:
      return msg('آخر الدوام (بعد 12:00)');
  }
}

/** "الأحد، الثلاثاء · بداية الدوام (قبل 10:00)": the days, then the parts; "any" for an empty list. */
export function preferenceText(preference: TimePreference): string {
  const list = (labels: string[], any: string) => (labels.length ? labels.join(msg('، ')) : any);
  return `${list(preference.days.map(weekdayLabel), msg('أي يوم'))} · ${list(preference.parts.map(dayPartLabel), msg('أي وقت'))}`;
}
