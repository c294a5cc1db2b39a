import { loinc } from './coding.js';
import type { InstrumentDefinition } from './definition-types.js';
import { PFIZER_LICENCE, PHQ_FREQUENCY_OPTIONS } from './phq-shared.js';

/** PHQ-9 (depression), exactly as CLINICAL-REFERENCE.md §1. */
export const PHQ9: InstrumentDefinition = {
  id: 'phq-9',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire-9',
  code: loinc('44249-1'),
  totalScoreCode: loinc('44261-6'),
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  answerOptions: PHQ_FREQUENCY_OPTIONS,
  items: [
    { linkId: '1', code: loinc('44250-9'), text: 'Little interest or pleasure in doing things' },
    { linkId: '2', code: loinc('44255-8'), text: 'Feeling down, depressed, or hopeless' },
    { linkId: '3', code: loinc('44259-0'), text: 'Trouble falling or staying asleep, or sleeping too much' },
    { linkId: '4', code: loinc('44254-1'), text: 'Feeling tired or having little energy' },
    { linkId: '5', code: loinc('44251-7'), text: 'Poor appetite or overeating' },
    {
      linkId: '6',
      code: loinc('44258-2'),
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    },
    {
      linkId: '7',
      code: loinc('44252-5'),
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    },
    {
      linkId: '8',
      code: loinc('44253-3'),
      text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    },
    {
      linkId: '9',
      code: loinc('44260-8'),
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
    },
    {
      linkId: 'difficulty',
      code: loinc('69722-7'),
      scored: false,
      text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      answerOptions: [
        { value: 0, label: 'Not difficult at all' },
        { value: 1, label: 'Somewhat difficult' },
        { value: 2, label: 'Very difficult' },
        { value: 3, label: 'Extremely difficult' },
      ],
    },
  ],
  missingItemRule: {
    maxMissing: 2,
    rounding: 'half-up',
    unverified:
      'NHS Data Dictionary: 1–2 missing are prorated and the total rounded to a whole number; rounding .5 upwards is our reading.',
  },
  bands: [
    { min: 0, max: 4, label: 'Minimal' },
    { min: 5, max: 9, label: 'Mild' },
    { min: 10, max: 14, label: 'Moderate' },
    { min: 15, max: 19, label: 'Moderately severe' },
    { min: 20, max: 27, label: 'Severe' },
  ],
  cutoff: { score: 10, comparison: 'at-or-above', label: 'Case (NHS Talking Therapies)' },
  reliableChange: { points: 6 },
  flags: [
    {
      id: 'phq9-item9',
      label: 'Thoughts of being better off dead or of self-harm (PHQ-9 item 9)',
      linkId: '9',
      atOrAbove: 1,
      whenDeclined: true,
      whenUnanswered: true,
    },
  ],
  licence: PFIZER_LICENCE,
  unverified: [
    'Item 9 left unanswered raises the flag as if declined: a conservative reading of "any non-zero or declined answer" (CLINICAL-REFERENCE.md §4); set flags[0].whenUnanswered to change it.',
    'The difficulty item answers carry no LOINC answer codes here: none are given in CLINICAL-REFERENCE.md.',
  ],
};
