import { Type } from '@sinclair/typebox';

/**
 * The shapes of the pattern aids' routes. The observations themselves are the clinical package's
 * plain JSON (`PatternsSummary`, `HProfile`: every observation with its citations and `how`); they
 * are described here to the level the pages rely on, the rest passes through as computed.
 */
const Observations = Type.Array(Type.Object({}, { additionalProperties: true }));

export const PatternsSummary = Type.Object(
  {
    entries: Type.Integer(),
    firstDate: Type.Union([Type.String(), Type.Null()]),
    lastDate: Type.Union([Type.String(), Type.Null()]),
    themes: Observations,
    people: Observations,
    echoes: Observations,
    transference: Observations,
    ccrtCandidates: Observations,
    ccrtCandidateCount: Type.Integer(),
    ccrt: Type.Object({}, { additionalProperties: true }),
    defensiveFunctioning: Type.Object({}, { additionalProperties: true }),
    caution: Type.String(),
  },
  { additionalProperties: false },
);

export const PassageSource = Type.Object(
  { entryId: Type.String(), kind: Type.String(), date: Type.String(), link: Type.String() },
  { additionalProperties: false },
);

export const DreamProfile = Type.Object(
  {
    count: Type.Integer(),
    profile: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    caution: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const ConfirmedEpisode = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    entryId: Type.String(),
    date: Type.String(),
    start: Type.Integer(),
    end: Type.Integer(),
    W: Type.Array(Type.String()),
    RO: Type.Array(Type.String()),
    RS: Type.Array(Type.String()),
    link: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const StaffPatterns = Type.Object(
  {
    clientId: Type.String({ format: 'uuid' }),
    summary: PatternsSummary,
    sources: Type.Array(PassageSource),
    dreams: DreamProfile,
    episodes: Type.Array(ConfirmedEpisode),
  },
  { additionalProperties: false },
);

export const OwnPatterns = Type.Object(
  { summary: PatternsSummary, sources: Type.Array(PassageSource), dreams: DreamProfile },
  { additionalProperties: false },
);

export const OwnPatternsSettings = Type.Object({ ownView: Type.Boolean() }, { additionalProperties: false });

export const NormQuery = Type.Object(
  { norm: Type.Optional(Type.Union([Type.Literal('women'), Type.Literal('men')])) },
  { additionalProperties: false },
);

const ClusterIds = Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 10 });

export const ConfirmEpisodeBody = Type.Object(
  {
    entryId: Type.String({ minLength: 1, maxLength: 80 }),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 1 }),
    W: ClusterIds,
    RO: ClusterIds,
    RS: ClusterIds,
  },
  { additionalProperties: false },
);
