/**
 * NHS Talking Therapies (England) episode outcomes, from the first and last PAIRED measurements
 * (CLINICAL-REFERENCE.md §3). Every threshold is a parameter; the defaults are the reference's:
 * finished course ≥ 2 treatment sessions; caseness PHQ-9 ≥ 10 and/or GAD-7 ≥ 8; reliable change
 * PHQ-9 6 points, GAD-7 4 points (§1). Scores are totals where higher is worse.
 */
import {
  symmetricReliableDeterioration,
  type MeasureChange,
  type ReliableDeteriorationRule,
} from './reliable-deterioration.js';
import { assertFiniteScore, assertPositive } from './validate.js';

/** One measure used for caseness and reliable change (higher scores are worse). */
export interface TalkingTherapiesMeasure {
  /** Key of the score in each {@link TalkingTherapiesTimePoint}, e.g. 'phq9'. */
  id: string;
  /** A case when the total is at or above this (PHQ-9 10, GAD-7 8). */
  casenessCutoff: number;
  /** Raw points of change that count as reliable, inclusive (PHQ-9 6, GAD-7 4). */
  reliableChange: number;
}

export interface TalkingTherapiesParameters {
  /** The measures, every one of which must be present at a time point for it to count as paired data. */
  measures: readonly TalkingTherapiesMeasure[];
  /** A finished course of treatment is at least this many treatment sessions attended. */
  minimumTreatmentSessions: number;
  /** The reliable-deterioration rule (**unverified** default: {@link symmetricReliableDeterioration}). */
  reliableDeterioration: ReliableDeteriorationRule;
}

export const PHQ9_TALKING_THERAPIES: TalkingTherapiesMeasure = { id: 'phq9', casenessCutoff: 10, reliableChange: 6 };
export const GAD7_TALKING_THERAPIES: TalkingTherapiesMeasure = { id: 'gad7', casenessCutoff: 8, reliableChange: 4 };

/** The reference's defaults (§1, §3). */
export const TALKING_THERAPIES_DEFAULTS: TalkingTherapiesParameters = {
  measures: [PHQ9_TALKING_THERAPIES, GAD7_TALKING_THERAPIES],
  minimumTreatmentSessions: 2,
  reliableDeterioration: symmetricReliableDeterioration,
};

/** Scores at one time point, keyed by measure id; null or absent = not measured. E.g. `{ phq9: 14, gad7: 9 }`. */
export type TalkingTherapiesTimePoint = Readonly<Record<string, number | null | undefined>>;

export interface TalkingTherapiesEpisode {
  /** Time points in chronological order. */
  measurements: readonly TalkingTherapiesTimePoint[];
  /** Treatment sessions attended (assessment excluded). */
  treatmentSessionsAttended: number;
}

export interface PairedScores {
  /** Index into `measurements`. */
  index: number;
  /** Scores of the configured measures at that time point. */
  scores: Readonly<Record<string, number>>;
}

export interface TalkingTherapiesOutcome {
  /** ≥ minimumTreatmentSessions attended. Practice figures count finished courses only. */
  finishedCourse: boolean;
  /** There are two distinct time points with every measure present. When false, everything below is null. */
  paired: boolean;
  /** First time point with every measure present. */
  first: PairedScores | null;
  /** Last time point with every measure present (after `first`). */
  last: PairedScores | null;
  casenessFirst: boolean | null;
  casenessLast: boolean | null;
  /** Per-measure change, first → last. Empty when not paired. */
  changes: readonly MeasureChange[];
  /** A case at first and not a case (on every measure) at last. Null unless paired and a case at first: recovery is reported only for cases at the start. */
  recovery: boolean | null;
  /** Some measure fell reliably and none rose reliably. Null when not paired. */
  reliableImprovement: boolean | null;
  /** From the configured rule (**unverified** default). Null when not paired. */
  reliableDeterioration: boolean | null;
  /** Recovery and reliable improvement. Null when recovery is null. */
  reliableRecovery: boolean | null;
}

