import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

/**
 * The shapes of Hall–Van de Castle dream codes (`@undercurrent/clinical` dream-codes.ts) and of the
 * therapist's corrections, for the dream-code routes. Every code is one of the categories with exactly
 * its own fields, so a correction that names a level or role the system does not have is refused with
 * the field named.
 */
const literals = <T extends string | number>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const levels = (n: number) => literals(Array.from({ length: n }, (_, i) => i + 1));

const strict = <T extends TProperties>(properties: T) => Type.Object(properties, { additionalProperties: false });

const VARIANTS: Record<string, TSchema>[] = [
  {
    category: Type.Literal('character'),
    kind: literals(['human', 'animal', 'creature']),
    sex: literals(['male', 'female', 'indefinite']),
    identity: literals(['family', 'relative', 'friend', 'known', 'prominent', 'stranger']),
    dead: Type.Boolean(),
    imaginary: Type.Boolean(),
  },
  {
    category: Type.Literal('aggression'),
    level: levels(8),
    dreamerRole: literals(['aggressor', 'victim', 'reciprocal', 'witness']),
  },
  {
    category: Type.Literal('friendliness'),
    level: levels(7),
    dreamerRole: literals(['befriender', 'befriended', 'mutual', 'witness']),
  },
  {
    category: Type.Literal('sexuality'),
    level: levels(5),
    dreamerRole: literals(['initiator', 'recipient', 'mutual', 'witness']),
  },
  {
    category: Type.Literal('emotion'),
    emotion: literals(['AN', 'AP', 'SD', 'CO', 'HA']),
    dreamerFeels: Type.Boolean(),
  },
  {
    category: Type.Literal('setting'),
    place: literals(['indoor', 'outdoor', 'ambiguous']),
    familiarity: literals(['familiar', 'unfamiliar', 'distorted', 'geographical', 'questionable']),
  },
  { category: literals(['success', 'failure']), dreamerInvolved: Type.Boolean() },
  { category: Type.Literal('misfortune'), level: levels(6), dreamerInvolved: Type.Boolean() },
  { category: Type.Literal('good-fortune'), dreamerInvolved: Type.Boolean() },
  { category: Type.Literal('body-part'), region: literals(['head', 'extremities', 'torso', 'anatomy', 'sex-organs']) },
];

/** What a code says: one category with exactly its own fields. */
export const DreamCodeContent = Type.Union(VARIANTS.map((v) => strict(v)));

export const EvidenceSpan = strict({
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 1 }),
  text: Type.String({ minLength: 1, maxLength: 2000 }),
});

const CodeId = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });

/** A code as shown: what it says (flattened), its id, the words behind it and who made it. */
export const DreamCode = Type.Union(
  VARIANTS.map((v) =>
    strict({
      ...v,
      id: Type.String(),
      evidence: Type.Array(EvidenceSpan),
      source: literals(['automatic', 'therapist']),
    }),
  ),
);

export const DreamCodeCorrection = Type.Union([
  strict({
    action: Type.Literal('add'),
    id: CodeId,
    code: DreamCodeContent,
    evidence: Type.Array(EvidenceSpan, { minItems: 1, maxItems: 10 }),
  }),
  strict({ action: Type.Literal('remove'), id: CodeId }),
  strict({
    action: Type.Literal('change'),
    id: CodeId,
    code: DreamCodeContent,
    evidence: Type.Optional(Type.Array(EvidenceSpan, { minItems: 1, maxItems: 10 })),
  }),
]);

export const SaveCorrectionsBody = strict({
  /** The corrections' version the therapist started from (0 when the dream had none). */
  baseVersion: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
  corrections: Type.Array(DreamCodeCorrection, { maxItems: 200 }),
});

/** `?baseVersion=n`: the corrections' version the therapist is clearing (query strings are text). */
export const ClearCorrectionsQuery = strict({ baseVersion: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) });

/** One shared dream in the list: its corrected codes, and whether (and when) the therapist corrected it. */
export const DreamListItem = strict({
  entryId: Type.String({ format: 'uuid' }),
  date: Type.String(),
  link: Type.String(),
  /** The first words of the dream, to tell it from the others. */
  opening: Type.String(),
  codes: Type.Array(DreamCode),
  corrected: Type.Boolean(),
  correctedAt: Type.Union([Type.String(), Type.Null()]),
});

export const DreamList = strict({ dreams: Type.Array(DreamListItem) });

/** One dream with its automatic codes, the therapist's corrections and the codes the indicators use. */
export const DreamCodesDetail = strict({
  entryId: Type.String({ format: 'uuid' }),
  date: Type.String(),
  link: Type.String(),
  text: Type.String(),
  automatic: Type.Array(DreamCode),
  corrections: Type.Array(DreamCodeCorrection),
  codes: Type.Array(DreamCode),
  /** Corrections that name a code the dream no longer has (it was edited since); they change nothing. */
  unmatched: Type.Integer(),
  /** 0 when there are no corrections; send it back as `baseVersion`. */
  version: Type.Integer(),
  correctedAt: Type.Union([Type.String(), Type.Null()]),
  /** The dream was edited after the corrections were made. */
  editedSince: Type.Boolean(),
});
