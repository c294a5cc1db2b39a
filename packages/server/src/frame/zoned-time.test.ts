import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  isIsoDate,
  isValidTimeZone,
  isWallTime,
  localKey,
  localToUtc,
  minutesOfTime,
  offsetMinutes,
  todayIn,
  utcToLocal,
  weekdayOf,
} from './zoned-time.js';

const iso = (date: Date) => date.toISOString();

describe('localToUtc and utcToLocal', () => {
  it('reads London wall times as GMT in winter and BST in summer', () => {
    expect(iso(localToUtc('2027-01-14', '09:00', 'Europe/London'))).toBe('2027-01-14T09:00:00.000Z');
    expect(iso(localToUtc('2027-07-14', '09:00', 'Europe/London'))).toBe('2027-07-14T08:00:00.000Z');
    expect(utcToLocal(new Date('2027-07-14T08:00:00Z'), 'Europe/London')).toEqual({
      date: '2027-07-14',
      time: '09:00',
      weekday: 3,
    });
  });

  it('moves a wall time in the spring-forward gap forward by the gap', () => {
    // The clocks go from 01:00 GMT to 02:00 BST on Sunday 28 March 2027.
    expect(iso(localToUtc('2027-03-28', '00:59', 'Europe/London'))).toBe('2027-03-28T00:59:00.000Z');
    expect(iso(localToUtc('2027-03-28', '01:00', 'Europe/London'))).toBe('2027-03-28T01:00:00.000Z');
    expect(iso(localToUtc('2027-03-28', '01:30', 'Europe/London'))).toBe('2027-03-28T01:30:00.000Z');
    expect(utcToLocal(localToUtc('2027-03-28', '01:30', 'Europe/London'), 'Europe/London').time).toBe('02:30');
    expect(iso(localToUtc('2027-03-28', '02:00', 'Europe/London'))).toBe('2027-03-28T01:00:00.000Z');
    expect(iso(localToUtc('2027-03-28', '02:30', 'Europe/London'))).toBe('2027-03-28T01:30:00.000Z');
    // New York: 02:00 EST jumps to 03:00 EDT on Sunday 14 March 2027.
    expect(iso(localToUtc('2027-03-14', '02:30', 'America/New_York'))).toBe('2027-03-14T07:30:00.000Z');
    expect(utcToLocal(new Date('2027-03-14T07:30:00Z'), 'America/New_York').time).toBe('03:30');
  });

  it('takes the first of two instants when the clocks go back', () => {
    // The clocks go from 02:00 BST back to 01:00 GMT on Sunday 31 October 2027: 01:30 happens twice.
    expect(iso(localToUtc('2027-10-31', '01:30', 'Europe/London'))).toBe('2027-10-31T00:30:00.000Z');
    expect(utcToLocal(new Date('2027-10-31T00:30:00Z'), 'Europe/London').time).toBe('01:30');
    expect(utcToLocal(new Date('2027-10-31T01:30:00Z'), 'Europe/London').time).toBe('01:30');
    expect(iso(localToUtc('2027-10-31', '00:59', 'Europe/London'))).toBe('2027-10-30T23:59:00.000Z');
    expect(iso(localToUtc('2027-10-31', '02:00', 'Europe/London'))).toBe('2027-10-31T02:00:00.000Z');
    expect(iso(localToUtc('2027-11-07', '01:30', 'America/New_York'))).toBe('2027-11-07T05:30:00.000Z');
  });

  it('handles half-hour offsets and half-hour clock changes (Lord Howe Island)', () => {
    expect(iso(localToUtc('2027-01-10', '09:00', 'Asia/Kolkata'))).toBe('2027-01-10T03:30:00.000Z');
    // Lord Howe: +10:30 → +11:00 at 02:00 on 3 October 2027, back at 02:00 on 4 April 2027.
    expect(iso(localToUtc('2027-10-03', '02:15', 'Australia/Lord_Howe'))).toBe('2027-10-02T15:45:00.000Z');
    expect(utcToLocal(new Date('2027-10-02T15:45:00Z'), 'Australia/Lord_Howe').time).toBe('02:45');
    expect(iso(localToUtc('2027-04-04', '01:45', 'Australia/Lord_Howe'))).toBe('2027-04-03T14:45:00.000Z');
  });

  it('crosses the date line in the local date', () => {
    expect(utcToLocal(new Date('2027-01-14T23:30:00Z'), 'Pacific/Auckland')).toEqual({
      date: '2027-01-15',
      time: '12:30',
      weekday: 5,
    });
    expect(utcToLocal(new Date('2027-01-14T03:00:00Z'), 'America/Los_Angeles').date).toBe('2027-01-13');
  });

  it('reports offsets in minutes', () => {
    expect(offsetMinutes(new Date('2027-07-01T12:00:00Z'), 'Europe/London')).toBe(60);
    expect(offsetMinutes(new Date('2027-01-01T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('refuses malformed dates, times and zones', () => {
    expect(() => localToUtc('2027-02-29', '09:00', 'Europe/London')).toThrow(RangeError);
    expect(() => localToUtc('2027-1-14', '09:00', 'Europe/London')).toThrow(RangeError);
    expect(() => localToUtc('2027-01-14', '24:00', 'Europe/London')).toThrow(RangeError);
    expect(() => localToUtc('2027-01-14', '9:00', 'Europe/London')).toThrow(RangeError);
    expect(() => localToUtc('2027-01-14', '09:00', 'Europe/Atlantis')).toThrow(/IANA time zone/);
    expect(() => utcToLocal(new Date(NaN), 'Europe/London')).toThrow(RangeError);
  });

  it('round-trips every wall time outside a gap (property)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2030-12-31') }),
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom(...zones),
        (day, minutes, zone) => {
          const date = dateOfDayNumber(day);
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const instant = localToUtc(date, time, zone);
          const back = utcToLocal(instant, zone);
          if (back.date === date && back.time === time) {
            // Not in a gap. If ambiguous, ours must be the earlier instant.
            const anHourEarlier = new Date(instant.getTime() - 3_600_000);
            const earlier = utcToLocal(anHourEarlier, zone);
            expect(earlier.date === date && earlier.time === time).toBe(false);
          } else {
            // In a gap: moved forward by the gap (an hour in these zones).
            const shifted = new Date(instant.getTime() - 3_600_000);
            expect(utcToLocal(shifted, zone).time < time || utcToLocal(shifted, zone).date < date).toBe(true);
            expect(minutesOfTime(back.time)).toBe(minutes + 60);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with the runtime for every hour of 2027 in several zones', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Tehran'];
    for (const zone of zones) {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000 + 17 * 60_000) {
        const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
        const expected = { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
        const local = utcToLocal(new Date(t), zone);
        expect({ date: local.date, time: local.time }).toEqual(expected);
      }
    }
  });
});

