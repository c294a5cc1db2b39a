import { describe, expect, it } from 'vitest';
import type { DreamCodeContent } from './dream-codes.js';
import { RECOMMENDED_MINIMUM_DREAMS, hProfile } from './h-profile.js';
import { dreamIndicators } from './indicators.js';
import { HVDC_NORMS } from './norms.js';
import { cohensH } from './statistics.js';

const aggression: DreamCodeContent = { category: 'aggression', level: 7, dreamerRole: 'victim' };
const man: DreamCodeContent = {
  category: 'character',
  kind: 'human',
  sex: 'male',
  identity: 'stranger',
  dead: false,
  imaginary: false,
};
const woman: DreamCodeContent = { ...man, sex: 'female', identity: 'friend' } as DreamCodeContent;

/** n dreams, the first `withAggression` holding one aggression; each holds a man and a woman. */
const series = (n: number, withAggression: number) =>
  Array.from({ length: n }, (_, i) => (i < withAggression ? [man, woman, aggression] : [man, woman]));

describe('hProfile', () => {
  it('gives Cohen’s h per proportion against the chosen norm group, rates apart', () => {
    const profile = hProfile(dreamIndicators(series(80, 60)), HVDC_NORMS.women);
    expect(profile.normGroup).toBe('women');
    expect(profile.dreams).toBe(80);
    expect(profile.caution).toBe(false);
    const dreamsWith = profile.proportions.find((e) => e.indicator === 'dreamsWithAggression')!;
    expect(dreamsWith.value.value).toBe(0.75);
    expect(dreamsWith.h).toBeCloseTo(cohensH(0.75, 0.44), 12);
    expect(dreamsWith.effect).toBe('medium');
    expect(dreamsWith.test).toBe('norm-sample');
    const maleFemale = profile.proportions.find((e) => e.indicator === 'maleFemale')!;
    expect(maleFemale.h).toBeCloseTo(cohensH(0.5, 0.48), 12);
    expect(maleFemale.test).toBe('norm-as-population');
    expect(maleFemale.significant).toBe(false);
    expect(profile.rates.map((r) => r.indicator)).toEqual([
      'aggressionsPerCharacter',
      'friendlinessPerCharacter',
      'sexualityPerCharacter',
    ]);
    expect(profile.rates[0]!.difference).toBeCloseTo(60 / 160 - 0.24, 12);
    expect(profile.proportions.some((e) => (e.indicator as string) === 'aggressionsPerCharacter')).toBe(false);
  });

  it('marks a large difference significant after Benjamini–Hochberg, a null one not', () => {
    const profile = hProfile(dreamIndicators(series(100, 95)), HVDC_NORMS.men);
    const dreamsWith = profile.proportions.find((e) => e.indicator === 'dreamsWithAggression')!;
    expect(dreamsWith.significant).toBe(true);
    expect(dreamsWith.q!).toBeGreaterThanOrEqual(dreamsWith.p!);
    const physical = profile.proportions.find((e) => e.indicator === 'physicalAggression')!;
    expect(physical.value.value).toBe(1);
    const befriender = profile.proportions.find((e) => e.indicator === 'befriender')!;
    expect(befriender).toMatchObject({ h: null, p: null, q: null, significant: false });
  });

  it('shows the count and a caution below about 75 dreams', () => {
    expect(RECOMMENDED_MINIMUM_DREAMS).toBe(75);
    expect(hProfile(dreamIndicators(series(74, 10)), HVDC_NORMS.men)).toMatchObject({ dreams: 74, caution: true });
    expect(hProfile(dreamIndicators(series(75, 10)), HVDC_NORMS.men)).toMatchObject({ dreams: 75, caution: false });
  });
});
