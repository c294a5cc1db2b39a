import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/** Request and response shapes of the therapy-frame routes (one place, so web and tests agree). */

/**
 * A calendar date: a real day (format 'date' refuses 2027-02-30) in the years 1900–2199, so no date
 * arithmetic downstream ever meets a date it cannot handle — a 400 instead.
 */
export const IsoDate = Type.String({
  format: 'date',
  pattern: '^(19|20|21)\\d{2}-\\d{2}-\\d{2}$',
  description: 'A calendar date, 2027-01-14',
});
export const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: '24-hour time, 09:00' });
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone, Europe/London' });
export const Pence = Type.Integer({ minimum: 0, maximum: 10_000_000 });
export const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: 'Monday = 1 … Sunday = 7' });

export const WeeklySlot = Type.Object({ weekday: Weekday, time: WallTime }, { additionalProperties: false });
export const WorkingHours = Type.Object(
  { weekday: Weekday, start: WallTime, end: WallTime },
  { additionalProperties: false },
);

export const AppointmentKind = Type.Union([
  Type.Literal('consultation'),
  Type.Literal('assessment'),
  Type.Literal('session'),
  Type.Literal('review'),
]);
export const AppointmentStatus = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('attended'),
  Type.Literal('cancelled_client'),
  Type.Literal('did_not_attend'),
  Type.Literal('cancelled_therapist'),
  Type.Literal('moved'),
]);
export const EpisodeStatus = Type.Union([
  Type.Literal('assessment'),
  Type.Literal('active'),
  Type.Literal('paused'),
  Type.Literal('ending'),
  Type.Literal('ended'),
]);

export const CancellationPolicy = Type.Object(
  {
    mode: Type.Union([Type.Literal('notice'), Type.Literal('hour_is_yours')]),
    noticeHours: Type.Integer({ minimum: 0, maximum: 336 }),
    chargeLateCancellation: Type.Boolean(),
    chargeDidNotAttend: Type.Boolean(),
    lateFeePercent: Type.Integer({ minimum: 0, maximum: 100 }),
    freeMissedPerYear: Type.Integer({ minimum: 0, maximum: 52 }),
  },
  { additionalProperties: false },
);

export const Fees = Type.Object(
  {
    consultation: Type.Optional(Pence),
    assessment: Type.Optional(Pence),
    session: Type.Optional(Pence),
    review: Type.Optional(Pence),
  },
  { additionalProperties: false },
);

export const TherapistSettings = Type.Object({
  timeZone: TimeZone,
  sessionMinutes: Type.Integer({ minimum: 10, maximum: 240 }),
  minGapMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
  workingHours: Type.Array(WorkingHours, { maxItems: 21 }),
  fees: Fees,
  policy: CancellationPolicy,
  reminderLeadHours: Type.Union([Type.Integer({ minimum: 1, maximum: 168 }), Type.Null()]),
  feedShowsClientNames: Type.Boolean(),
  currency: Type.String(),
});
export type TherapistSettings = Static<typeof TherapistSettings>;

export const Location = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.Union([Type.Literal('room'), Type.Literal('online')]),
  address: Type.Union([Type.String(), Type.Null()]),
  archived: Type.Boolean(),
});
export type Location = Static<typeof Location>;

