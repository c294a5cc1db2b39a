import { loinc } from './coding.js';
import type { InstrumentDefinition } from './definition-types.js';
import { PFIZER_LICENCE, PHQ_FREQUENCY_OPTIONS } from './phq-shared.js';

/** GAD-7 (anxiety), exactly as CLINICAL-REFERENCE.md §1. */
export const GAD7: InstrumentDefinition = {
  id: 'gad-7',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder 7',
  code: loinc('69737-5'),
  totalScoreCode: loinc('70274-6'),
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  answerOptions: PHQ_FREQUENCY_OPTIONS,
  items: [
    { linkId: '1', code: loinc('69725-0'), text: 'Feeling nervous, anxious, or on edge' },
    { linkId: '2', code: loinc('68509-9'), text: 'Not being able to stop or control worrying' },
    { linkId: '3', code: loinc('69733-4'), text: 'Worrying too much about different things' },
    { linkId: '4', code: loinc('69734-2'), text: 'Trouble relaxing' },
    { linkId: '5', code: loinc('69735-9'), text: 'Being so restless that it is hard to sit still' },
    { linkId: '6', code: loinc('69689-8'), text: 'Becoming easily annoyed or irritable' },
    { linkId: '7', code: loinc('69736-7'), text: 'Feeling afraid, as if something awful might happen' },
  ],
  missingItemRule: {
    maxMissing: 2,
    rounding: 'half-up',
    unverified: 'No primary source found for GAD-7 missing items; treated like PHQ-9 (CLINICAL-REFERENCE.md §1).',
  },
  bands: [
    { min: 0, max: 4, label: 'Minimal' },
    { min: 5, max: 9, label: 'Mild' },
    { min: 10, max: 14, label: 'Moderate' },
    { min: 15, max: 21, label: 'Severe' },
  ],
  cutoff: { score: 8, comparison: 'at-or-above', label: 'Case (NHS Talking Therapies)' },
  reliableChange: { points: 4 },
  licence: PFIZER_LICENCE,
};
