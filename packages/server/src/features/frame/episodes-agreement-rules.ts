import { Type, type Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { WeeklySlot as Slot } from '../../frame/frame-types.js';
import { validateSlots } from '../../frame/recurrence.js';
import { todayIn } from '../../frame/zoned-time.js';
import { Uuid } from '../../http/schemas.js';
import type { FieldProblem } from './episodes-field-errors.js';
import { CancellationPolicy, Pence, WeeklySlot, type TherapistSettings, IsoDate } from './frame-schemas.js';
import { findLocation } from './locations-record.js';
import { policyProblems } from './settings-validation.js';

/** The agreement that turns an assessment into treatment: what is agreed, and what makes it invalid. */
export const AgreementBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('brief'), Type.Literal('open')]),
    sessionCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    slots: Type.Array(WeeklySlot, { minItems: 1, maxItems: 5 }),
    locationId: Uuid,
    feePence: Pence,
    sessionMinutes: Type.Optional(Type.Integer({ minimum: 10, maximum: 240 })),
    startDate: IsoDate,
    reviewEvery: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()])),
    plannedEndDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    policy: Type.Optional(Type.Union([CancellationPolicy, Type.Null()])),
  },
  { additionalProperties: false },
);
export type AgreementBody = Static<typeof AgreementBody>;

/** Request validation writes fields with dots (slots.0.time); the engine with slashes. */
function dotted(field: string): string {
  return field.replaceAll('/', '.');
}

/**
 * Problems a therapist can correct: slots (1–5, none repeated, none overlapping another with the
 * therapist's gap), a brief episode without a number of sessions, a start date in the past (today
 * is allowed), a planned end not after the start, a location that does not exist or is archived, a
 * policy that does not hold together.
 */
export async function agreementProblems(
  tx: Scoped,
  body: AgreementBody,
  settings: TherapistSettings,
  now: Date,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const minutes = body.sessionMinutes ?? settings.sessionMinutes;
  for (const problem of validateSlots(body.slots as Slot[], minutes, settings.minGapMinutes)) {
    problems.push({ field: dotted(problem.field), message: problem.message });
  }
  if (body.kind === 'brief' && body.sessionCount === undefined) {
    problems.push({ field: 'sessionCount', message: 'Say how many sessions a brief episode has.' });
  }
  const today = todayIn(settings.timeZone, now);
  if (body.startDate < today) {
    problems.push({ field: 'startDate', message: 'The start date has passed; choose today or a later date.' });
  }
  if (body.plannedEndDate && body.plannedEndDate <= body.startDate) {
    problems.push({ field: 'plannedEndDate', message: 'The planned end must be after the start date.' });
  }
  const location = await findLocation(tx, body.locationId);
  if (!location) {
    problems.push({ field: 'locationId', message: 'There is no such location; choose one of the practice’s.' });
  } else if (location.archived) {
    problems.push({ field: 'locationId', message: `${location.name} is archived; choose another location.` });
  }
  if (body.policy) {
    for (const problem of policyProblems(body.policy)) {
      problems.push({ field: `policy.${problem.field}`, message: problem.message });
    }
  }
  return problems;
}
