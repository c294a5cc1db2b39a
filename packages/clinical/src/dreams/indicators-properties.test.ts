import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dreamSeries } from './fixtures/dream-code-arbitraries.js';
import { HVDC_NORMS } from './norms.js';
import { hProfile } from './h-profile.js';
import { PROPORTION_INDICATORS, RATE_INDICATORS, dreamIndicators } from './indicators.js';

describe('indicator properties', () => {
  it('keeps every proportion within [0, 1] (or null) and every rate non-negative', () => {
    fc.assert(
      fc.property(dreamSeries, (series) => {
        const ind = dreamIndicators(series);
        expect(ind.dreams).toBe(series.length);
        for (const k of PROPORTION_INDICATORS) {
          const p = ind.proportions[k];
          expect(p.numerator).toBeLessThanOrEqual(p.denominator);
          if (p.value !== null) {
            expect(p.value).toBeGreaterThanOrEqual(0);
            expect(p.value).toBeLessThanOrEqual(1);
          } else expect(p.denominator).toBe(0);
        }
        for (const k of RATE_INDICATORS) {
          const r = ind.rates[k];
          if (r.value !== null) expect(r.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('does not depend on the order of the dreams or of the codes within them', () => {
    fc.assert(
      fc.property(dreamSeries, (series) => {
        const reversed = [...series].reverse().map((d) => [...d].reverse());
        expect(dreamIndicators(reversed)).toEqual(dreamIndicators(series));
      }),
    );
  });

  it('keeps h within [−π, π] and q within [p, 1] across any profile', () => {
    fc.assert(
      fc.property(dreamSeries, fc.constantFrom(HVDC_NORMS.men, HVDC_NORMS.women), (series, norm) => {
        for (const e of hProfile(dreamIndicators(series), norm).proportions) {
          if (e.h === null) continue;
          expect(Math.abs(e.h)).toBeLessThanOrEqual(Math.PI + 1e-12);
          expect(e.q!).toBeGreaterThanOrEqual(e.p! - 1e-12);
          expect(e.q!).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
