import { describe, expect, it } from 'vitest';
import * as instruments from './index.js';

describe('instruments entry point', () => {
  it('exports the instruments, validation, FHIR and scoring', () => {
    expect(instruments.BUILTIN_INSTRUMENTS.map((d) => d.id)).toEqual(['phq-9', 'gad-7', 'phq-15', 'pcl-5']);
    for (const name of [
      'score',
      'validateDefinition',
      'formatDefinitionErrors',
      'toFhirQuestionnaire',
      'builtinInstrument',
      'scoreRange',
      'bandFor',
      'isCase',
      'loinc',
    ] as const) {
      expect(typeof instruments[name]).toBe('function');
    }
    expect(instruments.scoreRange(instruments.PCL5)).toEqual({ min: 0, max: 80 });
  });
});
