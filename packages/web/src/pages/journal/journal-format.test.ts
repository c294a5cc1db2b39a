import { describe, expect, it } from 'vitest';
import { calendarDate, groupByMonth, minutesOf, monthKey, monthLabel } from './journal-format';

describe('journal dates', () => {
  it('puts an entry in the month it was written in the reader’s zone', () => {
    // 23:30 on 31 March in London is already 1 April in Tokyo.
    expect(monthKey('2027-03-31T22:30:00Z', 'Europe/London')).toBe('2027-03');
    expect(monthKey('2027-03-31T22:30:00Z', 'Asia/Tokyo')).toBe('2027-04');
    expect(monthLabel('2027-03')).toBe('March 2027');
  });

  it('names a dream’s night by its calendar date, whatever the zone', () => {
    expect(calendarDate('2027-01-14')).toMatch(/^Thursday,? 14 January 2027$/);
  });

  it('groups entries, newest first, by month without reordering them', () => {
    const entries = [
      { id: 'a', createdAt: '2027-04-02T09:00:00Z' },
      { id: 'b', createdAt: '2027-04-01T09:00:00Z' },
      { id: 'c', createdAt: '2027-03-30T09:00:00Z' },
      { id: 'd', createdAt: '2026-12-24T09:00:00Z' },
    ];
    const groups = groupByMonth(entries, 'UTC');
    expect(groups.map((g) => [g.label, g.entries.map((e) => e.id).join('')])).toEqual([
      ['April 2027', 'ab'],
      ['March 2027', 'c'],
      ['December 2026', 'd'],
    ]);
    expect(groupByMonth([], 'UTC')).toEqual([]);
  });

  it('counts any time spent as at least a minute', () => {
    expect(minutesOf(0)).toBe(0);
    expect(minutesOf(5)).toBe(1);
    expect(minutesOf(600)).toBe(10);
    expect(minutesOf(629)).toBe(10);
  });
});
