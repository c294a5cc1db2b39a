/** The few scales and labels the patterns charts share (pure, tested in chart-scales.test.ts). */

/** A linear scale from [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

const DAY = 86_400_000;
/** Days since the epoch of a YYYY-MM-DD date. */
export const dayNumber = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY;

/** Every month (YYYY-MM) from the first to the last, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** A label cut to fit a chart's label column; the full label is in the table. */
export const clip = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** "3 Mar 2026" from a YYYY-MM-DD date. */
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const shortDate = (date: string) => SHORT.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
