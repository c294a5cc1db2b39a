import { strings } from '../strings';

const dateTime = new Intl.DateTimeFormat(strings.locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(strings.locale, { dateStyle: 'long' });

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** “26 Nov 2025, 14:05” in the reader’s time zone. */
export function formatDateTime(value: string | null | undefined, fallback: string = strings.common.never): string {
  const date = parse(value);
  return date ? dateTime.format(date) : fallback;
}

/** “26 November 2025”. */
export function formatDate(value: string | null | undefined, fallback: string = strings.common.never): string {
  const date = parse(value);
  return date ? dateOnly.format(date) : fallback;
}

/** A `<time dateTime>` value, or undefined when the value is not a date. */
export function isoOf(value: string | null | undefined): string | undefined {
  return parse(value)?.toISOString();
}
