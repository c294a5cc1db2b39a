import { loinc } from './coding.js';
import type { AnswerOption, Licence } from './definition-types.js';

/** The PHQ-9 and GAD-7 answers (CLINICAL-REFERENCE.md §1), with their LOINC answer codes. */
export const PHQ_FREQUENCY_OPTIONS: AnswerOption[] = [
  { value: 0, label: 'Not at all', code: loinc('LA6568-5', 'Not at all') },
  { value: 1, label: 'Several days', code: loinc('LA6569-3', 'Several days') },
  { value: 2, label: 'More than half the days', code: loinc('LA6570-1', 'More than half the days') },
  { value: 3, label: 'Nearly every day', code: loinc('LA6571-9', 'Nearly every day') },
];

/** PHQ-9, GAD-7 and PHQ-15: copyright Pfizer, free to reproduce (CLINICAL-REFERENCE.md §1). */
export const PFIZER_LICENCE: Licence = {
  copyright:
    'Copyright © Pfizer Inc. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.',
  terms: 'No permission required to reproduce, translate, display or distribute.',
};
