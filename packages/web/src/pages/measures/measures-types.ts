/** The web's mirror of the measures routes' shapes (server features/measures/measures-schemas.ts). */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface AnswerOption {
  value: number;
  label: string;
  code?: Coding;
}

export interface InstrumentItem {
  linkId: string;
  text: string;
  code?: Coding;
  scored?: boolean;
  reverse?: boolean;
  answerOptions?: AnswerOption[];
  notApplicable?: { label: string };
}

export interface InstrumentDefinition {
  id: string;
  name: string;
  title: string;
  version?: string;
  stem?: string;
  answerOptions?: AnswerOption[];
  items: InstrumentItem[];
  missingItemRule: { maxMissing: number; rounding: 'half-up' | 'none' };
  bands: { min: number; max: number; label: string }[];
  cutoff?: { score: number; comparison: 'at-or-above' | 'above'; label: string };
  licence: { copyright: string; terms: string; url?: string };
}

export interface InstrumentSummary {
  instrumentId: string;
  name: string;
  title: string;
  source: 'builtin' | 'practice';
  version: number | null;
  definitionId: string | null;
  status: 'active' | 'retired';
  itemCount: number;
  copyright: string;
  terms: string;
  url: string | null;
  importedAt: string | null;
  importedBy: { id: string; displayName: string } | null;
}

export interface Instrument {
  summary: InstrumentSummary;
  definition: InstrumentDefinition;
}

export type AnswerValue = number | 'declined' | 'not-applicable' | null;

export interface ResultFlag {
  id: string;
  label: string;
  linkId: string;
  reason: 'answer-at-or-above-threshold' | 'declined' | 'unanswered';
  answer: string;
}

export interface MeasureResult {
  id: string;
  instrument: { instrumentId: string; name: string; version: number | null; copyright: string };
  source: 'paper' | 'portal';
  completedOn: string;
  appointmentId: string | null;
  enteredBy: { id: string; displayName: string };
  enteredAt: string;
  total: number | null;
  range: { min: number; max: number };
  noScoreReason: string | null;
  prorated: boolean;
  missing: string[];
  band: string | null;
  caseness: boolean | null;
  cutoffLabel: string | null;
  flags: ResultFlag[];
  answers: Record<string, AnswerValue>;
}

export interface ResultList {
  client: { id: string; displayName: string };
  results: MeasureResult[];
  sessions: { appointmentId: string; startsAt: string }[];
}

export interface EnterAnswers {
  instrumentId: string;
  version: number | null;
  completedOn: string;
  appointmentId: string | null;
  answers: Record<string, AnswerValue>;
}
