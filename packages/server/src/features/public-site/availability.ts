import type { Availability } from './public-site-schemas.js';

/**
 * A therapist's current availability for the public directory, worked out from their frame: the
 * working hours in their frame settings minus the weekly sessions already agreed (each open session
 * series, with the therapist's session length and minimum gap). Where a whole session still fits, the
 * day and part of the day (morning before 12:00, afternoon before 17:00, evening after) have space.
 *
 * Why derived rather than typed in: it cannot go stale. A client agreeing a Tuesday evening slot takes
 * that space off the public profile at once, and a therapist who forgets to update a sentence never
 * invites people to a full diary. One-off sessions (assessments, moved sessions) are left out: they do
 * not hold a weekly place. The therapist may add a sentence of their own beside it (a waiting list, a
 * reduced-fee place).
 */
export interface WorkingWindow {
  /** Monday = 1 … Sunday = 7 */
  weekday: number;
  start: string;
  end: string;
}

export interface WeeklySlot {
  weekday: number;
  localTime: string;
}

export interface AvailabilityInput {
  workingHours: WorkingWindow[];
  sessionMinutes: number;
  minGapMinutes: number;
  booked: WeeklySlot[];
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening';
const PARTS: PartOfDay[] = ['morning', 'afternoon', 'evening'];
const PLURAL: Record<PartOfDay, string> = { morning: 'mornings', afternoon: 'afternoons', evening: 'evenings' };
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const minutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const partOf = (start: number): PartOfDay => (start < 12 * 60 ? 'morning' : start < 17 * 60 ? 'afternoon' : 'evening');

/** For each part of the day, the weekdays (1–7) on which a whole session still fits. */
export function freeParts(input: AvailabilityInput): Record<PartOfDay, number[]> {
  const result: Record<PartOfDay, Set<number>> = { morning: new Set(), afternoon: new Set(), evening: new Set() };
  const length = input.sessionMinutes;
  const gap = input.minGapMinutes;
  for (const window of input.workingHours) {
    const from = minutes(window.start);
    const to = minutes(window.end);
    const busy = input.booked.filter((b) => b.weekday === window.weekday).map((b) => minutes(b.localTime));
    for (let start = from; start + length <= to; start += 5) {
      const clashes = busy.some((b) => start < b + length + gap && b < start + length + gap);
      if (!clashes) result[partOf(start)].add(window.weekday);
    }
  }
  return {
    morning: [...result.morning].sort(),
    afternoon: [...result.afternoon].sort(),
    evening: [...result.evening].sort(),
  };
}

/** "Monday", "Tuesday and Thursday", "Monday to Friday", "Monday, Wednesday and Friday". */
export function listDays(days: number[]): string {
  const names = days.map((d) => DAYS[d - 1] ?? '');
  const consecutive = days.length >= 3 && days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1);
  if (consecutive) return `${names[0]} to ${names[names.length - 1]}`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function describeAvailability(input: AvailabilityInput): Availability {
  if (input.workingHours.length === 0) {
    return { kind: 'ask', statement: 'Please ask the practice about current availability.' };
  }
  const free = freeParts(input);
  const phrases = PARTS.filter((part) => free[part].length > 0).map(
    (part) => `${listDays(free[part])} ${PLURAL[part]}`,
  );
  if (phrases.length === 0) return { kind: 'full', statement: 'No space at present.' };
  const joined = phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
  return { kind: 'space', statement: `Usually has space on ${joined}.` };
}
