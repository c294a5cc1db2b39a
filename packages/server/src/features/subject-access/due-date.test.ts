import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  daysBetween,
  deadlineOf,
  dueDateFor,
  latestExtendedDueDate,
  parseIsoDate,
  todayIn,
} from './due-date.js';

describe('the ICO’s one calendar month', () => {
  it('is the corresponding date in the next month', () => {
    expect(dueDateFor('2027-01-14')).toBe('2027-02-14');
    expect(dueDateFor('2027-03-01')).toBe('2027-04-01');
    expect(dueDateFor('2027-04-30')).toBe('2027-05-30');
  });

  it('is the last day of the next month when that month has no such date', () => {
    expect(dueDateFor('2027-01-31')).toBe('2027-02-28');
    expect(dueDateFor('2027-01-29')).toBe('2027-02-28');
    expect(dueDateFor('2027-03-31')).toBe('2027-04-30');
    expect(dueDateFor('2027-05-31')).toBe('2027-06-30');
    expect(dueDateFor('2027-08-31')).toBe('2027-09-30');
    expect(dueDateFor('2027-10-31')).toBe('2027-11-30');
  });

  it('knows leap years, including the century rules', () => {
    expect(dueDateFor('2028-01-31')).toBe('2028-02-29');
    expect(dueDateFor('2028-01-29')).toBe('2028-02-29');
    expect(dueDateFor('2028-01-30')).toBe('2028-02-29');
    expect(dueDateFor('2100-01-31')).toBe('2100-02-28');
    expect(dueDateFor('2000-01-31')).toBe('2000-02-29');
    expect(dueDateFor('2028-02-29')).toBe('2028-03-29');
  });

  it('crosses the year end', () => {
    expect(dueDateFor('2027-12-31')).toBe('2028-01-31');
    expect(dueDateFor('2027-12-15')).toBe('2028-01-15');
    expect(addCalendarMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('allows an extension of two further months at most, by the same rule', () => {
    expect(latestExtendedDueDate('2027-01-14')).toBe('2027-04-14');
    expect(latestExtendedDueDate('2027-11-30')).toBe('2028-02-29');
    expect(latestExtendedDueDate('2026-11-30')).toBe('2027-02-28');
    expect(latestExtendedDueDate('2027-05-31')).toBe('2027-08-31');
  });

  it('refuses what is not a calendar date', () => {
    expect(parseIsoDate('2027-02-29')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2027-13-01')).toBeUndefined();
    expect(parseIsoDate('14/01/2027')).toBeUndefined();
    expect(() => dueDateFor('2027-02-30')).toThrow(RangeError);
  });
});

describe('days left and overdue', () => {
  it('counts whole days and is overdue only once the day has passed and the request is open', () => {
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(deadlineOf('2027-02-14', null, true, '2027-02-14')).toEqual({
      dueOn: '2027-02-14',
      daysLeft: 0,
      overdue: false,
    });
    expect(deadlineOf('2027-02-14', null, true, '2027-02-15').overdue).toBe(true);
    expect(deadlineOf('2027-02-14', null, false, '2027-02-15').overdue).toBe(false);
    expect(deadlineOf('2027-02-14', '2027-04-14', true, '2027-02-15')).toEqual({
      dueOn: '2027-04-14',
      daysLeft: 58,
      overdue: false,
    });
  });

  it('reads today on the practice’s wall calendar', () => {
    // 23:30 UTC on 31 March 2027 is already 1 April in London (BST).
    expect(todayIn('Europe/London', new Date('2027-03-31T23:30:00Z'))).toBe('2027-04-01');
    expect(todayIn('UTC', new Date('2027-03-31T23:30:00Z'))).toBe('2027-03-31');
  });
});
