import { describe, expect, it } from 'vitest';
import { clip, dayNumber, linear, monthsBetween, shortDate } from './chart-scales';

describe('the patterns charts’ scales', () => {
  it('maps a domain onto a range, and a zero-width domain onto the middle', () => {
    const x = linear(1, 7, 200, 0);
    expect(x(1)).toBe(200);
    expect(x(7)).toBe(0);
    expect(x(4)).toBe(100);
    expect(linear(3, 3, 10, 30)(3)).toBe(20);
  });

  it('lists every month between two dates, across a year end, inclusive', () => {
    expect(monthsBetween('2025-11-20', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthsBetween('2026-06-01', '2026-05-01')).toEqual([]);
  });

  it('counts days between calendar dates and writes them short', () => {
    expect(dayNumber('2026-03-02') - dayNumber('2026-02-27')).toBe(3);
    expect(shortDate('2026-03-02')).toBe('2 Mar 2026');
  });

  it('cuts long labels with an ellipsis and leaves short ones', () => {
    expect(clip('work, boss, meeting', 10)).toBe('work, bos…');
    expect(clip('boss', 10)).toBe('boss');
  });
});
