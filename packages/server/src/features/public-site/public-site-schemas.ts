import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/**
 * Request and response shapes of the practice's public side: its pages, its public contact
 * details, the therapists' directory profiles. One place, so routes, web and tests agree.
 */
const DateTime = Type.String({ format: 'date-time' });

export const PAGE_SLUGS = ['home', 'therapy', 'practice', 'fees', 'accessibility', 'privacy'] as const;
export type PageSlug = (typeof PAGE_SLUGS)[number];
export const PageSlugSchema = Type.Union(PAGE_SLUGS.map((slug) => Type.Literal(slug)));

/** Page text in the safe formatting of @undercurrent/clinical's page-text (never HTML). */
export const PageBody = Type.String({ maxLength: 20_000 });
export const PageTitle = Type.String({ minLength: 1, maxLength: 120 });

export const PageInput = Type.Object(
  { title: PageTitle, body: PageBody, published: Type.Boolean() },
  { additionalProperties: false },
);
export type PageInput = Static<typeof PageInput>;

export const AdminPage = Type.Object({
  slug: PageSlugSchema,
  title: Type.String(),
  body: Type.String(),
  published: Type.Boolean(),
  /** Never saved: the default text the practice started with. */
  isDefault: Type.Boolean(),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export type AdminPage = Static<typeof AdminPage>;

export const Contact = Type.Object(
  {
    email: Type.Union([Type.String({ maxLength: 320 }), Type.Null()]),
    phone: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
    address: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof Contact>;

export const REGISTRATION_BODIES = ['BACP', 'UKCP', 'BPC', 'HCPC', 'BPS', 'other'] as const;
export const Registration = Type.Object(
  {
    body: Type.Union(REGISTRATION_BODIES.map((b) => Type.Literal(b))),
    /** The body's name when it is not one of the listed ones. */
    otherName: Type.Optional(Type.String({ maxLength: 120 })),
    number: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const Format = Type.Union([Type.Literal('in_person'), Type.Literal('online')]);

/** How a therapist gives their gender on their profile (optional: "prefer not to say" is the default). */
export const GENDERS = ['woman', 'man', 'self_described', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_DESCRIBED_MAX = 60;

/** What a therapist writes about themselves (the draft, and the published version, have this shape). */
export const ProfileContent = Type.Object(
  {
    approach: Type.String({ maxLength: 3000 }),
    training: Type.String({ maxLength: 1500 }),
    registrations: Type.Array(Registration, { maxItems: 5 }),
    specialisms: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 15 }),
    languages: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 }),
    formats: Type.Array(Format, { maxItems: 2 }),
    /** The fee of one session, in pence; null: "ask the practice". */
    feePence: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000 }), Type.Null()]),
    concessions: Type.String({ maxLength: 500 }),
    /** Said beside the availability worked out from the therapist's frame (e.g. "a waiting list for evenings"). */
    availabilityNote: Type.String({ maxLength: 300 }),
    photoId: Type.Union([Uuid, Type.Null()]),
    photoAlt: Type.String({ maxLength: 300 }),
    /** Optional (a profile saved before it existed has none): read as "undisclosed". */
    gender: Type.Optional(Type.Union(GENDERS.map((g) => Type.Literal(g)))),
    /** The therapist's own words, when they describe their gender themselves. */
    genderDescribed: Type.Optional(Type.String({ maxLength: GENDER_DESCRIBED_MAX })),
  },
  { additionalProperties: false },
);
export type ProfileContent = Static<typeof ProfileContent>;

export const EMPTY_PROFILE: ProfileContent = {
  approach: '',
  training: '',
  registrations: [],
  specialisms: [],
  languages: ['English'],
  formats: [],
  feePence: null,
  concessions: '',
  availabilityNote: '',
  photoId: null,
  photoAlt: '',
  gender: 'undisclosed',
  genderDescribed: '',
};

export const ProfileStatus = Type.Union([
  Type.Literal('not_started'),
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('changes_waiting'),
]);

/** The therapist's own view, and each row of the admin's list. */
export const ProfileState = Type.Object({
  therapistId: Uuid,
  name: Type.String(),
  status: ProfileStatus,
  draft: ProfileContent,
  draftUpdatedAt: Type.Union([DateTime, Type.Null()]),
  published: Type.Union([ProfileContent, Type.Null()]),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  /** What publishing would still need (empty when the draft can be published). */
  publishProblems: Type.Array(Type.String()),
});
export type ProfileState = Static<typeof ProfileState>;

export const Availability = Type.Object({
  kind: Type.Union([Type.Literal('space'), Type.Literal('full'), Type.Literal('ask')]),
  /** One sentence, e.g. "Usually has space on Tuesday and Thursday evenings." */
  statement: Type.String(),
});
export type Availability = Static<typeof Availability>;

/** A published profile as the public sees it. */
export const PublicProfile = Type.Object({
  id: Uuid,
  name: Type.String(),
  approach: Type.String(),
  training: Type.String(),
  registrations: Type.Array(Type.Object({ body: Type.String(), number: Type.String() })),
  specialisms: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  formats: Type.Array(Format),
  feePence: Type.Union([Type.Integer(), Type.Null()]),
  concessions: Type.String(),
  availability: Availability,
  availabilityNote: Type.String(),
  photo: Type.Union([Type.Object({ url: Type.String(), alt: Type.String() }), Type.Null()]),
  /** What the therapist chose to say about their gender; null when they prefer not to say. */
  gender: Type.Union([
    Type.Object({
      kind: Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Literal('self_described')]),
      words: Type.String(),
    }),
    Type.Null(),
  ]),
});
export type PublicProfile = Static<typeof PublicProfile>;

export const PublicPracticeParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9](-?[a-z0-9])*$' }),
});
