import type { Occurrence, Weekday, WeeklySlot } from './frame-types.js';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  isValidTimeZone,
  isWallTime,
  localToEpoch,
  localToUtc,
  minutesOfTime,
  weekdayOfDayNumber,
} from './zoned-time.js';

/** RFC 5545 weekday codes by ISO weekday (index 0 unused). */
const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** English weekday names by ISO weekday (index 0 unused): WEEKDAY_NAMES[4] = "Thursday". */
export const WEEKDAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const MINUTE_MS = 60_000;

function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

function assertSlot(slot: WeeklySlot, index: number): void {
  if (!isWeekday(slot.weekday)) {
    throw new RangeError(
      `Slot ${index + 1}: the weekday must be 1 (Monday) to 7 (Sunday), not ${String(slot.weekday)}.`,
    );
  }
  if (!isWallTime(slot.time)) {
    throw new RangeError(`Slot ${index + 1}: "${slot.time}" is not a time in the form HH:MM (00:00–23:59).`);
  }
}

/**
 * The RFC 5545 recurrence rule of one weekly slot, e.g. "FREQ=WEEKLY;BYDAY=TU;BYHOUR=8;BYMINUTE=10",
 * with ";COUNT=12" or ";UNTIL=20270731T235959Z" when asked (the last second of the `until` date in
 * UTC: RFC 5545 wants UNTIL in UTC when DTSTART has a time zone). COUNT and UNTIL may not both be
 * given (RFC 5545, 3.3.10). The wall time is in the series' own time zone (its DTSTART's TZID); the
 * rule is stored for calendar interchange, while the sessions themselves come from expandSlots.
 */
export function slotRrule(slot: WeeklySlot, opts: { until?: string; count?: number; timeZone?: string } = {}): string {
  assertSlot(slot, 0);
  const minutes = minutesOfTime(slot.time);
  let rule = `FREQ=WEEKLY;BYDAY=${BYDAY[slot.weekday]};BYHOUR=${Math.floor(minutes / 60)};BYMINUTE=${minutes % 60}`;
  if (opts.until !== undefined && opts.count !== undefined) {
    throw new RangeError('A recurrence rule may end on a date or after a number of sessions, not both.');
  }
  if (opts.count !== undefined) {
    if (!Number.isInteger(opts.count) || opts.count < 1) {
      throw new RangeError(`The number of sessions must be a whole number of at least 1, not ${opts.count}.`);
    }
    rule += `;COUNT=${opts.count}`;
  }
  if (opts.until !== undefined) {
    dayNumber(opts.until); // validates
    // RFC 5545: with a zoned DTSTART, UNTIL is the UTC instant of the end of the last local day, so an
    // evening session west of UTC on that day is still inside the rule.
    rule += opts.timeZone
      ? `;UNTIL=${utcStamp(new Date(localToUtc(addDays(opts.until, 1), '00:00', opts.timeZone).getTime() - 1000))}`
      : `;UNTIL=${opts.until.replaceAll('-', '')}T235959Z`;
  }
  return rule;
}

export interface ExpandSlotsInput {
  slots: readonly WeeklySlot[];
  /** IANA zone the slots' wall times are in (the agreement's / therapist's zone). */
  timeZone: string;
  /** First local date, inclusive. */
  startsOn: string;
  /** Last local date, inclusive. */
  untilOn: string;
  /** Length of each session in minutes (endsAt = startsAt + minutes, in real elapsed time). */
  minutes: number;
  /** Dates (local, "YYYY-MM-DD") for which this returns true get no occurrence (breaks, bank holidays). */
  skipDate?: (localDate: string) => boolean;
  /** At most this many occurrences in all (the earliest ones): a brief episode's session count. */
  limit?: number;
}

/**
 * Every weekly occurrence of every slot from startsOn to untilOn inclusive, in start order (ties by
 * slot index), leaving out dates for which skipDate is true, at most `limit` of them.
 *
 * occurrenceKey is the slot's original local start ("2027-03-28T01:30"), which stays the identity
 * of the occurrence even when that wall time falls in a spring-forward gap and the session moves
 * to the first minute after it (02:30 BST); in the autumn overlap the first 01:30 is used.
 * Throws RangeError on malformed input or two identical slots.
 */
