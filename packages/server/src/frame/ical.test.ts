import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsDateTime, type IcsEvent } from './ical.js';

const now = new Date('2027-01-10T12:00:00Z');

const weekly: IcsEvent = {
  uid: '6f1c7d0e-1111-4222-8333-944455556666@undercurrent',
  sequence: 0,
  start: new Date('2027-01-14T09:00:00Z'),
  end: new Date('2027-01-14T09:50:00Z'),
  summary: 'Session with Dr Ada Lovelace',
  location: 'Room 2, 12 High St',
  description: 'Line one\nLine two; with a semicolon, a comma and a backslash \\',
  status: 'CONFIRMED',
  lastModified: new Date('2027-01-02T08:30:00Z'),
  url: 'https://undercurrent.example/sessions?x=1,2;y=3',
};

const cancelled: IcsEvent = {
  uid: '7a2d8e1f-2222-4333-8444-a55566667777@undercurrent',
  sequence: 3,
  start: new Date('2027-07-15T08:00:00Z'),
  end: new Date('2027-07-15T08:50:00Z'),
  summary: 'Session — Zoë Ångström-Øyelaran',
  status: 'CANCELLED',
  lastModified: new Date('2027-07-01T10:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        startIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
        status: vevent.getFirstPropertyValue('status'),
        summary: event.summary,
        location: event.location,
        description: event.description,
        url: vevent.getFirstPropertyValue('url'),
        lastModified: (vevent.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
        stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
      };
    }),
  };
}

/** Physical lines (without their CRLF) and checks that every line ends with CRLF and nothing else. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}

describe('buildCalendar', () => {
  it('writes a calendar that ical.js reads back exactly', () => {
    const text = buildCalendar({ name: 'Undercurrent: sessions', events: [weekly, cancelled], now });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Undercurrent//Therapy frame//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Undercurrent: sessions');
    expect(events).toEqual([
      {
        uid: weekly.uid,
        sequence: 0,
        start: '2027-01-14T09:00:00.000Z',
        end: '2027-01-14T09:50:00.000Z',
        startIsUtc: true,
        status: 'CONFIRMED',
        summary: 'Session with Dr Ada Lovelace',
        location: 'Room 2, 12 High St',
        description: 'Line one\nLine two; with a semicolon, a comma and a backslash \\',
        url: 'https://undercurrent.example/sessions?x=1,2;y=3',
        lastModified: '2027-01-02T08:30:00.000Z',
        stamp: '2027-01-10T12:00:00.000Z',
      },
      {
        uid: cancelled.uid,
        sequence: 3,
        start: '2027-07-15T08:00:00.000Z',
        end: '2027-07-15T08:50:00.000Z',
        startIsUtc: true,
        status: 'CANCELLED',
        summary: 'Session — Zoë Ångström-Øyelaran',
        location: null,
        description: null,
        url: null,
        lastModified: '2027-07-01T10:00:00.000Z',
        stamp: '2027-01-10T12:00:00.000Z',
      },
    ]);
  });

  it('uses CRLF, UTC times and the RFC 5545 property forms', () => {
    const text = buildCalendar({ name: 'Sessions', events: [weekly], now });
    const lines = physicalLines(text);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Undercurrent//Therapy frame//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines).toContain('DTSTART:20270114T090000Z');
    expect(lines).toContain('DTEND:20270114T095000Z');
    expect(lines).toContain('DTSTAMP:20270110T120000Z');
    expect(lines).toContain('LAST-MODIFIED:20270102T083000Z');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('LOCATION:Room 2\\, 12 High St');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(text.split('\n').length).toBe(text.split('\r\n').length);
  });

  it('writes an empty calendar that still parses', () => {
    const { calendar, events } = parse(buildCalendar({ name: 'Nothing yet', events: [], now }));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Nothing yet');
  });

  it('folds long non-ASCII text at 75 octets without splitting a character, and ical.js unfolds it', () => {
    const summary = `Session — ${'Zoë Ångström 日本語のテキスト 🙂🌊 '.repeat(12)}end`;
    const description = `${'Ünïcödé, with; escapes\\ and\nnew lines 💬 '.repeat(10)}done`;
    const text = buildCalendar({
      name: 'Kalender für Zoë — 日本語',
      events: [{ ...weekly, summary, description }],
      now,
    });
    const lines = physicalLines(text);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Every physical line is whole UTF-8 on its own (no character split across a fold), and no
      // lone surrogate halves.
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    const { calendar, events } = parse(text);
    expect(events[0]?.summary).toBe(summary);
    expect(events[0]?.description).toBe(description);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Kalender für Zoë — 日本語');
  });

  it('round-trips any text through ical.js (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/\r\n?/g, '\n'));
    fc.assert(
      fc.property(
        text.filter((s) => s.trim().length > 0),
        text,
        fc.integer({ min: 0, max: 10_000 }),
        (summary, description, sequence) => {
          const event: IcsEvent = { ...weekly, summary, description, sequence };
          const out = buildCalendar({ name: summary, events: [event], now });
          for (const line of physicalLines(out)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          const parsed = parse(out).events[0];
          // Control characters other than line feeds are not allowed in iCalendar text: dropped.
          // eslint-disable-next-line no-control-regex
          const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
          expect(parsed?.summary).toBe(clean(summary));
          if (clean(description) !== '') expect(parsed?.description).toBe(clean(description));
          expect(parsed?.sequence).toBe(sequence);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses events that would make a broken calendar', () => {
    expect(() => buildCalendar({ name: 'x', events: [{ ...weekly, end: weekly.start }], now })).toThrow(RangeError);
    expect(() => buildCalendar({ name: 'x', events: [{ ...weekly, sequence: -1 }], now })).toThrow(RangeError);
    expect(() => buildCalendar({ name: 'x', events: [{ ...weekly, start: new Date(NaN) }], now })).toThrow(RangeError);
  });

  it('stamps the calendar with the current time by default', () => {
    const before = Date.now();
    const { events } = parse(buildCalendar({ name: 'x', events: [weekly] }));
    expect(Date.parse(events[0]!.stamp)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });
});

describe('iCalendar pieces', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007 and tab\t')).toBe('bell and tab\t');
  });

  it('formats UTC date-times', () => {
    expect(icsDateTime(new Date('2027-01-14T09:00:00.000Z'))).toBe('20270114T090000Z');
    expect(icsDateTime(new Date('2027-10-31T00:30:59.999Z'))).toBe('20271031T003059Z');
  });

  it('folds only lines longer than 75 octets', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
    // 74 ASCII octets and then a 2-octet character: it moves whole to the next line.
    expect(foldLine(`${'x'.repeat(74)}é`)).toBe(`${'x'.repeat(74)}\r\n é`);
    // A 4-octet emoji is never split either.
    expect(foldLine(`${'x'.repeat(73)}🙂`)).toBe(`${'x'.repeat(73)}\r\n 🙂`);
  });
});
