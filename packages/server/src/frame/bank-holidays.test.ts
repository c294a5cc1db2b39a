import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS as HOLIDAYS } from './bank-holidays.js';
import { addDays, isIsoDate, weekdayOf } from './zoned-time.js';

/** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const YEARS = [2025, 2026, 2027, 2028];
const dateOf = (year: number, title: string) =>
  HOLIDAYS.find((h) => h.date.startsWith(String(year)) && h.title === title)?.date;

/** The first or last Monday of a month. */
function mondayOf(year: number, month: number, which: 'first' | 'last'): string {
  const mm = String(month).padStart(2, '0');
  let date =
    which === 'first'
      ? `${year}-${mm}-01`
      : addDays(`${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`, -1);
  while (weekdayOf(date) !== 1) date = addDays(date, which === 'first' ? 1 : -1);
  return date;
}

describe('England and Wales bank holidays', () => {
  it('are well-formed, in order, without repeats, and on weekdays', () => {
    for (const holiday of HOLIDAYS) {
      expect(isIsoDate(holiday.date)).toBe(true);
      expect(weekdayOf(holiday.date)).toBeLessThanOrEqual(5);
      expect(holiday.title.length).toBeGreaterThan(0);
    }
    const dates = HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('has eight for each year from 2025 to 2028', () => {
    for (const year of YEARS) {
      expect(HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).length, String(year)).toBe(8);
    }
  });

  it('puts Good Friday and Easter Monday around Easter Sunday', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
    for (const year of YEARS) {
      const easter = easterSunday(year);
      expect(dateOf(year, 'Good Friday')).toBe(addDays(easter, -2));
      expect(dateOf(year, 'Easter Monday')).toBe(addDays(easter, 1));
    }
  });

  it('puts the May and August holidays on the right Mondays', () => {
    for (const year of YEARS) {
      expect(dateOf(year, 'Early May bank holiday')).toBe(mondayOf(year, 5, 'first'));
      expect(dateOf(year, 'Spring bank holiday')).toBe(mondayOf(year, 5, 'last'));
      expect(dateOf(year, 'Summer bank holiday')).toBe(mondayOf(year, 8, 'last'));
    }
  });

  it('moves Christmas, Boxing Day and New Year to the next weekdays when they fall at a weekend', () => {
    expect(HOLIDAYS.filter((h) => h.title.includes('substitute')).map((h) => h.date)).toEqual([
      '2026-12-28', // Boxing Day 2026 is a Saturday
      '2027-12-27', // Christmas Day 2027 is a Saturday
      '2027-12-28', // Boxing Day 2027 is a Sunday
      '2028-01-03', // New Year's Day 2028 is a Saturday
    ]);
    expect(weekdayOf('2026-12-26')).toBe(6);
    expect(weekdayOf('2027-12-25')).toBe(6);
    expect(weekdayOf('2027-12-26')).toBe(7);
    expect(weekdayOf('2028-01-01')).toBe(6);
    expect(dateOf(2025, 'New Year’s Day')).toBe('2025-01-01');
    expect(dateOf(2026, 'Christmas Day')).toBe('2026-12-25');
    expect(dateOf(2028, 'Boxing Day')).toBe('2028-12-26');
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(HOLIDAYS[0])).toBe(true);
  });
});
