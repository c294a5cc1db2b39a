/**
 * Dates and groupings for the journal, in the reader's own time zone (an entry is written at an
 * instant; the person sees it on the day it was for them).
 */
import type { EntrySummary } from '../../api/journal-types';

const LOCALE = 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone ?? ''}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, zone ? { ...options, timeZone: zone } : options);
    formatters.set(key, found);
  }
  return found;
}

/** "2027-03" for an instant, in the reader's zone. */
export function monthKey(instant: string, zone?: string): string {
  const parts = formatter(zone, { year: 'numeric', month: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/** "March 2027" for a month key. */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return formatter('UTC', { month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 15)));
}

/** "Thursday, 14 January" (the year is in the month heading above it). */
export function dayInMonth(instant: string, zone?: string): string {
  return formatter(zone, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(instant));
}

/** "14 January 2027". */
export function dayLong(instant: string, zone?: string): string {
  return formatter(zone, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant));
}

/** "14 January 2027 at 23:40". */
export function dayAndTime(instant: string, zone?: string): string {
  const time = formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
  return `${dayLong(instant, zone)} at ${time}`;
}

/** "Thursday, 14 January 2027" for a calendar date such as a dream's night ("2027-01-14"). */
export function calendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return formatter('UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)),
  );
}

export interface MonthGroup<T> {
  key: string;
  label: string;
  entries: T[];
}

/** Entries (already newest first) in month groups, keeping their order. */
export function groupByMonth<T extends Pick<EntrySummary, 'createdAt'>>(entries: T[], zone?: string): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const entry of entries) {
    const key = monthKey(entry.createdAt, zone);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.entries.push(entry);
    else groups.push({ key, label: monthLabel(key), entries: [entry] });
  }
  return groups;
}

/** Whole minutes, rounded, never less than one for any time at all. */
export function minutesOf(seconds: number): number {
  if (seconds <= 0) return 0;
  return Math.max(1, Math.round(seconds / 60));
}
