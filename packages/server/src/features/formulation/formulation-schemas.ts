import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/**
 * Request and response shapes of the case formulation (one per episode), its versions, its review
 * entries, the defensive-functioning trend and the practice's CCRT category set. One place, so
 * routes, web and tests agree.
 */

const DateTime = Type.String({ format: 'date-time' });
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Person = Type.Object({ id: Uuid, displayName: Type.String() });

/** A section of the formulation: generous, bounded (characters as JavaScript counts them). */
export const MAX_SECTION_CHARACTERS = 20_000;
export const MAX_CCRT_WORDS_CHARACTERS = 4_000;
export const MAX_GOAL_CHARACTERS = 1_000;
export const MAX_GOALS = 30;
export const MAX_REVIEW_CHARACTERS = 20_000;
const Section = Type.String({ maxLength: MAX_SECTION_CHARACTERS });

export const GOAL_STATUSES = ['open', 'partly_met', 'met', 'set_aside'] as const;
export const GoalStatus = Type.Union(GOAL_STATUSES.map((s) => Type.Literal(s)));

export const Goal = Type.Object(
  {
    /** Made by the device, so a goal keeps its identity across edits. */
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
    text: Type.String({ minLength: 1, maxLength: MAX_GOAL_CHARACTERS }),
    status: GoalStatus,
  },
  { additionalProperties: false },
);

/** A cluster id of the practice's CCRT category set. */
export const ClusterId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,59}$' });

/** One CCRT component: the clusters chosen from the practice's set, and the therapist's own words. */
export const CcrtComponentPart = Type.Object(
  {
    clusterIds: Type.Array(ClusterId, { maxItems: 8, uniqueItems: true }),
    words: Type.String({ maxLength: MAX_CCRT_WORDS_CHARACTERS }),
  },
  { additionalProperties: false },
);

export const Ccrt = Type.Object(
  { W: CcrtComponentPart, RO: CcrtComponentPart, RS: CcrtComponentPart },
  { additionalProperties: false },
);
export type Ccrt = Static<typeof Ccrt>;

export const FormulationContentFields = {
  presentingDifficulties: Section,
  history: Section,
  attachmentDevelopment: Section,
  goals: Type.Array(Goal, { maxItems: MAX_GOALS }),
  ccrt: Ccrt,
};

export const FormulationContent = Type.Object(FormulationContentFields, { additionalProperties: false });
export type FormulationContent = Static<typeof FormulationContent>;

/** PUT /api/record/episodes/:episodeId/formulation — a save over the version last had (0: none yet). */
export const FormulationSave = Type.Object(
  { baseVersion: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), ...FormulationContentFields },
  { additionalProperties: false },
);
export type FormulationSave = Static<typeof FormulationSave>;

export const EpisodeFacts = Type.Object({
  id: Uuid,
  status: Type.String(),
  startDate: Type.Union([DateOnly, Type.Null()]),
  endingDate: Type.Union([DateOnly, Type.Null()]),
  createdAt: DateTime,
});

export const Review = Type.Object({
  id: Uuid,
  reviewedOn: DateOnly,
  author: Person,
  text: Type.String(),
  createdAt: DateTime,
});
export type Review = Static<typeof Review>;

/** The formulation of an episode: version 0 and empty sections while none has been saved. */
export const Formulation = Type.Object({
  episode: EpisodeFacts,
  client: Person,
  version: Type.Integer(),
  ...FormulationContentFields,
  updatedAt: Type.Union([DateTime, Type.Null()]),
  updatedBy: Type.Union([Person, Type.Null()]),
  reviews: Type.Array(Review),
});
export type Formulation = Static<typeof Formulation>;

export const FormulationVersion = Type.Object({
  version: Type.Integer(),
  savedBy: Person,
  savedAt: DateTime,
  ...FormulationContentFields,
});

export const ReviewBody = Type.Object(
  {
    reviewedOn: DateOnly,
    text: Type.String({ minLength: 1, maxLength: MAX_REVIEW_CHARACTERS }),
  },
  { additionalProperties: false },
);

const Level = Type.Integer({ minimum: 1, maximum: 7 });

/** GET /api/record/episodes/:episodeId/defensive-functioning: the ODF per note, as a trend, and the level profile. */
export const DefensiveFunctioning = Type.Object({
  episodeId: Uuid,
  points: Type.Array(
    Type.Object({
      noteId: Uuid,
      sessionStartsAt: DateTime,
      status: Type.Union([Type.Literal('draft'), Type.Literal('signed')]),
      /** packages/clinical overallDefensiveFunctioning of the note's rated defences; null when none. */
      odf: Type.Union([Type.Number(), Type.Null()]),
      defencesCoded: Type.Integer(),
    }),
  ),
  /** The ODF of every defence rated in the episode's notes together; null when none. */
  overall: Type.Union([Type.Number(), Type.Null()]),
  /** The share of all rated defences at each DMRS level, 7 down to 1. */
  profile: Type.Object({
    total: Type.Integer(),
    levels: Type.Array(Type.Object({ level: Level, name: Type.String(), count: Type.Integer(), share: Type.Number() })),
  }),
});

const Label = Type.String({ minLength: 1, maxLength: 120 });
/** A cluster of the set; a response (RO, RS) carries its valence, a wish (W) none (the route says so clearly). */
export const CcrtClusterSchema = Type.Object(
  {
    id: ClusterId,
    component: Type.Union([Type.Literal('W'), Type.Literal('RO'), Type.Literal('RS')]),
    label: Label,
    valence: Type.Optional(Type.Union([Type.Literal('positive'), Type.Literal('negative')])),
  },
  { additionalProperties: false },
);

/** The practice's CCRT category set (the standard clusters until an admin saves an edited copy). */
export const CcrtCategories = Type.Object({
  id: Type.String(),
  name: Type.String(),
  unverified: Type.Boolean(),
  source: Type.String(),
  basedOn: Type.Union([Type.String(), Type.Null()]),
  /** True while the practice uses the standard set unchanged (no saved copy). */
  isStandard: Type.Boolean(),
  clusters: Type.Array(CcrtClusterSchema),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export type CcrtCategories = Static<typeof CcrtCategories>;

/** PUT /api/record/ccrt-categories (admin). */
export const CcrtCategoriesSave = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    /** Whether the set still has clusters or markings not checked against the CCRT manual. */
    unverified: Type.Boolean(),
    clusters: Type.Array(CcrtClusterSchema, { maxItems: 80 }),
  },
  { additionalProperties: false },
);
export type CcrtCategoriesSave = Static<typeof CcrtCategoriesSave>;
