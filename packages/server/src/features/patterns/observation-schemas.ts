import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { PROPORTION_INDICATORS, RATE_INDICATORS } from '@undercurrent/clinical';
import { EMOTION_FAMILY_IDS, INTERACTION_KIND_IDS } from '@undercurrent/clinical/patterns';

/**
 * Every observation of the pattern aids, described field by field (`@undercurrent/clinical/patterns`
 * types.ts, themes.ts, people-map.ts, echoes.ts, transference.ts, ccrt-candidates.ts,
 * defensive-functioning.ts; the dreams' h-profile.ts; ccrt/summary.ts). Nothing undeclared passes.
 * The web's `pages/patterns/patterns-types.ts` mirrors these.
 */
const strict = <T extends TProperties>(properties: T) => Type.Object(properties, { additionalProperties: false });
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ description: 'YYYY-MM-DD' });

const EmotionFamily = literals(EMOTION_FAMILY_IDS);
const InteractionKind = literals(INTERACTION_KIND_IDS);

/** A sentence of an entry: `entryId` names a source, `start`/`end` its characters [start, end). */
export const Citation = strict({
  entryId: Type.String(),
  date: Day,
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
});
const Citations = Type.Array(Citation);
const ByMonth = Type.Array(strict({ month: Type.String(), count: Type.Integer() }));
const Trend = literals(['rising', 'fading', 'steady', 'too-few']);

export const Theme = strict({
  id: Type.String(),
  label: Type.String(),
  terms: Type.Array(Type.String()),
  entries: Type.Integer(),
  firstSeen: Day,
  lastSeen: Day,
  byMonth: ByMonth,
  trend: Trend,
  citations: Citations,
  citationCount: Type.Integer(),
  how: Type.String(),
});

export const PersonInMap = strict({
  figure: Type.String(),
  label: Type.String(),
  names: Type.Array(Type.String()),
  entries: Type.Integer(),
  sentences: Type.Integer(),
  pastSentences: Type.Integer(),
  firstSeen: Day,
  lastSeen: Day,
  byMonth: ByMonth,
  trend: Trend,
  feelings: Type.Array(
    strict({ id: EmotionFamily, label: Type.String(), sentences: Type.Integer(), entries: Type.Integer() }),
  ),
  interactions: Type.Array(
    strict({
      id: InteractionKind,
      label: Type.String(),
      sentences: Type.Integer(),
      entries: Type.Integer(),
      byFigure: Type.Integer(),
      toFigure: Type.Integer(),
    }),
  ),
  citations: Citations,
  citationCount: Type.Integer(),
  how: Type.String(),
});

const EchoSide = strict({
  figure: Type.String(),
  label: Type.String(),
  sentences: Type.Integer(),
  citations: Citations,
});

export const Echo = strict({
  id: Type.String(),
  past: EchoSide,
  present: EchoSide,
  similarity: Type.Number(),
  shared: Type.Array(Type.String()),
  how: Type.String(),
});

const EntryKind = literals(['session_note', 'journal', 'dream', 'countertransference']);
const EntrySource = literals(['shared', 'private', 'therapist']);

export const TransferenceMarker = strict({
  entryId: Type.String(),
  date: Day,
  kind: EntryKind,
  source: EntrySource,
  marker: literals(['client-reference', 'countertransference']),
  terms: Type.Array(Type.String()),
  citations: Citations,
  how: Type.String(),
});

export const CcrtCandidate = strict({
  id: Type.String(),
  entryId: Type.String(),
  date: Day,
  figure: Type.String(),
  figureLabel: Type.String(),
  interaction: InteractionKind,
  response: Type.Union([strict({ feeling: EmotionFamily }), strict({ action: InteractionKind })]),
  suggested: strict({ RO: Type.Array(Type.String()), RS: Type.Array(Type.String()) }),
  citations: Citations,
  how: Type.String(),
});

const CcrtComponent = literals(['W', 'RO', 'RS']);
const CategoryTally = strict({
  id: Type.String(),
  label: Type.String(),
  valence: Type.Optional(literals(['positive', 'negative'])),
  episodes: Type.Integer(),
  pervasiveness: Type.Number(),
});
const componentSummary = <T extends TProperties>(extra: T) =>
  strict({
    component: CcrtComponent,
    episodesScored: Type.Integer(),
    categories: Type.Array(CategoryTally),
    mostFrequent: Type.Array(CategoryTally),
    ...extra,
  });
const ValenceBalance = strict({
  positive: Type.Integer(),
  negative: Type.Integer(),
  positiveShare: Nullable(Type.Number()),
  negativeShare: Nullable(Type.Number()),
});

export const CcrtSummary = strict({
  scoredEpisodes: Type.Integer(),
  enoughEpisodes: Type.Boolean(),
  W: componentSummary({}),
  RO: componentSummary({ balance: ValenceBalance }),
  RS: componentSummary({ balance: ValenceBalance }),
  unknownCategories: Type.Array(
    strict({ episode: Type.Optional(Type.String()), component: CcrtComponent, id: Type.String() }),
  ),
  unverified: Type.Boolean(),
});

export const DefensiveFunctioning = strict({
  /** ODF per rated note; `at` is the note's day. */
  trend: Type.Array(strict({ at: Day, odf: Nullable(Type.Number()), defencesCoded: Type.Integer() })),
  overall: Nullable(Type.Number()),
  profile: strict({
    total: Type.Integer(),
    levels: Type.Array(
      strict({
        level: Type.Integer({ minimum: 1, maximum: 7 }),
        name: Type.String(),
        count: Type.Integer(),
        share: Type.Number(),
      }),
    ),
  }),
  how: Type.String(),
});

export const Proportion = strict({
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  value: Nullable(Type.Number()),
});

export const HProfile = strict({
  normGroup: literals(['women', 'men']),
  normLabel: Type.String(),
  dreams: Type.Integer(),
  caution: Type.Boolean(),
  proportions: Type.Array(
    strict({
      indicator: literals(PROPORTION_INDICATORS),
      label: Type.String(),
      value: Proportion,
      norm: Type.Number(),
      h: Nullable(Type.Number()),
      effect: Nullable(literals(['negligible', 'small', 'medium', 'large'])),
      p: Nullable(Type.Number()),
      q: Nullable(Type.Number()),
      significant: Type.Boolean(),
      test: literals(['norm-sample', 'norm-as-population']),
    }),
  ),
  rates: Type.Array(
    strict({
      indicator: literals(RATE_INDICATORS),
      label: Type.String(),
      value: Proportion,
      norm: Type.Number(),
      difference: Nullable(Type.Number()),
    }),
  ),
});