export function expandSlots(input: ExpandSlotsInput): Occurrence[] {
  const { slots, timeZone, startsOn, untilOn, minutes, skipDate, limit } = input;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone such as Europe/London.`);
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new RangeError(`A session must last a whole number of minutes (at least 1), not ${minutes}.`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`The limit must be a whole number of sessions, not ${limit}.`);
  }
  const first = dayNumber(startsOn);
  const last = dayNumber(untilOn);
  const seen = new Set<string>();
  slots.forEach((slot, index) => {
    assertSlot(slot, index);
    const key = `${slot.weekday} ${slot.time}`;
    if (seen.has(key))
      throw new RangeError(
        `Slot ${index + 1} repeats an earlier slot (${WEEKDAY_NAMES[slot.weekday]} at ${slot.time}).`,
      );
    seen.add(key);
  });
  const cap = limit ?? Number.POSITIVE_INFINITY;
  if (cap === 0 || last < first || slots.length === 0) return [];

  const duration = minutes * MINUTE_MS;
  const firstWeekday = weekdayOfDayNumber(first);
  const perSlot: Occurrence[][] = [];
  // A skipDate answer is the same for every slot on that date: ask once per date.
  const skipped = skipDate && slots.length > 1 ? new Map<number, boolean>() : undefined;

  slots.forEach((slot, slotIndex) => {
    const out: Occurrence[] = [];
    const slotMinutes = minutesOfTime(slot.time);
    for (let day = first + ((slot.weekday - firstWeekday + 7) % 7); day <= last && out.length < cap; day += 7) {
      const localDate = dateOfDayNumber(day);
      if (skipDate) {
        let skip = skipped?.get(day);
        if (skip === undefined) {
          skip = skipDate(localDate);
          skipped?.set(day, skip);
        }
        if (skip) continue;
      }
      const start = localToEpoch(day, slotMinutes, timeZone);
      out.push({
        slotIndex,
        occurrenceKey: `${localDate}T${slot.time}`,
        localDate,
        startsAt: new Date(start),
        endsAt: new Date(start + duration),
      });
    }
    perSlot.push(out);
  });

  let merged: Occurrence[];
  if (perSlot.length === 1) {
    merged = perSlot[0] as Occurrence[];
  } else {
    merged = perSlot.flat();
    merged.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.slotIndex - b.slotIndex);
  }
  return merged.length > cap ? merged.slice(0, cap) : merged;
}

export interface SlotProblem {
  field: string;
  message: string;
}

/**
 * Problems with an agreement's slots, for a person to correct: 1–5 slots, valid weekdays and
 * times, no two the same, and no two whose sessions of `minutes` (plus `gapMinutes` between) would
 * overlap, including across midnight and from Sunday into Monday. Empty when all is well.
 */
export function validateSlots(slots: readonly WeeklySlot[], minutes: number, gapMinutes = 0): SlotProblem[] {
  const problems: SlotProblem[] = [];
  if (slots.length < 1 || slots.length > 5) {
    problems.push({ field: 'slots', message: 'Choose between one and five sessions a week.' });
  }
  const starts: { index: number; at: number }[] = [];
  slots.forEach((slot, index) => {
    if (!isWeekday(slot.weekday)) {
      problems.push({ field: `slots.${index}.weekday`, message: 'Choose a day of the week.' });
    } else if (!isWallTime(slot.time)) {
      problems.push({ field: `slots.${index}.time`, message: 'Give the time as HH:MM, for example 08:10.' });
    } else {
      starts.push({ index, at: (slot.weekday - 1) * 1440 + minutesOfTime(slot.time) });
    }
  });
  if (!Number.isInteger(minutes) || minutes < 1) return problems;
  const week = 7 * 1440;
  starts.sort((a, b) => a.at - b.at);
  for (let i = 0; i < starts.length; i++) {
    const current = starts[i] as { index: number; at: number };
    for (let j = 0; j < starts.length; j++) {
      if (j === i) continue;
      const other = starts[j] as { index: number; at: number };
      // Minutes from current's start to other's next start (wrapping round the week).
      const distance = (other.at - current.at + week) % week;
      const slot = slots[other.index] as WeeklySlot;
      const earlier = slots[current.index] as WeeklySlot;
      if (distance === 0 && other.index > current.index) {
        problems.push({
          field: `slots.${other.index}`,
          message: `${WEEKDAY_NAMES[slot.weekday]} at ${slot.time} is already one of the sessions.`,
        });
      } else if (distance > 0 && distance < minutes + gapMinutes) {
        problems.push({
          field: `slots.${other.index}`,
          message: `${WEEKDAY_NAMES[slot.weekday]} at ${slot.time} starts before the ${WEEKDAY_NAMES[earlier.weekday]} ${earlier.time} session has ended${gapMinutes > 0 ? ` and the ${gapMinutes}-minute gap has passed` : ''}.`,
        });
      }
    }
  }
  return problems;
}

/** 20270114T235959Z */
function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
