/** What GET /api/intakes and GET /api/intakes/:id answer (packages/server/src/features/intake/intake-schemas.ts). */
export type IntakeStatus =
  'new' | 'same_day_review' | 'requested' | 'waiting_list' | 'accepted' | 'time_proposed' | 'referred_on';

export interface QueueEntry {
  id: string;
  name: string;
  status: IntakeStatus;
  sameDayReview: boolean;
  source: string;
  createdAt: string;
  requestedTherapist: string | null;
  requestedTherapistId: string | null;
  requestedStart: string | null;
  consultationStart: string | null;
}

export interface IntakePreferences {
  formats: ('in_person' | 'online')[];
  days: number[];
  parts: ('morning' | 'afternoon' | 'evening')[];
  language: string | null;
  therapistGender: 'woman' | 'man' | null;
  feeMaxPence: number | null;
  topics: string[];
}

export interface MatchReason {
  fits: boolean;
  text: string;
}

export interface IntakeDetail extends QueueEntry {
  email: string;
  brings: string;
  previousTherapy: string;
  preferences: IntakePreferences;
  consentAt: string;
  consentNotice: string;
  message: string | null;
  /** The client account made when the enquiry was accepted. */
  clientId: string | null;
  matches: { id: string; name: string; reasons: MatchReason[] }[];
}

export type Decision = 'accept' | 'propose' | 'refer';