/** Resolve partial parameters over the defaults, and check them. */
export function talkingTherapiesParameters(
  overrides: Partial<TalkingTherapiesParameters> = {},
): TalkingTherapiesParameters {
  const params = { ...TALKING_THERAPIES_DEFAULTS, ...overrides };
  if (params.measures.length === 0) throw new RangeError('at least one measure is needed');
  for (const m of params.measures) {
    assertFiniteScore(m.casenessCutoff, `${m.id}.casenessCutoff`);
    assertPositive(m.reliableChange, `${m.id}.reliableChange`);
  }
  if (!(Number.isInteger(params.minimumTreatmentSessions) && params.minimumTreatmentSessions >= 0)) {
    throw new RangeError(`minimumTreatmentSessions must be a whole number ≥ 0`);
  }
  return params;
}

/** Caseness at one time point: at or above the cut-off on any measure (PHQ-9 ≥ 10 and/or GAD-7 ≥ 8). */
export function isTalkingTherapiesCase(
  scores: Readonly<Record<string, number>>,
  measures: readonly TalkingTherapiesMeasure[] = TALKING_THERAPIES_DEFAULTS.measures,
): boolean {
  return measures.some((m) => (scores[m.id] ?? -Infinity) >= m.casenessCutoff);
}

function completeScores(
  point: TalkingTherapiesTimePoint,
  index: number,
  measures: readonly TalkingTherapiesMeasure[],
): PairedScores | null {
  const scores: Record<string, number> = {};
  for (const m of measures) {
    const value = point[m.id];
    if (value === null || value === undefined) return null;
    assertFiniteScore(value, `measurements[${index}].${m.id}`);
    scores[m.id] = value;
  }
  return { index, scores };
}

/**
 * The first and last time points at which every measure was recorded. Time points missing any
 * measure are skipped, so a missing last measurement falls back to the latest complete one.
 */
export function firstAndLastPaired(
  measurements: readonly TalkingTherapiesTimePoint[],
  measures: readonly TalkingTherapiesMeasure[] = TALKING_THERAPIES_DEFAULTS.measures,
): { first: PairedScores; last: PairedScores } | null {
  const complete = measurements
    .map((point, index) => completeScores(point, index, measures))
    .filter((p): p is PairedScores => p !== null);
  if (complete.length < 2) return null;
  return { first: complete[0] as PairedScores, last: complete[complete.length - 1] as PairedScores };
}

/** The NHS Talking Therapies outcome of one episode (§3). */
export function talkingTherapiesOutcome(
  episode: TalkingTherapiesEpisode,
  overrides: Partial<TalkingTherapiesParameters> = {},
): TalkingTherapiesOutcome {
  const params = talkingTherapiesParameters(overrides);
  const sessions = episode.treatmentSessionsAttended;
  if (!(Number.isInteger(sessions) && sessions >= 0)) {
    throw new RangeError(`treatmentSessionsAttended must be a whole number ≥ 0, got ${String(sessions)}`);
  }
  const finishedCourse = sessions >= params.minimumTreatmentSessions;
  const pair = firstAndLastPaired(episode.measurements, params.measures);
  if (!pair) {
    return {
      finishedCourse,
      paired: false,
      first: null,
      last: null,
      casenessFirst: null,
      casenessLast: null,
      changes: [],
      recovery: null,
      reliableImprovement: null,
      reliableDeterioration: null,
      reliableRecovery: null,
    };
  }
  const { first, last } = pair;
  const changes: MeasureChange[] = params.measures.map((m) => {
    const a = first.scores[m.id] as number;
    const b = last.scores[m.id] as number;
    const change = b - a;
    return {
      measure: m.id,
      first: a,
      last: b,
      change,
      reliablyImproved: -change >= m.reliableChange,
      reliablyWorsened: change >= m.reliableChange,
    };
  });
  const casenessFirst = isTalkingTherapiesCase(first.scores, params.measures);
  const casenessLast = isTalkingTherapiesCase(last.scores, params.measures);
  const reliableImprovement = changes.some((c) => c.reliablyImproved) && !changes.some((c) => c.reliablyWorsened);
  const recovery = casenessFirst ? !casenessLast : null;
  return {
    finishedCourse,
    paired: true,
    first,
    last,
    casenessFirst,
    casenessLast,
    changes,
    recovery,
    reliableImprovement,
    reliableDeterioration: params.reliableDeterioration(changes),
    reliableRecovery: recovery === null ? null : recovery && reliableImprovement,
  };
}
