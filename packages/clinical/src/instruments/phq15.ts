import { loinc } from './coding.js';
import type { InstrumentDefinition } from './definition-types.js';
import { PFIZER_LICENCE } from './phq-shared.js';

/** PHQ-15 (somatic symptoms), wording exactly as CLINICAL-REFERENCE.md §1. */
export const PHQ15: InstrumentDefinition = {
  id: 'phq-15',
  name: 'PHQ-15',
  title: 'Patient Health Questionnaire-15',
  code: loinc('69728-4'),
  totalScoreCode: loinc('70273-8'),
  stem: 'During the past 4 weeks, how much have you been bothered by any of the following problems?',
  answerOptions: [
    { value: 0, label: 'Not bothered at all', code: loinc('LA18334-5') },
    { value: 1, label: 'Bothered a little', code: loinc('LA18335-2') },
    { value: 2, label: 'Bothered a lot', code: loinc('LA18336-0') },
  ],
  items: [
    { linkId: '1', code: loinc('69671-6'), text: 'Stomach pain' },
    { linkId: '2', code: loinc('69672-4'), text: 'Back pain' },
    { linkId: '3', code: loinc('69673-2'), text: 'Pain in your arms, legs, or joints (knees, hips, etc.)' },
    {
      linkId: '4',
      code: loinc('69674-0'),
      text: 'Menstrual cramps or other problems with your periods (women only)',
      notApplicable: { label: 'Not applicable' },
    },
    { linkId: '5', code: loinc('69675-7'), text: 'Headaches' },
    { linkId: '6', code: loinc('69676-5'), text: 'Chest pain' },
    { linkId: '7', code: loinc('69677-3'), text: 'Dizziness' },
    { linkId: '8', code: loinc('69678-1'), text: 'Fainting spells' },
    { linkId: '9', code: loinc('69679-9'), text: 'Feeling your heart pound or race' },
    { linkId: '10', code: loinc('69680-7'), text: 'Shortness of breath' },
    { linkId: '11', code: loinc('69717-7'), text: 'Pain or problems during sexual intercourse' },
    { linkId: '12', code: loinc('69681-5'), text: 'Constipation, loose bowels, or diarrhea' },
    { linkId: '13', code: loinc('69682-3'), text: 'Nausea, gas, or indigestion' },
    { linkId: '14', code: loinc('69731-8'), text: 'Feeling tired or having low energy' },
    { linkId: '15', code: loinc('69732-6'), text: 'Trouble sleeping' },
  ],
  missingItemRule: {
    maxMissing: 2,
    rounding: 'half-up',
    unverified: 'No primary source found for PHQ-15 missing items; treated like PHQ-9 (up to 2 prorated).',
  },
  bands: [
    { min: 0, max: 4, label: 'Minimal' },
    { min: 5, max: 9, label: 'Low' },
    { min: 10, max: 14, label: 'Medium' },
    { min: 15, max: 30, label: 'High' },
  ],
  licence: PFIZER_LICENCE,
  unverified: [
    'The item, total-score and answer LOINC codes are not in CLINICAL-REFERENCE.md; they were taken from a public FHIR implementation-guide example of the LOINC PHQ-15 form. Check them against loinc.org.',
  ],
};
