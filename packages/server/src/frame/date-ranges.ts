import type { DateRange } from './frame-types.js';

/**
 * Inclusive ranges of ISO calendar dates (breaks, absences). ISO dates compare correctly as strings,
 * so no parsing is needed here.
 */

/** True when `date` falls on or between the first and last day of any of the ranges. */
export function inAnyRange(date: string, ranges: readonly DateRange[]): boolean {
  for (const range of ranges) {
    if (range.startsOn <= date && date <= range.endsOn) return true;
  }
  return false;
}

/** True when two inclusive ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

/**
 * A predicate for many look-ups against many ranges (e.g. `skipDate` when materialising a year of
 * sessions against every break and bank holiday): ranges are merged and sorted once, then each
 * look-up is a binary search.
 */
export function dateSkipper(ranges: readonly DateRange[]): (date: string) => boolean {
  const sorted = ranges.filter((r) => r.startsOn <= r.endsOn).sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  const starts: string[] = [];
  const ends: string[] = [];
  for (const range of sorted) {
    const last = ends.length - 1;
    if (last >= 0 && range.startsOn <= (ends[last] as string)) {
      if (range.endsOn > (ends[last] as string)) ends[last] = range.endsOn;
    } else {
      starts.push(range.startsOn);
      ends.push(range.endsOn);
    }
  }
  return (date: string) => {
    // The last merged range starting on or before `date`.
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as string) <= date) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && date <= (ends[found] as string);
  };
}
