import type { Band } from './definition-types.js';

/**
 * One answer: the option value, 'declined' (the person chose not to answer), 'not-applicable' (only
 * for questions that allow it), or null/absent for unanswered.
 */
export type AnswerValue = number | 'declined' | 'not-applicable' | null | undefined;

/** Answers keyed by question linkId. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface SubscaleScore {
  id: string;
  label: string;
  /** The sum, or null when a question in it is missing. */
  total: number | null;
  missing: string[];
}

export interface RaisedFlag {
  id: string;
  label: string;
  linkId: string;
  reason: 'answer-at-or-above-threshold' | 'declined' | 'unanswered';
}

export interface ClusterResult {
  id: string;
  label: string;
  endorsed: number;
  required: number;
  /** null when missing answers leave it undecided. */
  met: boolean | null;
}

export interface PatternResult {
  id: string;
  label: string;
  /** true: every cluster met; false: some cluster cannot be met; null: missing answers leave it undecided. */
  met: boolean | null;
  clusters: ClusterResult[];
}

export interface InstrumentScore {
  ok: true;
  instrumentId: string;
  /** The total (prorated when allowed), or null with `noScoreReason`. */
  total: number | null;
  noScoreReason: string | null;
  /** Whether missing answers were prorated. */
  prorated: boolean;
  /** Sum of the answered scored questions, after reverse keying. */
  answeredSum: number;
  range: { min: number; max: number };
  /** linkIds of scored questions answered, missing (unanswered or declined), declined, and not applicable. */
  answered: string[];
  missing: string[];
  declined: string[];
  notApplicable: string[];
  band: Band | null;
  /** Whether the total reaches the cut-off; null without a total or a cut-off. */
  caseness: boolean | null;
  subscales: SubscaleScore[];
  flags: RaisedFlag[];
  patterns: PatternResult[];
}

export interface ScoreError {
  linkId?: string;
  message: string;
}

/** The answers could not be scored at all (not an object, unknown questions, values not offered). */
export interface ScoreFailure {
  ok: false;
  errors: ScoreError[];
}

export type ScoreResult = InstrumentScore | ScoreFailure;
