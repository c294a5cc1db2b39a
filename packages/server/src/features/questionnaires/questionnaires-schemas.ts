import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/** The request and response shapes of the questionnaire routes (schedules, requests, the portal). */
export const Timing = Type.Union([
  Type.Literal('every_session'),
  Type.Literal('every_n_sessions'),
  Type.Literal('reviews'),
  Type.Literal('ending'),
  Type.Literal('follow_up'),
]);

const InstrumentId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Schedule = Type.Object({
  id: Uuid,
  episodeId: Uuid,
  instrumentId: Type.String(),
  instrumentName: Type.String(),
  timing: Timing,
  everyN: Nullable(Type.Integer()),
  monthsAfter: Nullable(Type.Integer()),
  createdAt: DateTime,
});
export type Schedule = Static<typeof Schedule>;

export const RequestStatus = Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('expired')]);

export const QuestionnaireRequest = Type.Object({
  id: Uuid,
  instrumentId: Type.String(),
  instrumentName: Type.String(),
  status: RequestStatus,
  scheduleId: Nullable(Uuid),
  appointmentId: Nullable(Uuid),
  sessionStartsAt: Nullable(DateTime),
  opensAt: DateTime,
  expiresAt: DateTime,
  createdAt: DateTime,
  completedAt: Nullable(DateTime),
  responseId: Nullable(Uuid),
});
export type QuestionnaireRequest = Static<typeof QuestionnaireRequest>;

export const AddScheduleBody = Type.Object(
  {
    instrumentId: InstrumentId,
    timing: Timing,
    everyN: Type.Optional(Nullable(Type.Integer())),
    monthsAfter: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);

export const SendNowBody = Type.Object({ instrumentId: InstrumentId }, { additionalProperties: false });

/** One answer: an option's value, "declined" (prefer not to answer), "not-applicable", or null (cleared). */
export const PortalAnswerValue = Type.Union([
  Type.Integer({ minimum: -1000, maximum: 1000 }),
  Type.Literal('declined'),
  Type.Literal('not-applicable'),
  Type.Null(),
]);
export type PortalAnswerValue = Static<typeof PortalAnswerValue>;

export const SaveAnswerBody = Type.Object(
  {
    value: PortalAnswerValue,
    /** The revision of this answer the device last saw (null: it had none). */
    revision: Nullable(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const SavedAnswer = Type.Object({ linkId: Type.String(), value: PortalAnswerValue, revision: Type.Integer() });
export type SavedAnswer = Static<typeof SavedAnswer>;

export const MyQuestionnaire = Type.Object({
  id: Uuid,
  name: Type.String(),
  sessionStartsAt: Nullable(DateTime),
  expiresAt: DateTime,
  itemCount: Type.Integer(),
  answeredCount: Type.Integer(),
});
export type MyQuestionnaire = Static<typeof MyQuestionnaire>;

export const PortalItem = Type.Object({
  linkId: Type.String(),
  text: Type.String(),
  options: Type.Array(Type.Object({ value: Type.Integer(), label: Type.String() })),
  notApplicable: Nullable(Type.String()),
});

export const MyQuestionnaireDetail = Type.Object({
  id: Uuid,
  name: Type.String(),
  title: Type.String(),
  stem: Nullable(Type.String()),
  copyright: Type.String(),
  sessionStartsAt: Nullable(DateTime),
  expiresAt: DateTime,
  items: Type.Array(PortalItem),
  answers: Type.Array(SavedAnswer),
});
export type MyQuestionnaireDetail = Static<typeof MyQuestionnaireDetail>;
