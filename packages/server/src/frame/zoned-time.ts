import type { Weekday } from './frame-types.js';

/**
 * Wall-clock time in IANA time zones, without a time-zone library: the offsets come from the
 * runtime's own time-zone database through Intl.DateTimeFormat. One formatter per zone is made and
 * kept; offsets are cached per zone per UTC day (a day holds at most one clock change, and the
 * instant of that change is found once by bisection), so converting tens of thousands of
 * occurrences costs a few map look-ups each.
 *
 * Conventions: dates are ISO calendar dates ("2027-03-28"), wall times "HH:MM" (24-hour), instants
 * JavaScript Dates. Offsets below are "local minus UTC" in milliseconds.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ZONE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian).

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

/** Days since 1970-01-01 of a valid year/month/day (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" string, or NaN when it is not a real date. */
function parseDate(value: string): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return NaN;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** The number written in `length` ASCII digits from `start`, or NaN. */
function digits(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  return !Number.isNaN(parseDate(value));
}

/** True for a 24-hour wall time written "HH:MM" (00:00–23:59). */
export function isWallTime(value: string): boolean {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

/** Days since 1970-01-01 of an ISO date; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  const day = parseDate(date);
  if (Number.isNaN(day)) throw new RangeError(`"${date}" is not a calendar date in the form YYYY-MM-DD.`);
  return day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The ISO date of a day number (inverse of dayNumber; H. Hinnant's civil_from_days). */
export function dateOfDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const y = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Minutes after midnight of an "HH:MM" wall time; throws RangeError on anything else. */
export function minutesOfTime(time: string): number {
  if (typeof time === 'string' && time.length === 5 && time.charCodeAt(2) === 58) {
    const hours = digits(time, 0, 2);
    const minutes = digits(time, 3, 2);
    if (hours <= 23 && minutes <= 59) return hours * 60 + minutes;
  }
  throw new RangeError(`"${time}" is not a wall time in the form HH:MM (00:00–23:59).`);
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a day number. */
export function weekdayOfDayNumber(day: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The date n days after (or before, for negative n) an ISO date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, not ${n}.`);
  return dateOfDayNumber(dayNumber(date) + n);
}

/** Whole days from a to b (positive when b is later): daysBetween("2027-01-01", "2027-01-08") = 7. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function weekdayOf(date: string): Weekday {
  return weekdayOfDayNumber(dayNumber(date));
}

/** The stable identity of a local start: localKey("2027-01-14", "09:00") = "2027-01-14T09:00". */
export function localKey(date: string, time: string): string {
  return `${date}T${time}`;
}

// ---------------------------------------------------------------------------------------------
// Offsets.

interface ZoneInfo {
  formatter: Intl.DateTimeFormat;
  /**
   * Per UTC day number: the offset if it holds all day, or [offset before, offset after, instant of
   * the change] when the clocks change that day.
   */
  days: Map<number, number | [number, number, number]>;
}

const zones = new Map<string, ZoneInfo>();
const validity = new Map<string, boolean>();

function zoneInfo(zone: string): ZoneInfo {
  let info = zones.get(zone);
  if (info) return info;
  if (!isValidTimeZone(zone)) throw new RangeError(`"${zone}" is not an IANA time zone such as Europe/London.`);
  info = {
    formatter: new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    }),
    days: new Map(),
  };
  zones.set(zone, info);
  return info;
}

/** The zone's offset at an instant, straight from the formatter (second precision). */
function rawOffset(info: ZoneInfo, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of info.formatter.formatToParts(whole)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - whole;
}

function dayEntry(info: ZoneInfo, utcDay: number): number | [number, number, number] {
  let entry = info.days.get(utcDay);
  if (entry !== undefined) return entry;
  const start = utcDay * DAY_MS;
  const end = start + DAY_MS - 1000;
  const before = rawOffset(info, start);
  const after = rawOffset(info, end);
  if (before === after) {
    entry = before;
  } else {
    // Bisect (to the second) for the first instant that has the new offset.
    let lo = start; // has `before`
    let hi = end; // has `after`
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (rawOffset(info, mid) === before) lo = mid;
      else hi = mid;
    }
    entry = [before, after, hi];
  }
  info.days.set(utcDay, entry);
  return entry;
}

function offsetAt(info: ZoneInfo, instant: number): number {
  const entry = dayEntry(info, Math.floor(instant / DAY_MS));
  if (typeof entry === 'number') return entry;
  return instant < entry[2] ? entry[0] : entry[1];
}

/**
 * The instant of a wall time (as milliseconds) given "wall time read as if it were UTC".
 * A wall time skipped by the clocks going forward is moved forward by the length of the gap
 * (01:30 in London on the last Sunday of March becomes 02:30 BST); a wall time that happens twice
 * when the clocks go back is the first of the two (RFC 5545, 3.3.5).
 */
function instantOfWall(info: ZoneInfo, wall: number): number {
  const before = offsetAt(info, wall - DAY_MS);
  const after = offsetAt(info, wall + DAY_MS);
  if (before === after) {
    const guess = wall - before;
    // No change within a day either side (the normal case): the offset is `before`, unless two
    // changes fall within the same two days, which the check below still handles.
    if (offsetAt(info, guess) === before) return guess;
  }
  const first = wall - before;
  const second = wall - after;
  const firstValid = offsetAt(info, first) === before;
  const secondValid = offsetAt(info, second) === after;
  if (firstValid && secondValid) return Math.min(first, second);
  if (firstValid) return first;
  if (secondValid) return second;
  // In the gap: read the wall time with the offset from before the change, which lands it after
  // the change by exactly the gap's length.
  return first;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** True for a time-zone name the runtime knows, e.g. "Europe/London", "America/New_York", "UTC". */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string') return false;
  const known = validity.get(zone);
  if (known !== undefined) return known;
  let valid = ZONE_NAME_PATTERN.test(zone) && zone.length <= 64;
  if (valid) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      valid = false;
    }
  }
  if (validity.size < 10_000) validity.set(zone, valid);
  return valid;
}

/**
 * The instant at which the wall clock in `zone` shows `time` on `date`. A wall time that does not
 * exist (the spring-forward gap) moves forward by the length of the gap; an ambiguous one (autumn)
 * is the first of its two instants. Throws RangeError on a malformed date, time or zone.
 */
export function localToUtc(date: string, time: string, zone: string): Date {
  const wall = dayNumber(date) * DAY_MS + minutesOfTime(time) * MINUTE_MS;
  return new Date(instantOfWall(zoneInfo(zone), wall));
}

/** Like localToUtc with a day number and minutes after midnight, as epoch milliseconds. */
export function localToEpoch(day: number, minutes: number, zone: string): number {
  return instantOfWall(zoneInfo(zone), day * DAY_MS + minutes * MINUTE_MS);
}

export interface LocalTime {
  /** "2027-01-14" */
  date: string;
  /** "09:00" (seconds dropped) */
  time: string;
  weekday: Weekday;
}

/** What the wall clock in `zone` shows at `instant`. */
export function utcToLocal(instant: Date, zone: string): LocalTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('utcToLocal needs a valid Date.');
  const wall = ms + offsetAt(zoneInfo(zone), ms);
  const day = Math.floor(wall / DAY_MS);
  const minutes = Math.floor((wall - day * DAY_MS) / MINUTE_MS);
  return {
    date: dateOfDayNumber(day),
    time: `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`,
    weekday: weekdayOfDayNumber(day),
  };
}

/** The zone's offset from UTC at an instant, in minutes (London in summer: 60; New York in winter: -300). */
export function offsetMinutes(instant: Date, zone: string): number {
  return Math.round(offsetAt(zoneInfo(zone), instant.getTime()) / MINUTE_MS);
}

/** Today's date in `zone` (at `now`, by default the current time). */
export function todayIn(zone: string, now: Date = new Date()): string {
  return utcToLocal(now, zone).date;
}

/** "Europe/London" → "London time", "America/New_York" → "New York time" (UTC and Etc/ zones as they are). */
export function zoneLabel(zone: string): string {
  if (zone === 'UTC' || zone.startsWith('Etc/')) return zone;
  const city = zone.split('/').at(-1) ?? zone;
  return `${city.replace(/_/g, ' ')} time`;
}
