/**
 * A small RFC 5545 (iCalendar) writer for the calendar feeds and single-event downloads: CRLF line
 * endings, lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, all
 * times in UTC ("20270114T090000Z") so no VTIMEZONE is needed.
 */

export interface IcsEvent {
  /** Globally unique and stable for the life of the event: "<appointment id>@undercurrent". */
  uid: string;
  /** Bumped on every change a calendar app must pick up (RFC 5545, 3.8.7.4). */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  lastModified: Date;
  url?: string;
}

export interface CalendarInput {
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME, NAME). */
  name: string;
  events: readonly IcsEvent[];
  /** DTSTAMP: when this iCalendar object was made (RFC 5545, 3.8.7.2); by default now. */
  now?: Date;
}

export const PRODID = '-//Undercurrent//Therapy frame//EN';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A UTC date-time in iCalendar form: 20270114T090000Z. */
export function icsDateTime(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('An iCalendar date-time needs a valid Date.');
  const iso = date.toISOString(); // 2027-01-14T09:00:00.000Z
  if (iso.length !== 24) throw new RangeError(`${iso} is outside the years iCalendar can hold.`);
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

// Control characters other than tab, line feed and carriage return: not allowed in iCalendar text.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(FORBIDDEN_CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value: not escaped (commas and semicolons are part of URIs), but no controls or spaces at the ends. */
function uriValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001F\u007F]/g, '').trim();
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * One content line folded (RFC 5545, 3.1): no physical line longer than 75 octets of UTF-8, a
 * continuation starting with a single space, and never a break inside a character.
 */
export function foldLine(line: string): string {
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    octets += utf8Length(line.charCodeAt(i));
    if (octets > MAX_OCTETS) break;
  }
  if (octets <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = '';
  let used = 0;
  let limit = MAX_OCTETS; // the first line; continuations lose one octet to the leading space
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (used + size > limit) {
      out.push(current);
      current = '';
      used = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    used += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`SEQUENCE must be a whole number of at least 0, not ${event.sequence}.`);
  }
  if (!(event.end.getTime() > event.start.getTime())) {
    throw new RangeError(`Event ${event.uid} must end after it starts.`);
  }
  const lines = [
    'BEGIN:VEVENT',
    property('UID', escapeText(event.uid)),
    property('SEQUENCE', String(event.sequence)),
    property('DTSTAMP', stamp),
    property('DTSTART', icsDateTime(event.start)),
    property('DTEND', icsDateTime(event.end)),
    property('STATUS', event.status),
    property('SUMMARY', escapeText(event.summary)),
  ];
  if (event.location !== undefined && event.location !== '')
    lines.push(property('LOCATION', escapeText(event.location)));
  if (event.description !== undefined && event.description !== '') {
    lines.push(property('DESCRIPTION', escapeText(event.description)));
  }
  if (event.url !== undefined && event.url !== '') lines.push(property('URL', uriValue(event.url)));
  lines.push(property('LAST-MODIFIED', icsDateTime(event.lastModified)));
  lines.push(property('TRANSP', event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'));
  lines.push('END:VEVENT');
  return lines;
}

/**
 * A whole iCalendar object (VCALENDAR with one VEVENT per event), ready to send as text/calendar:
 * CRLF line endings, folded lines, and a final CRLF.
 */
export function buildCalendar(input: CalendarInput): string {
  const stamp = icsDateTime(input.now ?? new Date());
  const name = escapeText(input.name);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', PRODID),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', name),
    property('NAME', name),
    // How often a subscribing app should look again (RFC 7986 and the older Microsoft extension).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const event of input.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
