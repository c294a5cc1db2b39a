/** The web's mirror of the public side's shapes (server features/public-site/public-site-schemas.ts). */
export type PageSlug = 'home' | 'therapy' | 'practice' | 'fees' | 'accessibility' | 'privacy';
export type Format = 'in_person' | 'online';

export interface Contact {
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface PublicSite {
  practice: { name: string; slug: string };
  contact: Contact;
  pages: { slug: PageSlug; title: string }[];
  home: { title: string; body: string } | null;
  therapists: number;
}

export interface PublicPage {
  slug: PageSlug;
  title: string;
  body: string;
}

export interface PublicProfile {
  id: string;
  name: string;
  approach: string;
  training: string;
  registrations: { body: string; number: string }[];
  specialisms: string[];
  languages: string[];
  formats: Format[];
  feePence: number | null;
  concessions: string;
  availability: { kind: 'space' | 'full' | 'ask'; statement: string };
  availabilityNote: string;
  photo: { url: string; alt: string } | null;
  /** What the therapist chose to say about their gender; null when they prefer not to say. */
  gender: { kind: 'woman' | 'man' | 'self_described'; words: string } | null;
}
