import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinicalCutoff, clinicalSignificance, isInClinicalRange } from './clinical-significance.js';

describe('clinicalCutoff', () => {
  it('weights the two means by the other group’s SD', () => {
    // By hand: (5.5 · 25 + 8 · 7) / (5.5 + 8) = 193.5 / 13.5 = 14.333…
    expect(clinicalCutoff({ mean: 7, sd: 5.5 }, { mean: 25, sd: 8 })).toBeCloseTo(14.3333, 4);
  });

  it('is the midpoint when the SDs are equal', () => {
    expect(clinicalCutoff({ mean: 4, sd: 3 }, { mean: 16, sd: 3 })).toBe(10);
  });

  it('rejects unusable norms', () => {
    expect(() => clinicalCutoff({ mean: 4, sd: 0 }, { mean: 16, sd: 3 })).toThrow(/nonClinical.sd/);
    expect(() => clinicalCutoff({ mean: 4, sd: 1 }, { mean: 16, sd: -3 })).toThrow(/clinical.sd/);
    expect(() => clinicalCutoff({ mean: Number.NaN, sd: 1 }, { mean: 16, sd: 3 })).toThrow(/nonClinical.mean/);
    expect(() => clinicalCutoff({ mean: 4, sd: 1 }, { mean: Infinity, sd: 3 })).toThrow(/clinical.mean/);
  });

  it('lies between the two means', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        (m0, m1, sd0, sd1) => {
          const c = clinicalCutoff({ mean: m0, sd: sd0 }, { mean: m1, sd: sd1 });
          expect(c).toBeGreaterThanOrEqual(Math.min(m0, m1) - 1e-9);
          expect(c).toBeLessThanOrEqual(Math.max(m0, m1) + 1e-9);
        },
      ),
    );
  });
});

describe('clinicalSignificance', () => {
  // PHQ-9 style: cut-off 10, reliable change 6 points, lower is better.
  const phq = { basis: { reliableChangeIndex: 6 }, cutoff: 10 };

  it.each([
    ['recovered: reliable fall across the cut-off', 18, 9, 'recovered'],
    ['improved: reliable fall that stays clinical', 24, 12, 'improved'],
    ['improved: reliable fall that lands exactly on the cut-off (still clinical)', 16, 10, 'improved'],
    ['improved: started below the cut-off', 9, 2, 'improved'],
    ['unchanged: fall of 5', 15, 10, 'unchanged'],
    ['unchanged: crossed the cut-off without reliable change', 11, 7, 'unchanged'],
    ['deteriorated: rise of 6', 8, 14, 'deteriorated'],
  ] as const)('%s', (_label, pre, post, category) => {
    expect(clinicalSignificance(pre, post, phq).category).toBe(category);
  });

  it('counts a score exactly at the cut-off as clinical', () => {
    const r = clinicalSignificance(10, 10, phq);
    expect(r).toMatchObject({ clinicalAtPre: true, clinicalAtPost: true, category: 'unchanged' });
  });

  it('works for higher-is-better measures (e.g. a well-being scale)', () => {
    const opts = { basis: { reliableChangeIndex: 5 }, cutoff: 40, direction: 'higher-is-better' as const };
    expect(clinicalSignificance(30, 41, opts).category).toBe('recovered');
    expect(clinicalSignificance(30, 40, opts).category).toBe('improved');
    expect(clinicalSignificance(45, 38, opts).category).toBe('deteriorated');
    expect(isInClinicalRange(40, 40, 'higher-is-better')).toBe(true);
    expect(isInClinicalRange(41, 40, 'higher-is-better')).toBe(false);
  });

  it('uses norms and the critical value when given', () => {
    const c = clinicalCutoff({ mean: 7, sd: 5.5 }, { mean: 25, sd: 8 });
    const basis = { sdPre: 5, reliability: 0.5 }; // S_diff 5: 1.96 → 9.8 points, 1.645 → 8.225 points
    expect(clinicalSignificance(22, 13, { basis, cutoff: c }).category).toBe('unchanged');
    expect(clinicalSignificance(22, 13, { basis, cutoff: c, criticalValue: 1.645 }).category).toBe('recovered');
    expect(clinicalSignificance(22, 12, { basis, cutoff: c }).reliableChange.rc).toBeCloseTo(-2, 12);
  });

  it('rejects a non-finite cut-off', () => {
    expect(() => clinicalSignificance(1, 2, { basis: { reliableChangeIndex: 6 }, cutoff: Number.NaN })).toThrow(
      /cutoff/,
    );
  });

  it('recovered always means clinical before, not after, and reliable improvement', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 27 }),
        fc.constantFrom('lower-is-better' as const, 'higher-is-better' as const),
        (pre, post, rci, cutoff, direction) => {
          const r = clinicalSignificance(pre, post, { basis: { reliableChangeIndex: rci }, cutoff, direction });
          if (r.category === 'recovered') {
            expect(r.clinicalAtPre && !r.clinicalAtPost && r.reliableChange.reliableImprovement).toBe(true);
          }
          expect(r.category === 'unchanged').toBe(!r.reliableChange.reliable);
          expect(r.category === 'deteriorated').toBe(r.reliableChange.reliableDeterioration);
        },
      ),
    );
  });
});
