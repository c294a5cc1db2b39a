/**
 * Measures test data: CORE-10- and WSAS-shaped definitions as a practice would import them. The
 * wording is a placeholder: their copyrighted wording is NOT reproduced here.
 */
export const CORE10_SHAPED = {
  id: 'core-10',
  name: 'CORE-10',
  title: 'CORE-10 (placeholder wording)',
  stem: 'Placeholder instruction from the licensed form.',
  answerOptions: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Placeholder answer ${value}` })),
  items: Array.from({ length: 10 }, (_, i) => ({
    linkId: String(i + 1),
    text: `Placeholder item ${i + 1}`,
    ...(i === 1 || i === 2 ? { reverse: true } : {}),
  })),
  missingItemRule: { maxMissing: 1, rounding: 'half-up' },
  bands: [
    { min: 0, max: 10, label: 'Below the clinical cut-off' },
    { min: 11, max: 40, label: 'Clinical range' },
  ],
  cutoff: { score: 11, comparison: 'at-or-above', label: 'Clinical' },
  licence: { copyright: '© CORE System Trust (placeholder line)', terms: 'CC BY-ND 4.0: reproduced unaltered.' },
};

export const WSAS_SHAPED = {
  id: 'wsas',
  name: 'WSAS',
  title: 'Work and Social Adjustment Scale (placeholder wording)',
  answerOptions: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ value, label: `Placeholder ${value}` })),
  items: Array.from({ length: 5 }, (_, i) => ({ linkId: `w${i + 1}`, text: `Placeholder item ${i + 1}` })),
  missingItemRule: { maxMissing: 1, rounding: 'none' },
  bands: [
    { min: 0, max: 9, label: 'Subclinical' },
    { min: 10, max: 20, label: 'Significant impairment' },
    { min: 21, max: 40, label: 'Moderately severe or worse' },
  ],
  cutoff: { score: 20, comparison: 'above', label: 'Moderately severe' },
  licence: { copyright: 'Placeholder copyright line', terms: 'Licensed to this practice.', url: 'https://example.org' },
};

export {
  fhirSchemaErrors,
  validator as fhirSchemaValidator,
} from '../../../clinical/src/test-support/fhir-r4-schema.js';
