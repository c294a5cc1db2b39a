/**
 * Practice-level NHS Talking Therapies figures (CLINICAL-REFERENCE.md §3; issue 6 part 4): numbers
 * and percentages recovered, reliably improved, reliably recovered and reliably deteriorated, and
 * paired-data completeness. Input is episode outcomes only — no identities go in or come out.
 *
 * Denominators, as NHS Talking Therapies reports them: completeness over finished courses;
 * reliable improvement and deterioration over finished courses with paired data; recovery and
 * reliable recovery over finished courses with paired data that were a case at the start.
 */
import type { TalkingTherapiesOutcome } from './talking-therapies.js';

export interface OutcomeRate {
  count: number;
  denominator: number;
  /** 100 · count / denominator, unrounded; null when the denominator is 0. */
  percentage: number | null;
}

export interface PracticeOutcomeSummary {
  /** Episodes given. */
  episodes: number;
  /** Episodes that finished a course of treatment. */
  finishedCourse: number;
  /** Finished courses with first and last paired scores, over finished courses. */
  pairedDataCompleteness: OutcomeRate;
  /** Finished, paired and a case at the first measurement: the recovery denominator. */
  casesAtStart: number;
  recovered: OutcomeRate;
  reliablyImproved: OutcomeRate;
  reliablyRecovered: OutcomeRate;
  /** Reliable deterioration (**unverified** rule, see reliable-deterioration.ts). */
  deteriorated: OutcomeRate;
}

export function outcomeRate(count: number, denominator: number): OutcomeRate {
  return { count, denominator, percentage: denominator === 0 ? null : (100 * count) / denominator };
}

/** Aggregate episode outcomes into the practice outcome report. */
export function practiceOutcomeSummary(outcomes: readonly TalkingTherapiesOutcome[]): PracticeOutcomeSummary {
  const finished = outcomes.filter((o) => o.finishedCourse);
  const paired = finished.filter((o) => o.paired);
  const cases = paired.filter((o) => o.casenessFirst === true);
  const count = (list: readonly TalkingTherapiesOutcome[], pick: (o: TalkingTherapiesOutcome) => boolean | null) =>
    list.filter((o) => pick(o) === true).length;
  return {
    episodes: outcomes.length,
    finishedCourse: finished.length,
    pairedDataCompleteness: outcomeRate(paired.length, finished.length),
    casesAtStart: cases.length,
    recovered: outcomeRate(
      count(cases, (o) => o.recovery),
      cases.length,
    ),
    reliablyImproved: outcomeRate(
      count(paired, (o) => o.reliableImprovement),
      paired.length,
    ),
    reliablyRecovered: outcomeRate(
      count(cases, (o) => o.reliableRecovery),
      cases.length,
    ),
    deteriorated: outcomeRate(
      count(paired, (o) => o.reliableDeterioration),
      paired.length,
    ),
  };
}
