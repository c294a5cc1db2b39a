import type { MissingItemRule } from './definition-types.js';

export interface TotalOutcome {
  total: number | null;
  prorated: boolean;
  noScoreReason: string | null;
}

export interface AnsweredCounts {
  /** Sum of answered scored questions, after reverse keying. */
  sum: number;
  answered: number;
  /** Scored questions that apply (not answered "not applicable"). */
  applicable: number;
}

/**
 * The total under a missing-item rule. With k of n applicable questions missing and k ≤ maxMissing,
 * each missing answer is replaced by the mean of the answered ones: total = sum × n ÷ (n − k),
 * rounded as the rule says (half-up is computed in whole numbers, so .5 is never mis-rounded) and
 * kept within the score range. More than maxMissing missing → no total, with the reason.
 */
export function applyMissingItemRule(
  rule: MissingItemRule,
  counts: AnsweredCounts,
  range: { min: number; max: number },
  instrumentName: string,
): TotalOutcome {
  const { sum, answered, applicable } = counts;
  const missing = applicable - answered;
  if (missing > rule.maxMissing) {
    const allowed =
      rule.maxMissing === 0 ? 'only when every question is answered' : `with at most ${rule.maxMissing} missing`;
    return {
      total: null,
      prorated: false,
      noScoreReason: `${missing} of ${applicable} questions were not answered; ${instrumentName} can be scored ${allowed}.`,
    };
  }
  if (answered === 0) {
    return { total: null, prorated: false, noScoreReason: 'No scored question applies to this person.' };
  }
  if (missing === 0) return { total: sum, prorated: false, noScoreReason: null };
  const prorated =
    rule.rounding === 'half-up'
      ? Math.floor((2 * sum * applicable + answered) / (2 * answered))
      : (sum * applicable) / answered;
  return { total: Math.min(range.max, Math.max(range.min, prorated)), prorated: true, noScoreReason: null };
}
