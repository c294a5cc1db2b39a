import { intakeStrings } from './intake-strings';
import type { GenderWanted, IntakeSubmission, PartOfDay, RiskAnswer } from './intake-types';
import type { Format } from './site-types';

/** What the intake form holds while the person fills it in (every answer as typed). */
export interface IntakeFormState {
  name: string;
  email: string;
  brings: string;
  topics: string[];
  previousTherapy: string;
  formats: Format[];
  days: string[];
  parts: PartOfDay[];
  language: string;
  gender: GenderWanted | 'none';
  fee: string;
  risk: RiskAnswer | null;
  consent: boolean;
  website: string;
}

export const emptyIntakeForm: IntakeFormState = {
  name: '',
  email: '',
  brings: '',
  topics: [],
  previousTherapy: '',
  formats: [],
  days: [],
  parts: [],
  language: '',
  gender: 'none',
  fee: '',
  risk: null,
  consent: false,
  website: '',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Pounds as typed ("60", "45.50", "£60") in pence; null when blank; undefined when it is not an amount. */
export function feePence(fee: string): number | null | undefined {
  const trimmed = fee.trim().replace(/^£/, '');
  if (trimmed === '') return null;
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  const pence = Math.round(Number(trimmed) * 100);
  return pence <= 100_000 ? pence : undefined;
}

/** The answers that stop the form being sent, by field, in the order they appear on the page. */
export function intakeProblems(form: IntakeFormState): Record<string, string> {
  const s = intakeStrings.form;
  const problems: Record<string, string> = {};
  if (!form.name.trim()) problems.name = s.nameRequired;
  if (!EMAIL.test(form.email.trim())) problems.email = s.emailRequired;
  if (!form.brings.trim()) problems.brings = s.bringsRequired;
  if (feePence(form.fee) === undefined) problems.fee = s.feeInvalid;
  if (form.risk === null) problems.risk = s.riskRequired;
  if (!form.consent) problems.consent = s.consentRequired;
  return problems;
}

/** The form as the server takes it (call only when intakeProblems found nothing). */
export function toSubmission(form: IntakeFormState, fillMs: number): IntakeSubmission {
  return {
    name: form.name.trim(),
    email: form.email.trim(),
    brings: form.brings.trim(),
    previousTherapy: form.previousTherapy.trim(),
    preferences: {
      formats: form.formats,
      days: form.days.map(Number).sort((a, b) => a - b),
      parts: form.parts,
      language: form.language.trim() || null,
      therapistGender: form.gender === 'none' ? null : form.gender,
      feeMaxPence: feePence(form.fee) ?? null,
      topics: form.topics,
    },
    risk: form.risk ?? 'no',
    consent: form.consent,
    website: form.website,
    fillMs,
  };
}
