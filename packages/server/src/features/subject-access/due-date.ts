/**
 * The calendar arithmetic of a subject access request, pure (no clock, no database).
 *
 * The ICO's rule: the time limit is one calendar month, counted from the day the request is received
 * — the corresponding calendar date in the next month; when the next month has no such date, the last
 * day of that month (received 31 January → due 28 February, or 29 in a leap year). A complex request
 * may be extended by up to two further months, so never beyond the same rule applied three months on.
 * (The ICO also moves a deadline that falls on a weekend or bank holiday to the next working day; the
 * product shows the strict date and leaves that leeway to the practice.)
 *
 * Dates are ISO calendar dates (YYYY-MM-DD) throughout.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function required(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`not a calendar date: ${text}`);
  return date;
}

/** The corresponding calendar date `months` later, or the last day of that month when it has none. */
export function addCalendarMonths(text: string, months: number): string {
  const date = required(text);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(date.day, daysInMonth(year, month)) });
}

/** The day a response is due: one calendar month after receipt. */
export function dueDateFor(receivedOn: string): string {
  return addCalendarMonths(receivedOn, 1);
}

/** The latest an extension may move the deadline to: two further months. */
export function latestExtendedDueDate(receivedOn: string): string {
  return addCalendarMonths(receivedOn, 3);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = required(from);
  const b = required(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Today's date on the wall calendar of a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export interface Deadline {
  /** The date that counts now: the extended one when there is an extension. */
  dueOn: string;
  /** Days left until it (0 on the day, negative once passed). */
  daysLeft: number;
  /** Past the deadline and still open. */
  overdue: boolean;
}

export function deadlineOf(dueOn: string, extendedDueOn: string | null, open: boolean, today: string): Deadline {
  const effective = extendedDueOn ?? dueOn;
  const daysLeft = daysBetween(today, effective);
  return { dueOn: effective, daysLeft, overdue: open && daysLeft < 0 };
}
