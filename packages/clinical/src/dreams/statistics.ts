/**
 * The statistics of the h-profile: Cohen's h, a two-proportion z-test and the Benjamini–Hochberg
 * false discovery rate correction — CLINICAL-REFERENCE.md §6.
 */

/** Cohen's h = 2·asin(√p1) − 2·asin(√p2); |h| ≈ .2 small, .5 medium, .8 large. */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

export type EffectSize = 'negligible' | 'small' | 'medium' | 'large';

/** Cohen's conventional bands of |h|: below .2 negligible, .2 small, .5 medium, .8 large. */
export function effectSize(h: number): EffectSize {
  const a = Math.abs(h);
  return a >= 0.8 ? 'large' : a >= 0.5 ? 'medium' : a >= 0.2 ? 'small' : 'negligible';
}

/** The standard normal cumulative distribution (erf by Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface ZTest {
  z: number;
  /** Two-sided. */
  p: number;
}

/**
 * Two-proportion z-test of x1/n1 against a reference proportion p2 from a sample of n2 (pooled standard
 * error). When n2 is not known (`undefined`), the reference is taken as a population value:
 * z = (p1 − p2) / √(p2(1 − p2)/n1), the limit of the pooled test as n2 grows.
 */
export function twoProportionZTest(x1: number, n1: number, p2: number, n2?: number): ZTest {
  if (n1 <= 0) throw new RangeError('The sample must hold at least one case');
  const p1 = x1 / n1;
  let se: number;
  if (n2 === undefined) se = Math.sqrt((p2 * (1 - p2)) / n1);
  else {
    const pooled = (x1 + p2 * n2) / (n1 + n2);
    se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  }
  if (se === 0) return p1 === p2 ? { z: 0, p: 1 } : { z: p1 > p2 ? Infinity : -Infinity, p: 0 };
  const z = (p1 - p2) / se;
  return { z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the order given: q(i) = min over j ≥ i of
 * p(j)·m/j for p sorted ascending (never above 1). A test is significant at false discovery rate α when q ≤ α.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = order[k]!;
    running = Math.min(running, (p * m) / (k + 1));
    q[i] = running;
  }
  return q;
}
