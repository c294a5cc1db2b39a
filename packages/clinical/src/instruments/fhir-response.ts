import type { Coding, InstrumentDefinition, InstrumentItem } from './definition-types.js';
import { optionsFor } from './item-helpers.js';
import type { AnswerValue, Answers, InstrumentScore } from './score-types.js';

/** FHIR's code system for why a value is absent ("asked-declined"). */
export const DATA_ABSENT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM_SYSTEM = 'http://unitsofmeasure.org';

export interface FhirReference {
  reference: string;
}

export interface FhirResponseItem {
  linkId: string;
  text: string;
  answer?: { valueCoding: Coding }[];
}

/** The subset of a FHIR R4 QuestionnaireResponse this package writes. */
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  questionnaire: string;
  status: 'completed';
  subject: FhirReference;
  authored: string;
  item: FhirResponseItem[];
}

/** The subset of a FHIR R4 Observation this package writes: an instrument's total score. */
export interface FhirScoreObservation {
  resourceType: 'Observation';
  id: string;
  status: 'final';
  category: { coding: Coding[] }[];
  code: { coding?: Coding[]; text: string };
  subject: FhirReference;
  effectiveDateTime: string;
  valueInteger?: number;
  valueQuantity?: { value: number; unit: string; system: string; code: string };
  interpretation?: { text: string }[];
  note?: { text: string }[];
  derivedFrom: FhirReference[];
}

export type FhirMeasureResource = FhirQuestionnaireResponse | FhirScoreObservation;

/** A FHIR R4 Bundle of type collection. */
export interface FhirCollectionBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirMeasureResource }[];
}

export interface FhirResponseContext {
  /** The id of the response (a UUID or other FHIR id). */
  id: string;
  /** The subject reference, e.g. `Patient/<client id>`. */
  subject: string;
  /** When the answers were given: a FHIR dateTime (a date alone, "2026-03-01", is allowed). */
  authored: string;
  /** The definition's version this response was answered against, pinned in the canonical. */
  version?: string;
}

/** The canonical of the questionnaire: `urn:undercurrent:instrument:<id>`, with `|<version>` when known. */
export function questionnaireCanonical(def: InstrumentDefinition, version?: string): string {
  const base = `urn:undercurrent:instrument:${def.id}`;
  return version === undefined ? base : `${base}|${version}`;
}

function answerCoding(def: InstrumentDefinition, item: InstrumentItem, value: AnswerValue): Coding | null {
  const system = `urn:undercurrent:instrument:${def.id}`;
  if (value === 'declined')
    return { system: DATA_ABSENT_REASON_SYSTEM, code: 'asked-declined', display: 'Asked But Declined' };
  if (value === 'not-applicable') {
    return { system, code: 'not-applicable', display: item.notApplicable?.label ?? 'Not applicable' };
  }
  if (typeof value !== 'number') return null;
  const option = optionsFor(def, item).find((o) => o.value === value);
  if (!option) return null;
  return option.code
    ? { system: option.code.system, code: option.code.code, display: option.label }
    : { system, code: String(option.value), display: option.label };
}

/**
 * The answers as a FHIR R4 QuestionnaireResponse: one item per question answered (its linkId and
 * text, the answer as the same coding the Questionnaire offers — LOINC answer codes where the
 * definition has them), a declined question answered with data-absent-reason `asked-declined`, a
 * question left blank omitted. Answers not offered by the definition are left out.
 */
export function toFhirQuestionnaireResponse(
  def: InstrumentDefinition,
  answers: Answers,
  context: FhirResponseContext,
): FhirQuestionnaireResponse {
  const items: FhirResponseItem[] = [];
  for (const item of def.items) {
    const coding = answerCoding(def, item, answers[item.linkId]);
    if (coding) items.push({ linkId: item.linkId, text: item.text, answer: [{ valueCoding: coding }] });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: context.id,
    questionnaire: questionnaireCanonical(def, context.version),
    status: 'completed',
    subject: { reference: context.subject },
    authored: context.authored,
    item: items,
  };
}

export interface FhirObservationContext {
  /** The id of the observation. */
  id: string;
  subject: string;
  effectiveDateTime: string;
  /** A reference to the QuestionnaireResponse scored, e.g. `urn:uuid:<id>` inside a bundle. */
  derivedFrom: string;
}

/**
 * The total score as a FHIR R4 Observation (category survey): coded with the definition's total
 * score code (LOINC 44261-6 for PHQ-9, 70274-6 for GAD-7) and its name as text; a whole total as
 * valueInteger, a fraction (prorated without rounding) as valueQuantity in `{score}`; the band and
 * caseness as interpretation text; prorating said in a note. Null when there is no total.
 */
export function toFhirScoreObservation(
  def: InstrumentDefinition,
  result: InstrumentScore,
  context: FhirObservationContext,
): FhirScoreObservation | null {
  if (result.total === null) return null;
  const total = result.total;
  const interpretation: { text: string }[] = [];
  if (result.band) interpretation.push({ text: result.band.label });
  if (result.caseness !== null && def.cutoff) {
    interpretation.push({ text: result.caseness ? def.cutoff.label : `Below the cut-off (${def.cutoff.label})` });
  }
  const notes: { text: string }[] = [];
  if (result.prorated) {
    notes.push({
      text: `Prorated: ${result.missing.length} question(s) unanswered (${result.missing.join(', ')}); answered sum ${result.answeredSum}.`,
    });
  }
  return {
    resourceType: 'Observation',
    id: context.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: {
      ...(def.totalScoreCode ? { coding: [def.totalScoreCode] } : {}),
      text: `${def.name} total score`,
    },
    subject: { reference: context.subject },
    effectiveDateTime: context.effectiveDateTime,
    ...(Number.isInteger(total)
      ? { valueInteger: total }
      : { valueQuantity: { value: total, unit: '{score}', system: UCUM_SYSTEM, code: '{score}' } }),
    ...(interpretation.length > 0 ? { interpretation } : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
    derivedFrom: [{ reference: context.derivedFrom }],
  };
}

/** Resources gathered in a FHIR R4 collection Bundle, each under `urn:uuid:<id>`. */
export function toFhirCollectionBundle(
  resources: readonly FhirMeasureResource[],
  timestamp: string,
): FhirCollectionBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
