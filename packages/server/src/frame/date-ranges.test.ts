import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateRange } from './frame-types.js';
import { dateSkipper, inAnyRange, rangesOverlap } from './date-ranges.js';
import { dateOfDayNumber, dayNumber } from './zoned-time.js';

const summer: DateRange = { startsOn: '2027-08-02', endsOn: '2027-08-27' };
const christmas: DateRange = { startsOn: '2027-12-24', endsOn: '2028-01-02' };

describe('date ranges', () => {
  it('includes both ends', () => {
    expect(inAnyRange('2027-08-02', [summer])).toBe(true);
    expect(inAnyRange('2027-08-27', [summer])).toBe(true);
    expect(inAnyRange('2027-08-01', [summer])).toBe(false);
    expect(inAnyRange('2027-08-28', [summer])).toBe(false);
    expect(inAnyRange('2027-12-31', [summer, christmas])).toBe(true);
    expect(inAnyRange('2028-01-01', [summer, christmas])).toBe(true);
    expect(inAnyRange('2027-09-01', [])).toBe(false);
  });

  it('knows when two ranges overlap', () => {
    expect(rangesOverlap(summer, { startsOn: '2027-08-27', endsOn: '2027-09-03' })).toBe(true);
    expect(rangesOverlap(summer, { startsOn: '2027-08-28', endsOn: '2027-09-03' })).toBe(false);
    expect(rangesOverlap(summer, { startsOn: '2027-07-01', endsOn: '2027-09-03' })).toBe(true);
    expect(rangesOverlap(summer, christmas)).toBe(false);
  });

  it('answers like inAnyRange from a prepared skipper (property)', () => {
    const base = dayNumber('2027-01-01');
    const range = fc
      .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: -3, max: 20 }))
      .map(([start, length]) => ({
        startsOn: dateOfDayNumber(base + start),
        endsOn: dateOfDayNumber(base + start + length),
      }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), fc.integer({ min: -5, max: 150 }), (ranges, offset) => {
        const date = dateOfDayNumber(base + offset);
        expect(dateSkipper(ranges)(date)).toBe(inAnyRange(date, ranges));
      }),
      { numRuns: 3000 },
    );
  });
});
