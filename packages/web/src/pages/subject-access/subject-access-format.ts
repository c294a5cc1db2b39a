import { strings } from '../../strings';

const day = new Intl.DateTimeFormat(strings.locale, { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar date (2027-01-14) as “14 January 2027”, whatever the reader's zone. */
export function formatDay(isoDate: string | null | undefined, fallback = '—'): string {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return fallback;
  return day.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Today on the reader's calendar, as 2027-01-14 (the default for dates just past). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The ICO's rule, as the server computes it: the same date `months` later, or that month's last day. */
export function addCalendarMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}
