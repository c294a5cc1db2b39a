import type { Scoped } from '../../access/access-layer.js';
import { localKey, localToUtc, utcToLocal } from '../../frame/zoned-time.js';
import { HttpError } from '../../access/errors.js';
import { formatLongDate } from './charges-format.js';
import { assertNoClash } from './clash.js';
import type { FieldProblem } from './episodes-field-errors.js';
import { findLocation } from './locations-record.js';
import { horizonDate, materialiseTherapistUntil } from './materialise.js';

/**
 * What a one-off booking (an extra appointment, or a move) must satisfy: a real wall time in the
 * episode's zone that has not passed, a live location, and no clash with the therapist's frame —
 * whose sessions are materialised up to that date first when it lies beyond the horizon.
 */
/** How far ahead a one-off booking may be (the frame is materialised up to it first). */
export const MAX_DAYS_AHEAD = 731;

export interface Slot {
  startsAt: Date;
  endsAt: Date;
  /** The wall time as booked, "2027-01-14T09:00" (a time in a spring-forward gap moves to after it). */
  localStart: string;
}

export function slotAt(date: string, time: string, minutes: number, zone: string): Slot {
  const startsAt = localToUtc(date, time, zone);
  const local = utcToLocal(startsAt, zone);
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    localStart: localKey(local.date, local.time),
  };
}

export async function bookingProblems(
  tx: Scoped,
  slot: Slot,
  locationId: string | null,
  now: Date,
  locationChosen: boolean,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (slot.startsAt.getTime() <= now.getTime()) {
    problems.push({ field: 'date', message: 'That time has passed; choose a time still to come.' });
  } else if (slot.startsAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000) {
    problems.push({ field: 'date', message: 'Appointments can be booked up to two years ahead.' });
  }
  if (locationId && locationChosen) {
    const location = await findLocation(tx, locationId);
    if (!location) problems.push({ field: 'locationId', message: 'There is no such location.' });
    else if (location.archived) {
      problems.push({ field: 'locationId', message: `${location.name} is archived; choose another location.` });
    }
  }
  return problems;
}

/**
 * Materialises the therapist's frame up to the booking's date when it lies beyond the horizon, then
 * refuses a clash (409). The caller has taken the therapist's frame lock.
 */
export async function assertBookable(
  tx: Scoped,
  booking: { therapistId: string; zone: string; slot: Slot; locationId: string | null; ignoreAppointmentId?: string },
  now: Date,
): Promise<void> {
  const date = utcToLocal(booking.slot.endsAt, booking.zone).date;
  if (date > horizonDate(booking.zone, now)) {
    await materialiseTherapistUntil(tx, booking.therapistId, date, { now });
  }
  // A one-off booking may not land in the therapist's own break, a practice closure or a bank holiday
  // (the frame's sessions never do; a move or an extra session must not either).
  const covering = await tx.query<{ title: string; kind: string; starts_on: string; ends_on: string }>(
    `SELECT title, kind, starts_on::text, ends_on::text FROM breaks
      WHERE (therapist_id = $1 OR therapist_id IS NULL) AND $2::date BETWEEN starts_on AND ends_on
      ORDER BY starts_on LIMIT 1`,
    [booking.therapistId, booking.slot.localStart.slice(0, 10)],
  );
  const inBreak = covering.rows[0];
  if (inBreak) {
    const what =
      inBreak.kind === 'therapist'
        ? `your break “${inBreak.title}”`
        : inBreak.kind === 'bank_holiday'
          ? `a bank holiday (${inBreak.title})`
          : `a practice closure (“${inBreak.title}”)`;
    throw new HttpError(
      409,
      `${formatLongDate(booking.slot.localStart.slice(0, 10))} falls in ${what}, ` +
        `${inBreak.starts_on === inBreak.ends_on ? '' : `from ${formatLongDate(inBreak.starts_on)} to ${formatLongDate(inBreak.ends_on)}, `}` +
        'when no sessions take place. Choose another day, or change the break first.',
      'in_break',
    );
  }
  await assertNoClash(tx, {
    therapistId: booking.therapistId,
    locationId: booking.locationId,
    startsAt: booking.slot.startsAt,
    endsAt: booking.slot.endsAt,
    ...(booking.ignoreAppointmentId ? { ignoreAppointmentId: booking.ignoreAppointmentId } : {}),
  });
}
