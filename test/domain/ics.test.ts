import { expect } from '@open-wc/testing';
import { escapeText, foldLine, visitCalendar } from '../../src/domain/ics.js';

/** A small RFC 5545 reader: unfolds, splits into properties with parameters, unescapes TEXT. */
function parse(ics: string) {
  expect(ics.endsWith('\r\n'), 'ends with CRLF').to.equal(true);
  expect(/(?<!\r)\n/.test(ics), 'every line ends in CRLF').to.equal(false);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) expect(new TextEncoder().encode(line).length, `"${line}" fits 75 octets`).to.be.at.most(75);
  const unfolded = ics.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
  const props = unfolded.map((line) => {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [name, ...params] = line.slice(0, colon).split(';');
    const raw = line.slice(colon + 1);
    const value = raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    return { name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value };
  });
  const within = (component: string) => {
    const start = props.findIndex((p) => p.name === 'BEGIN' && p.value === component);
    const end = props.findIndex((p, i) => i > start && p.name === 'END' && p.value === component);
    expect(start, `BEGIN:${component}`).to.be.at.least(0);
    return props.slice(start + 1, end);
  };
  return { props, within };
}

const base = {
  requestNumber: '00069',
  at: '2026-12-09T06:30:00.000Z',
  location: 'البوابة الشمالية',
  summary: 'موعد في الإمارة',
  description: 'رقم الطلب: 00069',
  reminder: 'تذكير: موعدك في الإمارة غدًا',
  locale: 'ar' as const,
  now: new Date('2026-12-03T07:00:00Z'),
};

describe('visitCalendar (.ics, RFC 5545)', () => {
  it('reads back: the appointment in Asia/Riyadh with its VTIMEZONE, the gate as location, the number in the description, a reminder the day before', () => {
    const { props, within } = parse(visitCalendar(base));
    expect(props[0]).to.deep.include({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(props.find((p) => p.name === 'VERSION')!.value).to.equal('2.0');
    expect(props.find((p) => p.name === 'PRODID')).to.not.equal(undefined);
    const tz = within('VTIMEZONE');
    expect(tz.find((p) => p.name === 'TZID')!.value).to.equal('Asia/Riyadh');
    expect(tz.find((p) => p.name === 'TZOFFSETTO')!.value).to.equal('+0300');
    const event = within('VEVENT');
    const get = (name: string) => event.find((p) => p.name === name)!;
    expect(get('DTSTART').params).to.deep.equal({ TZID: 'Asia/Riyadh' });
    expect(get('DTSTART').value, '06:30 UTC is 09:30 in Riyadh').to.equal('20261209T093000');
    expect(get('DTEND').value).to.equal('20261209T103000');
    expect(get('DTSTAMP').value).to.equal('20261203T070000Z');
    expect(get('LOCATION').value).to.equal('البوابة الشمالية');
    expect(get('LOCATION').params).to.deep.equal({ LANGUAGE: 'ar' });
    expect(get('DESCRIPTION').value).to.contain('00069');
    expect(get('SUMMARY').value).to.equal('موعد في الإمارة');
    const alarm = within('VALARM');
    expect(alarm.find((p) => p.name === 'TRIGGER')!.value).to.equal('-P1D');
    expect(alarm.find((p) => p.name === 'ACTION')!.value).to.equal('DISPLAY');
    expect(alarm.find((p) => p.name === 'DESCRIPTION')!.value).to.equal(base.reminder);
  });

  it('has a stable UID: the same request gives the same event, another request another', () => {
    const uid = (input: typeof base) => parse(visitCalendar(input)).within('VEVENT').find((p) => p.name === 'UID')!.value;
    expect(uid(base)).to.equal(uid({ ...base, at: '2026-12-10T08:00:00.000Z', now: new Date() }));
    expect(uid(base)).to.not.equal(uid({ ...base, requestNumber: '00070' }));
    expect(uid(base)).to.match(/^appointment-00069@/);
  });

  it('escapes commas, semicolons, backslashes and line breaks, and folds long Arabic text without splitting a letter', () => {
    const location = 'بوابة 3، المبنى الرئيسي; الدور الأول, القاعة \\ب\nيمين المدخل';
    const description = `رقم الطلب: 00069. ${'يرجى الحضور قبل الموعد بخمس عشرة دقيقة ومعك الهوية الوطنية. '.repeat(4)}`;
    const { within } = parse(visitCalendar({ ...base, location, description }));
    const event = within('VEVENT');
    expect(event.find((p) => p.name === 'LOCATION')!.value).to.equal(location);
    expect(event.find((p) => p.name === 'DESCRIPTION')!.value).to.equal(description);
  });

  it('escapeText and foldLine follow §3.3.11 and §3.1', () => {
    expect(escapeText('a,b;c\\d\r\ne\nf')).to.equal('a\\,b\\;c\\\\d\\ne\\nf');
    const long = `DESCRIPTION:${'ب'.repeat(100)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).to.be.greaterThan(2);
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).to.equal(true);
    expect(folded.replace(/\r\n /g, '')).to.equal(long);
    expect(foldLine('SHORT:ok')).to.equal('SHORT:ok');
  });
});
