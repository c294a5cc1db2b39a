/**
 * The instrument definition format: plain data, compatible with a FHIR R4 Questionnaire (items with
 * linkId, text and LOINC code; answer options with ordinal values and answer codes), plus the
 * scoring rules FHIR leaves out. Built-in instruments are written in it, and a practice imports its
 * licensed instruments (CORE-10, WSAS…) as JSON in it, checked by `validateDefinition`.
 *
 * Any field named `unverified` holds a note saying why a value is not from a primary source; such a
 * value is a default the practice may change, and must not be presented as authoritative.
 */

/** A code from a code system (LOINC is `http://loinc.org`). */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** One answer a person can give to a question. */
export interface AnswerOption {
  /** The ordinal value used in scoring: a whole number. */
  value: number;
  /** The exact wording shown. */
  label: string;
  /** The answer code, e.g. LOINC LA6568-5 for "Not at all". */
  code?: Coding;
}

/** One question. */
export interface InstrumentItem {
  /** Identifies the question in answers and in FHIR (`Questionnaire.item.linkId`). */
  linkId: string;
  /** The exact wording, administered verbatim. */
  text: string;
  code?: Coding;
  /** Whether the answer counts towards the total. Default true. */
  scored?: boolean;
  /** Reverse keyed: scored as (lowest + highest option value) − answer. */
  reverse?: boolean;
  /** The answers for this question when they differ from the instrument's `answerOptions`. */
  answerOptions?: AnswerOption[];
  /**
   * Present when the question may be answered "not applicable" (PHQ-15 item 4). A not-applicable
   * answer is not missing: it adds nothing to the total and is not prorated.
   */
  notApplicable?: { label: string };
}

/**
 * What happens when scored questions are left unanswered (or declined): up to `maxMissing` are
 * prorated — each replaced by the mean of the answered ones, i.e. total = sum × applicable ÷ answered,
 * kept within the score range — and rounded; more than that gives no score.
 */
export interface MissingItemRule {
  maxMissing: number;
  /** 'half-up': to a whole number, .5 upwards. 'none': keep the fraction. */
  rounding: 'half-up' | 'none';
  unverified?: string;
}

/**
 * A severity band, inclusive at both ends. An instrument's bands run without gaps across its score
 * range, or it has none (PCL-5).
 */
export interface Band {
  min: number;
  max: number;
  label: string;
}

/** The clinical cut-off: a total at or above (or above) `score` is a case. */
export interface Cutoff {
  score: number;
  comparison: 'at-or-above' | 'above';
  label: string;
  unverified?: string;
}

/** The change in total, in points, that counts as reliable for this instrument. */
export interface ReliableChangeValue {
  points: number;
  unverified?: string;
}

/** A subscale or symptom cluster: the sum of some scored questions. */
export interface Subscale {
  id: string;
  label: string;
  linkIds: string[];
}

/** A safeguarding flag on one question (PHQ-9 item 9). */
export interface FlagRule {
  id: string;
  label: string;
  linkId: string;
  /** Raised when the answer value is at or above this. */
  atOrAbove: number;
  /** Raised when the person explicitly declines the question. */
  whenDeclined: boolean;
  /** Raised when the question is left unanswered. */
  whenUnanswered: boolean;
}

/** One cluster of a diagnostic pattern: at least `minEndorsed` of `linkIds` endorsed. */
export interface PatternCluster {
  id: string;
  label: string;
  linkIds: string[];
  minEndorsed: number;
}

/** A provisional diagnostic pattern (PCL-5 DSM-5): every cluster met, with an item endorsed at or above `endorsedAtOrAbove`. */
export interface DiagnosticPattern {
  id: string;
  label: string;
  endorsedAtOrAbove: number;
  clusters: PatternCluster[];
  unverified?: string;
}

/** The licence and the copyright line shown wherever the instrument is administered. */
export interface Licence {
  copyright: string;
  /** The terms of use in plain words, e.g. "No permission required to reproduce…". */
  terms: string;
  url?: string;
}

export interface InstrumentDefinition {
  /** Lower-case letters, digits and hyphens, e.g. "phq-9". */
  id: string;
  /** Short name, e.g. "PHQ-9". */
  name: string;
  title: string;
  version?: string;
  /** The panel code, e.g. LOINC 44249-1. */
  code?: Coding;
  /** The code of the total score observation, e.g. LOINC 44261-6. */
  totalScoreCode?: Coding;
  /** The instruction shown before the questions, verbatim. */
  stem?: string;
  /** The default answers for every question without its own. */
  answerOptions?: AnswerOption[];
  items: InstrumentItem[];
  missingItemRule: MissingItemRule;
  bands: Band[];
  cutoff?: Cutoff;
  reliableChange?: ReliableChangeValue;
  subscales?: Subscale[];
  flags?: FlagRule[];
  patterns?: DiagnosticPattern[];
  licence: Licence;
  /** Notes on anything else in the definition that is not from a primary source. */
  unverified?: string[];
}
