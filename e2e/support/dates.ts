/** Calendar dates relative to the moment a test runs, as the app writes them. */

/** Today's date in a zone, "2027-01-14". */
export function isoToday(zone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The day the demo practice was seeded, in London: its entries, sessions and results are dated
 * relative to it. Seeded once per run (e2e/global-setup.ts), so it can be the day before the one a
 * spec runs on; a demo server seeded at its own start (no template) seeds on the day it starts.
 */
export function demoSeededOn(): string {
  return process.env.UC_E2E_DEMO_SEEDED_ON || isoToday('Europe/London');
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** ISO weekday (Monday 1 … Sunday 7) of a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7) + 1;
}

/** "Thursday 14 January 2027" as the app writes a calendar date (whatever this ICU does with commas). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)));
}
