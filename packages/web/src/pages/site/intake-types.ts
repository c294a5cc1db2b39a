/** The web's mirror of the intake's public shapes (server features/intake/intake-schemas.ts). */
import type { Format } from './site-types';

export const INTAKE_TOPICS = [
  'Anxiety',
  'Depression',
  'Loss',
  'Relationships',
  'Trauma',
  'Work',
  'Identity',
  'Eating',
] as const;
export const INTAKE_TEXT_MAX = 4000;

export type PartOfDay = 'morning' | 'afternoon' | 'evening';
export type RiskAnswer = 'no' | 'thoughts' | 'now';
export type GenderWanted = 'woman' | 'man';

export interface IntakePreferences {
  formats: Format[];
  days: number[];
  parts: PartOfDay[];
  language: string | null;
  therapistGender: GenderWanted | null;
  feeMaxPence: number | null;
  topics: string[];
}

export interface IntakeSubmission {
  name: string;
  email: string;
  brings: string;
  previousTherapy: string;
  preferences: IntakePreferences;
  risk: RiskAnswer;
  consent: boolean;
  website: string;
  fillMs: number;
}

export interface Submitted {
  statusPath: string;
  sameDayReview: boolean;
}

export type IntakeStatus =
  'new' | 'same_day_review' | 'requested' | 'waiting_list' | 'accepted' | 'time_proposed' | 'referred_on';

export interface MatchReason {
  fits: boolean;
  text: string;
}

export interface Match {
  id: string;
  name: string;
  reasons: MatchReason[];
}

export interface PersonView {
  practiceName: string;
  practiceSlug: string;
  status: IntakeStatus;
  sameDayReview: boolean;
  createdAt: string;
  consentAt: string;
  matches: Match[];
  request: { therapistName: string; start: string } | null;
  message: string | null;
}
