import { beforeAll, describe, expect, it } from 'vitest';
import { fhirSchemaErrors, validator } from '../test-support/fhir-r4-schema.js';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments.js';
import type { InstrumentDefinition } from './definition-types.js';
import { toFhirQuestionnaire } from './fhir-questionnaire.js';
import {
  DATA_ABSENT_REASON_SYSTEM,
  toFhirCollectionBundle,
  toFhirQuestionnaireResponse,
  toFhirScoreObservation,
} from './fhir-response.js';
import { GAD7 } from './gad7.js';
import { PHQ15 } from './phq15.js';
import { PHQ9 } from './phq9.js';
import { score } from './score.js';
import type { Answers, InstrumentScore } from './score-types.js';

const CLIENT = 'Patient/0b6f2d1e-93a4-4c57-9d8e-1f2a3b4c5d6e';
const QR_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OBS_ID = '7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b5c';

/* A WSAS-shaped definition in placeholder wording (the real wording is not reproduced), whose
   answers have no LOINC codes and whose missing rule keeps fractions. */
const WSAS_SHAPED: InstrumentDefinition = {
  id: 'wsas',
  name: 'WSAS',
  title: 'Work and Social Adjustment Scale (placeholder wording)',
  answerOptions: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ value, label: `Placeholder ${value}` })),
  items: Array.from({ length: 5 }, (_, i) => ({ linkId: `w${i + 1}`, text: `Placeholder item ${i + 1}` })),
  missingItemRule: { maxMissing: 1, rounding: 'none' },
  bands: [
    { min: 0, max: 9, label: 'Subclinical' },
    { min: 10, max: 40, label: 'Significant' },
  ],
  licence: { copyright: 'Placeholder copyright line', terms: 'Licensed to this practice.' },
};

function scored(def: InstrumentDefinition, answers: Answers): InstrumentScore {
  const r = score(def, answers);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r;
}

function resourcesFor(def: InstrumentDefinition, answers: Answers) {
  const qr = toFhirQuestionnaireResponse(def, answers, {
    id: QR_ID,
    subject: CLIENT,
    authored: '2026-03-02',
    version: '1',
  });
  const obs = toFhirScoreObservation(def, scored(def, answers), {
    id: OBS_ID,
    subject: CLIENT,
    effectiveDateTime: '2026-03-02',
    derivedFrom: `urn:uuid:${QR_ID}`,
  });
  return { qr, obs };
}

beforeAll(() => void validator(), 120_000);

const PHQ9_ANSWERS: Answers = { 1: 2, 2: 2, 3: null, 4: 2, 5: 1, 6: 1, 7: 2, 8: 0, 9: 'declined', difficulty: 1 };