export const Episode = Type.Object({
  id: Uuid,
  therapistId: Uuid,
  therapistName: Type.String(),
  clientId: Uuid,
  clientName: Type.String(),
  status: EpisodeStatus,
  kind: Type.Union([Type.Literal('brief'), Type.Literal('open'), Type.Null()]),
  sessionCount: Type.Union([Type.Integer(), Type.Null()]),
  slots: Type.Array(WeeklySlot),
  timeZone: TimeZone,
  locationId: Type.Union([Uuid, Type.Null()]),
  locationName: Type.Union([Type.String(), Type.Null()]),
  feePence: Type.Union([Pence, Type.Null()]),
  sessionMinutes: Type.Union([Type.Integer(), Type.Null()]),
  startDate: Type.Union([IsoDate, Type.Null()]),
  reviewEvery: Type.Union([Type.Integer(), Type.Null()]),
  plannedEndDate: Type.Union([IsoDate, Type.Null()]),
  endingDate: Type.Union([IsoDate, Type.Null()]),
  followUpDate: Type.Union([IsoDate, Type.Null()]),
  /** Only for the therapist; never sent to the client. */
  closingSummary: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  policy: Type.Union([CancellationPolicy, Type.Null()]),
  effectivePolicy: CancellationPolicy,
  /** Sessions still to come before the ending date (or the end of a brief episode); null when open. */
  sessionsRemaining: Type.Union([Type.Integer(), Type.Null()]),
  sessionsHeld: Type.Integer(),
  /** The session number at which the next review falls, when reviews are set. */
  nextReviewAt: Type.Union([Type.Integer(), Type.Null()]),
  reviewDue: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Episode = Static<typeof Episode>;

export const Appointment = Type.Object({
  id: Uuid,
  episodeId: Uuid,
  therapistId: Uuid,
  therapistName: Type.String(),
  clientId: Uuid,
  clientName: Type.String(),
  kind: AppointmentKind,
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  localStart: Type.String({ description: 'Wall time in timeZone, 2027-01-14T09:00' }),
  timeZone: TimeZone,
  locationId: Type.Union([Uuid, Type.Null()]),
  locationName: Type.Union([Type.String(), Type.Null()]),
  locationKind: Type.Union([Type.Literal('room'), Type.Literal('online'), Type.Null()]),
  locationAddress: Type.Union([Type.String(), Type.Null()]),
  feePence: Pence,
  status: AppointmentStatus,
  late: Type.Union([Type.Boolean(), Type.Null()]),
  noticeMinutes: Type.Union([Type.Integer(), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  breakTitle: Type.Union([Type.String(), Type.Null()]),
  movedFromId: Type.Union([Uuid, Type.Null()]),
  movedToId: Type.Union([Uuid, Type.Null()]),
  /** A pending request from the client to move this session. */
  moveRequested: Type.Boolean(),
  /** Its number within its episode, counted apart for consultations/assessments and for the agreed sessions (held, missed or to come, in order); null if cancelled or moved. */
  number: Type.Union([Type.Integer(), Type.Null()]),
});
export type Appointment = Static<typeof Appointment>;

export const Break = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('therapist'), Type.Literal('practice'), Type.Literal('bank_holiday')]),
  therapistId: Type.Union([Uuid, Type.Null()]),
  therapistName: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  createdAt: Type.String({ format: 'date-time' }),
  /** Set on creation: how many sessions the break cancelled. */
  cancelledSessions: Type.Optional(Type.Integer()),
});
export type Break = Static<typeof Break>;

export const Absence = Type.Object({
  id: Uuid,
  clientId: Uuid,
  startsOn: IsoDate,
  endsOn: IsoDate,
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const LedgerEntry = Type.Object({
  id: Uuid,
  clientId: Uuid,
  appointmentId: Type.Union([Uuid, Type.Null()]),
  appointmentStartsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  kind: Type.Union([
    Type.Literal('session_fee'),
    Type.Literal('late_cancellation'),
    Type.Literal('did_not_attend'),
    Type.Literal('hour_is_yours'),
    Type.Literal('free_missed'),
    Type.Literal('reversal'),
    Type.Literal('adjustment'),
  ]),
  amountPence: Type.Integer(),
  currency: Type.String(),
  description: Type.String(),
  /** For a reversal: the entry it cancels. */
  reversesId: Type.Union([Uuid, Type.Null()]),
  /** A later reversal cancels this entry (it no longer counts; it cannot be waived again). */
  reversed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export const Ledger = Type.Object({
  entries: Type.Array(LedgerEntry),
  balancePence: Type.Integer(),
  currency: Type.String(),
});

export const ChargePreview = Type.Object({
  late: Type.Boolean(),
  amountPence: Type.Integer(),
  currency: Type.String(),
  usedFreeAllowance: Type.Boolean(),
  explanation: Type.String(),
  noticeHours: Type.Number(),
});
