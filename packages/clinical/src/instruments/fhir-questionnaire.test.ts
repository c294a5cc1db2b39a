import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from './definition-types.js';
import { ORDINAL_VALUE_EXTENSION, toFhirQuestionnaire } from './fhir-questionnaire.js';
import { PCL5 } from './pcl5.js';
import { PHQ15 } from './phq15.js';
import { PHQ9 } from './phq9.js';

describe('toFhirQuestionnaire', () => {
  it('writes PHQ-9 as a FHIR R4 Questionnaire with LOINC codes and ordinal values', () => {
    const q = toFhirQuestionnaire(PHQ9, { url: 'https://example.org/Questionnaire/phq-9', status: 'draft' });
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'phq-9',
      url: 'https://example.org/Questionnaire/phq-9',
      name: 'PHQ9',
      status: 'draft',
      subjectType: ['Patient'],
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
    });
    expect(q.copyright).toContain('Pfizer');
    expect(q.item[0]).toEqual({ linkId: 'instructions', type: 'display', text: PHQ9.stem });
    expect(q.item[1]).toMatchObject({
      linkId: '1',
      type: 'choice',
      code: [{ system: 'http://loinc.org', code: '44250-9' }],
    });
    expect(q.item[1]?.answerOption?.[3]).toEqual({
      valueCoding: { system: 'http://loinc.org', code: 'LA6571-9', display: 'Nearly every day' },
      extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: 3 }],
    });
    const difficulty = q.item.find((i) => i.linkId === 'difficulty');
    expect(difficulty?.answerOption?.[0]).toEqual({
      valueCoding: { system: 'urn:undercurrent:instrument:phq-9', code: '0', display: 'Not difficult at all' },
    });
  });

  it('defaults to active, offers "not applicable" on PHQ-15 item 4 and omits missing codes', () => {
    const q = toFhirQuestionnaire(PHQ15, { answerSystem: 'urn:test' });
    expect(q.status).toBe('active');
    expect(q.url).toBeUndefined();
    expect(q.item.find((i) => i.linkId === '4')?.answerOption?.at(-1)).toEqual({
      valueCoding: { system: 'urn:test', code: 'not-applicable', display: 'Not applicable' },
    });
    const pcl = toFhirQuestionnaire(PCL5);
    expect(pcl.code).toBeUndefined();
    expect(pcl.item[1]?.code).toBeUndefined();
  });

  it('writes reversed scores as ordinals, a version, a safe name and a free linkId for the stem', () => {
    const def: InstrumentDefinition = {
      id: 'x',
      name: '10-item scale',
      title: 'X',
      version: '2',
      stem: 'Stem',
      answerOptions: [
        { value: 0, label: 'No' },
        { value: 1, label: 'Yes' },
      ],
      items: [
        { linkId: 'instructions', text: 'Q1', reverse: true },
        { linkId: '_instructions', text: 'Q2' },
      ],
      missingItemRule: { maxMissing: 0, rounding: 'half-up' },
      bands: [],
      licence: { copyright: 'C', terms: 'T' },
    };
    const q = toFhirQuestionnaire(def);
    expect(q.name).toBe('Q10itemscale');
    expect(q.version).toBe('2');
    expect(q.item[0]?.linkId).toBe('__instructions');
    expect(q.item[1]?.answerOption?.map((o) => o.extension?.[0]?.valueDecimal)).toEqual([1, 0]);
    expect(toFhirQuestionnaire({ ...def, name: 'wsas', stem: undefined }).item[0]?.linkId).toBe('instructions');
    expect(toFhirQuestionnaire({ ...def, name: 'wsas' }).name).toBe('Wsas');
  });
});
