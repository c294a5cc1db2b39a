import { Type } from '@sinclair/typebox';
import {
  CcrtCandidate,
  CcrtSummary,
  DefensiveFunctioning,
  Echo,
  HProfile,
  PersonInMap,
  Theme,
  TransferenceMarker,
} from './observation-schemas.js';

/**
 * The shapes of the pattern aids' routes. Every observation is described field by field in
 * `observation-schemas.ts` (with its citations and `how`); nothing undeclared is sent.
 */

export const PatternsSummary = Type.Object(
  {
    entries: Type.Integer(),
    firstDate: Type.Union([Type.String(), Type.Null()]),
    lastDate: Type.Union([Type.String(), Type.Null()]),
    themes: Type.Array(Theme),
    people: Type.Array(PersonInMap),
    echoes: Type.Array(Echo),
    transference: Type.Array(TransferenceMarker),
    ccrtCandidates: Type.Array(CcrtCandidate),
    ccrtCandidateCount: Type.Integer(),
    ccrt: CcrtSummary,
    defensiveFunctioning: DefensiveFunctioning,
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
    /** Dreams whose codes the therapist corrected (the staff view; 0 in the client's own view). */
    corrected: Type.Integer(),
    profile: Type.Union([HProfile, Type.Null()]),
    caution: Type.Union([Type.String(), Type.Null()]),
    /** How the indicators were computed, with how many dreams the therapist corrected. */
    how: Type.String(),
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
