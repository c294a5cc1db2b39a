/**
 * Reliable deterioration for NHS Talking Therapies episodes — the ONE place this rule lives.
 *
 * **unverified** (CLINICAL-REFERENCE.md §3): the rule used here is the commonly used symmetric one —
 * reliable deterioration when PHQ-9 rises ≥ 6 OR GAD-7 rises ≥ 4 (any measure rises by at least its
 * reliable-change value), whatever the other measure does. The NHS rule for changes in opposite
 * directions (one measure reliably better, the other reliably worse) has not been confirmed from a
 * primary source. A practice or a later release can replace it through
 * `TalkingTherapiesParameters.reliableDeterioration` without touching anything else.
 */

/** First and last paired scores on one measure, and whether the change between them is reliable. */
export interface MeasureChange {
  /** The measure's id, e.g. 'phq9' or 'gad7'. */
  measure: string;
  first: number;
  last: number;
  /** last − first (higher scores are worse). */
  change: number;
  /** The score fell by at least the measure's reliable-change value. */
  reliablyImproved: boolean;
  /** The score rose by at least the measure's reliable-change value. */
  reliablyWorsened: boolean;
}

/**
 * Decides reliable deterioration from the per-measure changes of one episode.
 * Contract: return true only when at least one measure `reliablyWorsened` — so reliable improvement
 * (which requires that no measure rises reliably) and reliable deterioration are never both true.
 */
export type ReliableDeteriorationRule = (changes: readonly MeasureChange[]) => boolean;

/** The symmetric rule: any measure rises reliably. **unverified** — see the module comment. */
export const symmetricReliableDeterioration: ReliableDeteriorationRule = (changes) =>
  changes.some((c) => c.reliablyWorsened);
