import { describe, expect, it } from 'vitest';
import { symmetricReliableDeterioration, type MeasureChange } from './reliable-deterioration.js';

const change = (measure: string, first: number, last: number, rci: number): MeasureChange => ({
  measure,
  first,
  last,
  change: last - first,
  reliablyImproved: first - last >= rci,
  reliablyWorsened: last - first >= rci,
});

describe('symmetricReliableDeterioration (unverified rule)', () => {
  it('is true when any measure rises reliably, whatever the other does', () => {
    expect(symmetricReliableDeterioration([change('phq9', 8, 14, 6), change('gad7', 5, 5, 4)])).toBe(true);
    expect(symmetricReliableDeterioration([change('phq9', 20, 9, 6), change('gad7', 3, 7, 4)])).toBe(true);
  });

  it('is false when no measure rises reliably', () => {
    expect(symmetricReliableDeterioration([change('phq9', 8, 13, 6), change('gad7', 5, 8, 4)])).toBe(false);
    expect(symmetricReliableDeterioration([])).toBe(false);
  });
});