describe('calendar dates', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2027-01-01', '2027-01-08')).toBe(7);
    expect(daysBetween('2027-01-08', '2027-01-01')).toBe(-7);
    expect(() => addDays('2027-01-01', 1.5)).toThrow(RangeError);
  });

  it('names ISO weekdays', () => {
    expect(weekdayOf('2027-01-11')).toBe(1);
    expect(weekdayOf('2027-01-14')).toBe(4);
    expect(weekdayOf('2027-01-17')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
  });

  it('agrees with Date for day numbers, dates and weekdays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        const expected = d.toISOString().slice(0, 10);
        expect(dateOfDayNumber(day)).toBe(expected);
        expect(dayNumber(expected)).toBe(day);
        expect(weekdayOf(expected)).toBe(((d.getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 5000 },
    );
  });

  it('validates dates and times', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-00-10')).toBe(false);
    expect(isIsoDate('2027-01-1x')).toBe(false);
    expect(isIsoDate('2027-01-14T09:00')).toBe(false);
    expect(isWallTime('00:00')).toBe(true);
    expect(isWallTime('23:59')).toBe(true);
    expect(isWallTime('24:00')).toBe(false);
    expect(isWallTime('12:60')).toBe(false);
    expect(() => minutesOfTime('1:00')).toThrow(RangeError);
    expect(minutesOfTime('08:10')).toBe(490);
  });

  it('builds occurrence keys', () => {
    expect(localKey('2027-01-14', '09:00')).toBe('2027-01-14T09:00');
  });

  it('knows today in a zone', () => {
    const now = new Date('2027-01-14T23:30:00Z');
    expect(todayIn('Europe/London', now)).toBe('2027-01-14');
    expect(todayIn('Pacific/Auckland', now)).toBe('2027-01-15');
    expect(todayIn('America/Los_Angeles', now)).toBe('2027-01-14');
    expect(todayIn('UTC')).toBe(new Date().toISOString().slice(0, 10));
  });

  it('knows which time zones exist', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('Etc/GMT+5')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('Europe/London; DROP TABLE')).toBe(false);
  });
});
