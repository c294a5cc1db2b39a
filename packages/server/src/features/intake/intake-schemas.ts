import { Type, type Static } from '@sinclair/typebox';

/** The intake form and what the person and the practice read back (TypeBox, shared by the routes). */
export const INTAKE_TEXT_MAX = 4000;
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

const Format = Type.Union([Type.Literal('in_person'), Type.Literal('online')]);
const Part = Type.Union([Type.Literal('morning'), Type.Literal('afternoon'), Type.Literal('evening')]);

export const IntakePreferencesSchema = Type.Object(
  {
    formats: Type.Array(Format, { maxItems: 2, uniqueItems: true }),
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, uniqueItems: true }),
    parts: Type.Array(Part, { maxItems: 3, uniqueItems: true }),
    language: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()]),
    therapistGender: Type.Union([Type.Literal('woman'), Type.Literal('man'), Type.Null()]),
    feeMaxPence: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000 }), Type.Null()]),
    topics: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: INTAKE_TOPICS.length }),
  },
  { additionalProperties: false },
);

/** The risk screen: "now" (thinking of acting on thoughts of harm soon) is urgent. */
export const RiskAnswer = Type.Union([Type.Literal('no'), Type.Literal('thoughts'), Type.Literal('now')]);

export const IntakeSubmission = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    email: Type.String({ minLength: 3, maxLength: 320 }),
    brings: Type.String({ minLength: 1, maxLength: INTAKE_TEXT_MAX }),
    previousTherapy: Type.String({ maxLength: INTAKE_TEXT_MAX }),
    preferences: IntakePreferencesSchema,
    risk: RiskAnswer,
    consent: Type.Boolean(),
    /** The honeypot: hidden from people (and from assistive technology); a bot fills it in. */
    website: Type.String({ maxLength: 200 }),
    /** How long the form was open before sending, measured by the page. */
    fillMs: Type.Integer({ minimum: 0, maximum: 86_400_000 }),
  },
  { additionalProperties: false },
);
export type IntakeSubmission = Static<typeof IntakeSubmission>;

export const IntakeStatus = Type.Union([
  Type.Literal('new'),
  Type.Literal('same_day_review'),
  Type.Literal('requested'),
  Type.Literal('waiting_list'),
  Type.Literal('accepted'),
  Type.Literal('time_proposed'),
  Type.Literal('referred_on'),
]);
export type IntakeStatus = Static<typeof IntakeStatus>;

export const Submitted = Type.Object({
  /** The path of the person's own page, with the token that is their only way back. */
  statusPath: Type.String(),
  sameDayReview: Type.Boolean(),
});

export const MatchReason = Type.Object({ fits: Type.Boolean(), text: Type.String() });
export const Match = Type.Object({
  id: Type.String(),
  name: Type.String(),
  reasons: Type.Array(MatchReason),
});

export const PersonView = Type.Object({
  practiceName: Type.String(),
  /** For links back to the practice's public pages (its therapists' profiles). */
  practiceSlug: Type.String(),
  status: IntakeStatus,
  sameDayReview: Type.Boolean(),
  createdAt: Type.String(),
  /** When the person agreed to the practice keeping what they wrote (the consent on the form). */
  consentAt: Type.String(),
  matches: Type.Array(Match),
  request: Type.Union([Type.Object({ therapistName: Type.String(), start: Type.String() }), Type.Null()]),
  /** Once the practice accepted: the consultation booked for the person. */
  consultation: Type.Union([Type.Object({ therapistName: Type.String(), start: Type.String() }), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
});
export type PersonView = Static<typeof PersonView>;

export const QueueEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: IntakeStatus,
  sameDayReview: Type.Boolean(),
  source: Type.String(),
  createdAt: Type.String(),
  requestedTherapist: Type.Union([Type.String(), Type.Null()]),
  requestedTherapistId: Type.Union([Type.String(), Type.Null()]),
  requestedStart: Type.Union([Type.String(), Type.Null()]),
  /** Once accepted: the consultation booked in the therapist's calendar. */
  consultationStart: Type.Union([Type.String(), Type.Null()]),
});

export const IntakeDetail = Type.Intersect([
  QueueEntry,
  Type.Object({
    email: Type.String(),
    brings: Type.String(),
    previousTherapy: Type.String(),
    preferences: IntakePreferencesSchema,
    consentAt: Type.String(),
    consentNotice: Type.String(),
    message: Type.Union([Type.String(), Type.Null()]),
    /** The client account made when the enquiry was accepted (its invitation may still be waiting). */
    clientId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    /** The therapists ranked for the person, with the reasons they were shown. */
    matches: Type.Array(Match),
  }),
]);

export const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
export const IntakeParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
