/**
 * Jacobson & Truax (1991) reliable change (CLINICAL-REFERENCE.md §3):
 * SE = SD_pre · √(1 − r); S_diff = √2 · SE; RC = (post − pre) / S_diff; reliable if |RC| > 1.96;
 * minimum reliable raw change = 1.96 · S_diff.
 *
 * Alternatively a published raw-point value can be given (e.g. 6 for PHQ-9, 4 for GAD-7, §1); a
 * change of at least that many points is reliable, as in NHS Talking Therapies ("falls ≥ 6").
 */
import { assertFiniteScore, assertPositive } from './validate.js';

/** Which way a score moves when the person gets better. PHQ-9, GAD-7, PHQ-15, PCL-5: lower is better. */
export type ScoreDirection = 'lower-is-better' | 'higher-is-better';

/** How reliable change is judged: from the measure's norms, or from a published raw-point value. */
export type ReliabilityBasis =
  | {
      /** Standard deviation of the pre-treatment (or normative) scores. Must be > 0. */
      sdPre: number;
      /** Test–retest reliability r (or internal consistency), 0 ≤ r < 1. */
      reliability: number;
    }
  | {
      /** Raw-score points: the smallest change counted as reliable (inclusive), e.g. 6 for PHQ-9. Must be > 0. */
      reliableChangeIndex: number;
    };

export interface ReliableChangeOptions {
  /** Default 'lower-is-better' (true of all the instruments shipped, §1). */
  direction?: ScoreDirection;
  /** Critical |RC| for the norms basis; default 1.96 (p < .05, two-tailed). Not used with a raw-point value. */
  criticalValue?: number;
}

export interface ReliableChange {
  /** post − pre, in raw points. */
  change: number;
  /** Standard error of measurement; null when a raw-point value was given. */
  standardError: number | null;
  /** Standard error of the difference; null when a raw-point value was given. */
  sDiff: number | null;
  /** The reliable change index (post − pre) / S_diff; null when a raw-point value was given. */
  rc: number | null;
  /** Smallest raw change that counts as reliable: criticalValue · S_diff, or the raw-point value. */
  minimumReliableChange: number;
  /** The change is reliable (|RC| > criticalValue, or |change| ≥ raw-point value). */
  reliable: boolean;
  /** Reliable and in the better direction. */
  reliableImprovement: boolean;
  /** Reliable and in the worse direction. */
  reliableDeterioration: boolean;
}

/** Jacobson & Truax critical value: |RC| must exceed it (p < .05, two-tailed). */
export const JACOBSON_TRUAX_CRITICAL_VALUE = 1.96;

/** Reliable change between two scores on the same measure (Jacobson & Truax 1991; §3). */
export function reliableChange(
  pre: number,
  post: number,
  basis: ReliabilityBasis,
  options: ReliableChangeOptions = {},
): ReliableChange {
  assertFiniteScore(pre, 'pre');
  assertFiniteScore(post, 'post');
  const direction = options.direction ?? 'lower-is-better';
  const change = post - pre;
  let standardError: number | null = null;
  let sDiff: number | null = null;
  let rc: number | null = null;
  let minimumReliableChange: number;
  let reliable: boolean;
  if ('reliableChangeIndex' in basis) {
    const threshold = basis.reliableChangeIndex;
    assertPositive(threshold, 'reliableChangeIndex');
    minimumReliableChange = threshold;
    reliable = Math.abs(change) >= threshold;
  } else {
    const { sdPre, reliability } = basis;
    const critical = options.criticalValue ?? JACOBSON_TRUAX_CRITICAL_VALUE;
    assertPositive(sdPre, 'sdPre');
    if (!(Number.isFinite(reliability) && reliability >= 0 && reliability < 1)) {
      throw new RangeError(`reliability must be in [0, 1), got ${String(reliability)}`);
    }
    assertPositive(critical, 'criticalValue');
    standardError = sdPre * Math.sqrt(1 - reliability);
    // √2 · SD · √(1 − r) written as SD · √(2(1 − r)): the same value, with less rounding error.
    sDiff = sdPre * Math.sqrt(2 * (1 - reliability));
    rc = change / sDiff;
    minimumReliableChange = critical * sDiff;
    // |RC| > critical, compared in raw points so that it agrees exactly with minimumReliableChange.
    reliable = Math.abs(change) > minimumReliableChange;
  }
  const better = direction === 'lower-is-better' ? change < 0 : change > 0;
  return {
    change,
    standardError,
    sDiff,
    rc,
    minimumReliableChange,
    reliable,
    reliableImprovement: reliable && better,
    reliableDeterioration: reliable && !better,
  };
}
