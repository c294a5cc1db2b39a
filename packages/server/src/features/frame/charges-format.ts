import { HttpError } from '../../access/errors.js';
import { isIsoDate, utcToLocal, zoneLabel } from '../../frame/zoned-time.js';

/**
 * Words for charges, breaks and absences: dates as a person reads them ("Thursday 14 January
 * 2027"), lists of dates, the notice a client was given, and checks on the calendar dates people
 * send. Plain en-GB, no clinical content (these words go into e-mails and the ledger).
 */
const DATE_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** "2027-01-14" → "Thursday 14 January 2027" (a calendar date: no zone involved). */
export function formatLongDate(date: string, withYear = true): string {
  const parts = Object.fromEntries(
    DATE_PARTS.formatToParts(new Date(`${date}T12:00:00Z`)).map((part) => [part.type, part.value]),
  );
  const day = `${parts.weekday} ${parts.day} ${parts.month}`;
  return withYear ? `${day} ${parts.year}` : day;
}

/**
 * Several dates in one phrase: "Monday 3 August and Thursday 6 August 2026" (the year once when
 * they share it), "Monday 28 December 2026 and Monday 4 January 2027" otherwise.
 */
export function formatDateList(dates: string[]): string {
  const unique = [...new Set(dates)].sort();
  const sameYear = unique.every((d) => d.slice(0, 4) === unique[0]?.slice(0, 4));
  const words = unique.map((d, i) => formatLongDate(d, !sameYear || i === unique.length - 1));
  return AND_LIST.format(words);
}

/** A wall-clock start "2027-01-14T09:00" → "Thursday 14 January 2027 at 09:00". */
export function formatLocalStart(localStart: string, zone: string): string {
  return `${formatLongDate(localStart.slice(0, 10))} at ${localStart.slice(11, 16)} ${zoneLabel(zone)}`;
}

/** An instant as the wall clock in `zone` shows it: "Thursday 14 January 2027 at 09:00". */
export function formatInstant(instant: Date, zone: string): string {
  const local = utcToLocal(instant, zone);
  return `${formatLongDate(local.date)} at ${local.time}`;
}

/** "You have been given 45 days' notice." — the days from today to the first affected date. */
export function noticeSentence(days: number): string {
  if (days <= 0) return 'We are sorry that this comes at such short notice.';
  return `You have been given ${days} ${days === 1 ? "day's" : "days'"} notice.`;
}

/** Refuses (400) a date that matches the pattern but is not on the calendar, like 2027-02-30. */
export function assertRealDate(field: string, value: string): void {
  if (!isIsoDate(value)) {
    throw new HttpError(400, `${field} is not a date on the calendar; use the form 2027-01-14.`, 'invalid_request');
  }
}

/** Refuses (400) a date range whose end is before its start, or which is longer than `maxDays`. */
export function assertDateRange(startsOn: string, endsOn: string, maxDays = 366): void {
  assertRealDate('startsOn', startsOn);
  assertRealDate('endsOn', endsOn);
  if (endsOn < startsOn) {
    throw new HttpError(400, 'The last day must be on or after the first day.', 'invalid_request');
  }
  const span = (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000;
  if (span >= maxDays) {
    throw new HttpError(400, `A period can be at most ${maxDays} days long.`, 'invalid_request');
  }
}

/** Fits free text into a ledger description (at most 300 characters). */
export function fitDescription(text: string): string {
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}
