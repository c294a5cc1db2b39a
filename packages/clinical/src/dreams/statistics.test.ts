import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, cohensH, effectSize, normalCdf, twoProportionZTest } from './statistics.js';

describe("Cohen's h", () => {
  it('matches hand-worked values', () => {
    // 2·asin(√.5) − 2·asin(√.25) = π/2 − π/3 = π/6
    expect(cohensH(0.5, 0.25)).toBeCloseTo(Math.PI / 6, 12);
    // 2·asin(√.75) − 2·asin(√.25) = 2π/3 − π/3 = π/3
    expect(cohensH(0.75, 0.25)).toBeCloseTo(Math.PI / 3, 12);
    expect(cohensH(1, 0)).toBeCloseTo(Math.PI, 12);
    expect(cohensH(0.25, 0.5)).toBeCloseTo(-Math.PI / 6, 12);
    expect(cohensH(0.4, 0.4)).toBe(0);
  });

  it('bands |h| at .2, .5 and .8', () => {
    expect(effectSize(0.19)).toBe('negligible');
    expect(effectSize(-0.2)).toBe('small');
    expect(effectSize(0.5)).toBe('medium');
    expect(effectSize(-0.81)).toBe('large');
  });
});

describe('two-proportion z-test', () => {
  it('normal CDF is right to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });

  it('pools the two samples when the norm sample size is known', () => {
    // 30/50 = .6 against .4 of 500: pooled .41818…, SE = √(.41818·.58182·(1/50 + 1/500)) = .073163
    const t = twoProportionZTest(30, 50, 0.4, 500);
    expect(t.z).toBeCloseTo(2.73365, 4);
    expect(t.p).toBeCloseTo(0.006264, 5);
  });

  it('takes the norm as a population value when its sample size is not known', () => {
    // SE = √(.4·.6/50) = .069282, z = .2/.069282
    const t = twoProportionZTest(30, 50, 0.4);
    expect(t.z).toBeCloseTo(2.88675, 4);
    expect(t.p).toBeCloseTo(0.003892, 5);
  });

  it('handles a norm of 0 without dividing by zero', () => {
    expect(twoProportionZTest(0, 40, 0)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(2, 40, 0).p).toBe(0);
  });

  it('refuses an empty sample', () => {
    expect(() => twoProportionZTest(0, 0, 0.5)).toThrow(RangeError);
  });
});

describe('Benjamini–Hochberg', () => {
  it('matches a hand-worked example, in the given order', () => {
    // sorted .005 .01 .03 .04 → p·4/k = .02 .02 .04 .04 → cumulative minimum from the top
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q.map((x) => Number(x.toFixed(10)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('keeps q monotone in p (step-up)', () => {
    // .04·2/1 = .08 but the larger p gives .041·2/2 = .041, so both are .041
    expect(benjaminiHochberg([0.04, 0.041])).toEqual([0.041, 0.041]);
    // .8·3/1, .9·3/2 and .95·3/3: the largest p's .95 bounds the others
    for (const q of benjaminiHochberg([0.9, 0.8, 0.95])) expect(q).toBeCloseTo(0.95, 12);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
