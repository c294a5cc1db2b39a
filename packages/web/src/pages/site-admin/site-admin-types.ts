import type { Contact, Format, PageSlug } from '../site/site-types';

/** The web's mirror of the editing shapes (server features/public-site/public-site-schemas.ts). */
export type { Contact, Format, PageSlug };

export interface AdminPage {
  slug: PageSlug;
  title: string;
  body: string;
  published: boolean;
  isDefault: boolean;
  updatedAt: string | null;
}

export type RegistrationBody = 'BACP' | 'UKCP' | 'BPC' | 'HCPC' | 'BPS' | 'other';
export const REGISTRATION_BODIES: RegistrationBody[] = ['BACP', 'UKCP', 'BPC', 'HCPC', 'BPS', 'other'];

export interface Registration {
  body: RegistrationBody;
  otherName?: string;
  number: string;
}

export interface ProfileContent {
  approach: string;
  training: string;
  registrations: Registration[];
  specialisms: string[];
  languages: string[];
  formats: Format[];
  feePence: number | null;
  concessions: string;
  availabilityNote: string;
  photoId: string | null;
  photoAlt: string;
  /** Optional on the profile; absent (a profile saved before it existed) reads as "undisclosed". */
  gender?: Gender;
  genderDescribed?: string;
}

export const GENDERS = ['undisclosed', 'woman', 'man', 'self_described'] as const;
export type Gender = (typeof GENDERS)[number];

export type ProfileStatus = 'not_started' | 'draft' | 'published' | 'changes_waiting';

export interface ProfileState {
  therapistId: string;
  name: string;
  status: ProfileStatus;
  draft: ProfileContent;
  draftUpdatedAt: string | null;
  published: ProfileContent | null;
  publishedAt: string | null;
  publishProblems: string[];
}