describe('FHIR R4 QuestionnaireResponse and total-score Observation', () => {
  it('writes a PHQ-9 response with LOINC answer codes, a declined item 9 and a blank item left out', () => {
    const { qr } = resourcesFor(PHQ9, PHQ9_ANSWERS);
    expect(qr.questionnaire).toBe('urn:undercurrent:instrument:phq-9|1');
    expect(qr.item.map((i) => i.linkId)).toEqual(['1', '2', '4', '5', '6', '7', '8', '9', 'difficulty']);
    expect(qr.item[0]).toEqual({
      linkId: '1',
      text: 'Little interest or pleasure in doing things',
      answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' } }],
    });
    expect(qr.item.find((i) => i.linkId === '9')?.answer?.[0]?.valueCoding).toEqual({
      system: DATA_ABSENT_REASON_SYSTEM,
      code: 'asked-declined',
      display: 'Asked But Declined',
    });
    expect(qr.item.find((i) => i.linkId === 'difficulty')?.answer?.[0]?.valueCoding).toEqual({
      system: 'urn:undercurrent:instrument:phq-9',
      code: '1',
      display: 'Somewhat difficult',
    });
    expect(fhirSchemaErrors(qr)).toEqual([]);
  });

  it('writes the PHQ-9 total as LOINC 44261-6 with valueInteger, band, caseness and prorating', () => {
    const { obs } = resourcesFor(PHQ9, PHQ9_ANSWERS);
    // 10 answered over 7 questions, 2 missing (3 and declined 9): 10 × 9/7 = 12.86 → 13
    expect(obs).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }], text: 'PHQ-9 total score' },
      valueInteger: 13,
      interpretation: [{ text: 'Moderate' }, { text: 'Case (NHS Talking Therapies)' }],
      derivedFrom: [{ reference: `urn:uuid:${QR_ID}` }],
      effectiveDateTime: '2026-03-02',
    });
    expect(obs?.note?.[0]?.text).toMatch(/^Prorated: 2 question/);
    expect(fhirSchemaErrors(obs)).toEqual([]);
  });

  it('codes a GAD-7 total as LOINC 70274-6', () => {
    const { obs } = resourcesFor(GAD7, { 1: 1, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 });
    expect(obs?.code.coding).toEqual([{ system: 'http://loinc.org', code: '70274-6' }]);
    expect(obs?.valueInteger).toBe(2);
    expect(obs?.interpretation).toEqual([
      { text: 'Minimal' },
      { text: 'Below the cut-off (Case (NHS Talking Therapies))' },
    ]);
    expect(fhirSchemaErrors(obs)).toEqual([]);
  });

  it('writes a fractional total as valueQuantity in {score}, and codes answers without LOINC in the instrument system', () => {
    const { qr, obs } = resourcesFor(WSAS_SHAPED, { w1: 8, w2: 7, w3: 0, w4: 0, w5: null });
    expect(obs?.valueQuantity).toEqual({
      value: 18.75,
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    });
    expect(obs?.valueInteger).toBeUndefined();
    expect(obs?.code).toEqual({ text: 'WSAS total score' });
    expect(qr.item[0]?.answer?.[0]?.valueCoding).toEqual({
      system: 'urn:undercurrent:instrument:wsas',
      code: '8',
      display: 'Placeholder 8',
    });
    expect(fhirSchemaErrors(qr)).toEqual([]);
    expect(fhirSchemaErrors(obs)).toEqual([]);
  });

  it('writes no Observation when there is no total, and a not-applicable PHQ-15 answer as its coding', () => {
    const blank = resourcesFor(PHQ9, { 1: 1 });
    expect(blank.obs).toBeNull();
    const phq15 = toFhirQuestionnaireResponse(
      PHQ15,
      { 4: 'not-applicable' },
      { id: QR_ID, subject: CLIENT, authored: '2026-03-02T10:00:00Z' },
    );
    expect(phq15.questionnaire).toBe('urn:undercurrent:instrument:phq-15');
    expect(phq15.item[0]?.answer?.[0]?.valueCoding.code).toBe('not-applicable');
    expect(fhirSchemaErrors(phq15)).toEqual([]);
  });

  it('gathers the resources in a collection Bundle that the schema accepts', () => {
    const { qr, obs } = resourcesFor(PHQ9, PHQ9_ANSWERS);
    if (!obs) throw new Error('PHQ-9 with two missing has a total');
    const bundle = toFhirCollectionBundle([qr, obs], '2026-03-03T09:00:00Z');
    expect(bundle.entry.map((e) => e.fullUrl)).toEqual([`urn:uuid:${QR_ID}`, `urn:uuid:${OBS_ID}`]);
    expect(fhirSchemaErrors(bundle)).toEqual([]);
  });

  it.each(BUILTIN_INSTRUMENTS.map((d) => [d.name, d]))('the %s Questionnaire passes the FHIR R4 schema', (_, def) => {
    expect(fhirSchemaErrors(toFhirQuestionnaire(def, { url: `https://example.org/Questionnaire/${def.id}` }))).toEqual(
      [],
    );
  });
});

describe('the FHIR R4 schema validation bites', () => {
  it('refuses an Observation with a status FHIR does not have, a text total, or a property FHIR does not define', () => {
    const { obs } = resourcesFor(PHQ9, PHQ9_ANSWERS);
    expect(fhirSchemaErrors({ ...obs, status: 'done' })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...obs, valueInteger: '13' })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...obs, score: 13 })).not.toEqual([]);
  });

  it('refuses a QuestionnaireResponse whose answer code is a number or whose item has a property FHIR lacks, and a Bundle of an unknown type', () => {
    const { qr } = resourcesFor(PHQ9, PHQ9_ANSWERS);
    const numberCode = [{ linkId: '1', answer: [{ valueCoding: { system: 'http://loinc.org', code: 5 } }] }];
    expect(fhirSchemaErrors({ ...qr, item: numberCode })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...qr, item: [{ linkId: '1', answer: [{ valueScore: 2 }] }] })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...toFhirCollectionBundle([qr], '2026-03-03T09:00:00Z'), type: 'pile' })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...qr, resourceType: 'QuestionaireResponse' })).not.toEqual([]);
  });
});
