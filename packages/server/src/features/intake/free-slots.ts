import { addDays, localToUtc, todayIn, weekdayOf } from '../../frame/zoned-time.js';
import type { WorkingWindow } from '../public-site/availability.js';

/**
 * Real free times for a first consultation (pure): from tomorrow for `days` days, each start in the
 * therapist's working hours (every session length + gap from the window's start) that neither
 * overlaps nor crowds (minimum gap) anything already holding their time, on no day of a break (the
 * therapist's own, a practice closure or a bank holiday: no session takes place then).
 */
export interface SlotInput {
  zone: string;
  workingHours: WorkingWindow[];
  sessionMinutes: number;
  minGapMinutes: number;
  busy: { startsAt: Date; endsAt: Date }[];
  /** Breaks as local dates (YYYY-MM-DD, both ends included). */
  breaks?: { startsOn: string; endsOn: string }[];
  now: Date;
  days: number;
}

export function freeSlots(input: SlotInput): Date[] {
  const result: Date[] = [];
  const gapMs = input.minGapMinutes * 60_000;
  const lengthMs = input.sessionMinutes * 60_000;
  const today = todayIn(input.zone, input.now);
  for (let i = 1; i <= input.days; i += 1) {
    const date = addDays(today, i);
    if ((input.breaks ?? []).some((b) => b.startsOn <= date && date <= b.endsOn)) continue;
    const weekday = weekdayOf(date);
    for (const window of input.workingHours.filter((w) => w.weekday === weekday)) {
      const windowEnd = localToUtc(date, window.end, input.zone).getTime();
      let start = localToUtc(date, window.start, input.zone).getTime();
      for (; start + lengthMs <= windowEnd; start += lengthMs + gapMs) {
        const end = start + lengthMs;
        const clashes = input.busy.some(
          (b) => start < b.endsAt.getTime() + gapMs && b.startsAt.getTime() < end + gapMs,
        );
        if (!clashes) result.push(new Date(start));
      }
    }
  }
  return result;
}
