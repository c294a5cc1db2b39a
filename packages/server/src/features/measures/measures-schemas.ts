import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/** Shapes of the measures routes' requests and responses. */

const Coding = Type.Object({
  system: Type.String(),
  code: Type.String(),
  display: Type.Optional(Type.String()),
});
const Unverified = Type.Optional(Type.String());

const AnswerOption = Type.Object({ value: Type.Number(), label: Type.String(), code: Type.Optional(Coding) });

/** An instrument definition (packages/clinical InstrumentDefinition), as read back. */
export const InstrumentDefinition = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  version: Type.Optional(Type.String()),
  code: Type.Optional(Coding),
  totalScoreCode: Type.Optional(Coding),
  stem: Type.Optional(Type.String()),
  answerOptions: Type.Optional(Type.Array(AnswerOption)),
  items: Type.Array(
    Type.Object({
      linkId: Type.String(),
      text: Type.String(),
      code: Type.Optional(Coding),
      scored: Type.Optional(Type.Boolean()),
      reverse: Type.Optional(Type.Boolean()),
      answerOptions: Type.Optional(Type.Array(AnswerOption)),
      notApplicable: Type.Optional(Type.Object({ label: Type.String() })),
    }),
  ),
  missingItemRule: Type.Object({
    maxMissing: Type.Number(),
    rounding: Type.Union([Type.Literal('half-up'), Type.Literal('none')]),
    unverified: Unverified,
  }),
  bands: Type.Array(Type.Object({ min: Type.Number(), max: Type.Number(), label: Type.String() })),
  cutoff: Type.Optional(
    Type.Object({
      score: Type.Number(),
      comparison: Type.Union([Type.Literal('at-or-above'), Type.Literal('above')]),
      label: Type.String(),
      unverified: Unverified,
    }),
  ),
  reliableChange: Type.Optional(Type.Object({ points: Type.Number(), unverified: Unverified })),
  subscales: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), label: Type.String(), linkIds: Type.Array(Type.String()) })),
  ),
  flags: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        label: Type.String(),
        linkId: Type.String(),
        atOrAbove: Type.Number(),
        whenDeclined: Type.Boolean(),
        whenUnanswered: Type.Boolean(),
      }),
    ),
  ),
  patterns: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        label: Type.String(),
        endorsedAtOrAbove: Type.Number(),
        clusters: Type.Array(
          Type.Object({
            id: Type.String(),
            label: Type.String(),
            linkIds: Type.Array(Type.String()),
            minEndorsed: Type.Number(),
          }),
        ),
        unverified: Unverified,
      }),
    ),
  ),
  licence: Type.Object({ copyright: Type.String(), terms: Type.String(), url: Type.Optional(Type.String()) }),
  unverified: Type.Optional(Type.Array(Type.String())),
});

/** One instrument of the catalogue: a built-in one, or a version the practice imported. */
export const InstrumentSummary = Type.Object({
  instrumentId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  source: Type.Union([Type.Literal('builtin'), Type.Literal('practice')]),
  /** The practice's version number (1, 2, …); null for a built-in instrument. */
  version: Type.Union([Type.Integer(), Type.Null()]),
  definitionId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  itemCount: Type.Integer(),
  copyright: Type.String(),
  terms: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  importedAt: Type.Union([Type.String(), Type.Null()]),
  importedBy: Type.Union([Type.Object({ id: Uuid, displayName: Type.String() }), Type.Null()]),
});
export type InstrumentSummary = Static<typeof InstrumentSummary>;

export const Instrument = Type.Object({ summary: InstrumentSummary, definition: InstrumentDefinition });

export const InstrumentIdParam = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });

/** One answer as sent: an option's value, "declined", "not-applicable", or null for left blank. */
export const AnswerValue = Type.Union([
  Type.Number(),
  Type.Literal('declined'),
  Type.Literal('not-applicable'),
  Type.Null(),
]);

export const EnterResponseBody = Type.Object(
  {
    instrumentId: InstrumentIdParam,
    /** The practice version shown on the form; refused when it is no longer the active one. */
    version: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    completedOn: Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    appointmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    answers: Type.Record(Type.String({ maxLength: 64 }), AnswerValue, { maxProperties: 200 }),
  },
  { additionalProperties: false },
);
export type EnterResponseBody = Static<typeof EnterResponseBody>;

/** A raised flag, with the answer that raised it in words ("Several days", "declined", "left blank"). */
const ResultFlag = Type.Object({
  id: Type.String(),
  label: Type.String(),
  linkId: Type.String(),
  reason: Type.Union([
    Type.Literal('answer-at-or-above-threshold'),
    Type.Literal('declined'),
    Type.Literal('unanswered'),
  ]),
  answer: Type.String(),
});

/** One questionnaire result of a client. */
export const MeasureResult = Type.Object({
  id: Uuid,
  instrument: Type.Object({
    instrumentId: Type.String(),
    name: Type.String(),
    version: Type.Union([Type.Integer(), Type.Null()]),
    copyright: Type.String(),
  }),
  /** 'paper': entered by the therapist; 'portal': answered by the client in the portal. */
  source: Type.Union([Type.Literal('paper'), Type.Literal('portal')]),
  completedOn: Type.String(),
  appointmentId: Type.Union([Uuid, Type.Null()]),
  enteredBy: Type.Object({ id: Uuid, displayName: Type.String() }),
  enteredAt: Type.String(),
  total: Type.Union([Type.Number(), Type.Null()]),
  range: Type.Object({ min: Type.Number(), max: Type.Number() }),
  noScoreReason: Type.Union([Type.String(), Type.Null()]),
  prorated: Type.Boolean(),
  missing: Type.Array(Type.String()),
  band: Type.Union([Type.String(), Type.Null()]),
  caseness: Type.Union([Type.Boolean(), Type.Null()]),
  cutoffLabel: Type.Union([Type.String(), Type.Null()]),
  flags: Type.Array(ResultFlag),
  answers: Type.Record(Type.String(), AnswerValue),
});
export type MeasureResult = Static<typeof MeasureResult>;

export const ResultList = Type.Object({
  client: Type.Object({ id: Uuid, displayName: Type.String() }),
  results: Type.Array(MeasureResult),
  /** Past sessions with this client, to link an entry to (newest first). */
  sessions: Type.Array(Type.Object({ appointmentId: Uuid, startsAt: Type.String() })),
});
