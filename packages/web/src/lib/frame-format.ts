/**
 * Dates, times and money for the therapy frame. A session is agreed at a wall time in the
 * therapist's zone; each reader sees it in their own zone, and the zone is named whenever it
 * differs from the session's, so "09:00" is never ambiguous.
 */
const LOCALE = 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** The reader's zone: the one they chose, else the browser's. */
export function readerZone(chosen?: string | null): string {
  return chosen || Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';
}

/** "Thursday 14 January 2027". */
export function formatDayLong(instant: string | Date, zone: string): string {
  return formatter(zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant));
}

/** "Thu 14 Jan". */
export function formatDayShort(instant: string | Date, zone: string): string {
  return formatter(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(instant));
}

/** "09:00". */
export function formatTime(instant: string | Date, zone: string): string {
  return formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** "09:00–09:50". */
export function formatTimeRange(startsAt: string, endsAt: string, zone: string): string {
  return `${formatTime(startsAt, zone)}–${formatTime(endsAt, zone)}`;
}

/** "London time" style name of a zone: the city part of the IANA name. */
export function zoneLabel(zone: string): string {
  const city = zone.split('/').pop() ?? zone;
  return `${city.replace(/_/g, ' ')} time`;
}

/** A calendar date "2027-01-14" as "Thursday 14 January 2027" (no zone: it is a date, not an instant). */
export function formatIsoDate(date: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return style === 'long' ? formatDayLong(utc, 'UTC') : formatDayShort(utc, 'UTC');
}

/** "£70.00" (negative: "−£70.00"). */
export function formatMoney(pence: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(pence / 100);
}

/** Today's date in a zone, "2027-01-14". */
export function todayIn(zone: string, now: Date = new Date()): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Adds days to an ISO date. */
export function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return utc.toISOString().slice(0, 10);
}

/** The Monday on or before an ISO date. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay(); // 0 = Sunday
  return addDaysIso(date, -((weekday + 6) % 7));
}
