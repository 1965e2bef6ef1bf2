/**
 * "Add to calendar" (#14): the appointment as an iCalendar file (RFC 5545), with no DOM. Loaded
 * only when the citizen asks for it.
 *
 * - Lines end in CRLF and are folded at 75 octets of UTF-8 (never inside a character), the
 *   continuation starting with a space (§3.1).
 * - TEXT values escape `\`, `;`, `,` and line breaks (§3.3.11).
 * - The UID is the request's, so a second download of the same request (after staff moved it)
 *   updates the event instead of adding another.
 * - Times are in Asia/Riyadh, with its VTIMEZONE (+03:00 all year, no daylight saving since
 *   1950), so calendars show the gate's local time wherever the phone is.
 * - A reminder (VALARM) the day before.
 */
import { RIYADH } from './hijri.js';

export interface VisitCalendarInput {
  requestNumber: string;
  /** ISO date-time of the appointment. */
  at: string;
  /** How long to block in the calendar, in minutes; default 60. */
  minutes?: number;
  /** The gate, shown as the location. */
  location: string;
  summary: string;
  /** Holds the request number. */
  description: string;
  /** The reminder's text. */
  reminder: string;
  locale: 'ar' | 'en';
  /** When the file is made (DTSTAMP); default now. */
  now?: Date;
}

const CRLF = '\r\n';
/** Riyadh's offset from UTC, in ms (UTC+3 all year). */
const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line at 75 octets of UTF-8, never splitting a character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20261209T063000Z` */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `20261209T093000`, the wall-clock time in Riyadh. */
function riyadhStamp(date: Date): string {
  return utcStamp(new Date(date.getTime() + RIYADH_OFFSET_MS)).replace('Z', '');
}

/** The appointment as an `.ics` file's text. */
export function visitCalendar(input: VisitCalendarInput): string {
  const start = new Date(input.at);
  const end = new Date(start.getTime() + (input.minutes ?? 60) * 60 * 1000);
  const language = `;LANGUAGE=${input.locale}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Emirate appointments//Visit//${input.locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    `TZID:${RIYADH}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0300',
    'TZOFFSETTO:+0300',
    'TZNAME:+03',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${escapeText(`appointment-${input.requestNumber}@emirate-appointments`)}`,
    `DTSTAMP:${utcStamp(input.now ?? new Date())}`,
    `DTSTART;TZID=${RIYADH}:${riyadhStamp(start)}`,
    `DTEND;TZID=${RIYADH}:${riyadhStamp(end)}`,
    `SUMMARY${language}:${escapeText(input.summary)}`,
    `LOCATION${language}:${escapeText(input.location)}`,
    `DESCRIPTION${language}:${escapeText(input.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P1D',
    `DESCRIPTION${language}:${escapeText(input.reminder)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
