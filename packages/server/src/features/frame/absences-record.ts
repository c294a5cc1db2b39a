import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { ChargeEvent } from '../../frame/frame-types.js';
import { noticeMinutes } from '../../frame/cancellation-policy.js';
import { findAppointments } from './appointment-record.js';
import { practiceTimeZone } from './breaks-record.js';
import {
  applyCharge,
  lockAppointments,
  previewCharges,
  type ChargeableAppointment,
  type ChargePreviewView,
} from './charges.js';
import type { Absence, Appointment } from './frame-schemas.js';

/**
 * A client's planned absences. The sessions an absence covers (by the date the client reads in
 * their own zone) are cancelled as the client's cancellations, charged by the policy with the
 * notice counted from when the absence is recorded; the client sees every charge before confirming.
 */
export type AbsenceView = Static<typeof Absence>;

interface AbsenceRow {
  id: string;
  client_id: string;
  starts_on: string;
  ends_on: string;
  note_enc: string | null;
  created_at: Date;
}

export const noteContext = (id: string) => `client_absences.note_enc:${id}`;

export async function findAbsenceRows(
  tx: Scoped,
  filter: { clientId: string; id?: string; endingFrom?: string },
): Promise<AbsenceRow[]> {
  const result = await tx.query<AbsenceRow>(
    `SELECT id, client_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
            note_enc, created_at
       FROM client_absences
      WHERE client_id = $1 AND ($2::uuid IS NULL OR id = $2) AND ($3::date IS NULL OR ends_on >= $3)
      ORDER BY starts_on, created_at, id`,
    [filter.clientId, filter.id ?? null, filter.endingFrom ?? null],
  );
  return result.rows;
}

export async function toAbsence(tx: Scoped, row: AbsenceRow): Promise<AbsenceView> {
  return {
    id: row.id,
    clientId: row.client_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note_enc ? await tx.decrypt(noteContext(row.id), row.note_enc) : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The zone a client reads dates in: their own choice, else the practice's. */
export async function clientTimeZone(tx: Scoped, clientId: string): Promise<string> {
  const result = await tx.query<{ time_zone: string | null }>('SELECT time_zone FROM users WHERE id = $1', [clientId]);
  return result.rows[0]?.time_zone ?? (await practiceTimeZone(tx));
}

/**
 * The client's scheduled sessions that have not started and fall (in the client's zone, else the
 * session's) on a date from startsOn to endsOn, locked, in start order.
 */
export async function sessionsInPeriod(
  tx: Scoped,
  clientId: string,
  startsOn: string,
  endsOn: string,
  now: Date,
): Promise<ChargeableAppointment[]> {
  return lockAppointments(
    tx,
    `client_id = $1 AND status = 'scheduled' AND starts_at > $4
       AND (starts_at AT TIME ZONE coalesce((SELECT u.time_zone FROM users u WHERE u.id = client_id), time_zone))::date
           BETWEEN $2::date AND $3::date`,
    [clientId, startsOn, endsOn, now],
  );
}

export interface AffectedSession {
  appointment: Static<typeof Appointment>;
  charge: ChargePreviewView;
}

/** Each session the absence would cancel, with what cancelling it now would charge (in order). */
export async function previewAbsence(
  tx: Scoped,
  sessions: ChargeableAppointment[],
  now: Date,
): Promise<{
  items: { session: ChargeableAppointment; event: ChargeEvent; charge: ChargePreviewView }[];
  affected: AffectedSession[];
}> {
  const events = sessions.map((session): ChargeEvent => ({
    kind: 'cancelled_client',
    noticeMinutes: noticeMinutes(session.startsAt, now),
  }));
  const charges = await previewCharges(
    tx,
    sessions.map((appointment, i) => ({ appointment, event: events[i] as ChargeEvent })),
  );
  const items = sessions.map((session, i) => ({
    session,
    event: events[i] as ChargeEvent,
    charge: charges[i] as ChargePreviewView,
  }));
  const views = new Map(
    (await findAppointments(tx, { ids: sessions.map((s) => s.id) })).map((a) => [a.id, a] as const),
  );
  const affected = items.flatMap((item) => {
    const appointment = views.get(item.session.id);
    return appointment ? [{ appointment, charge: item.charge }] : [];
  });
  return { items, affected };
}

/**
 * Cancels the previewed sessions as the client's cancellations for this absence and charges each by
 * the policy (the ledger is written at `at`; the notice is the one in each item's event).
 */
export async function cancelForAbsence(
  tx: Scoped,
  items: { session: ChargeableAppointment; event: ChargeEvent; charge: ChargePreviewView }[],
  absence: { id: string; clientId: string },
  at: Date,
): Promise<void> {
  for (const item of items) {
    await tx.query(
      `UPDATE appointments
          SET status = 'cancelled_client', late = $2, notice_minutes = $3, cancel_reason = 'client_absence',
              absence_id = $4, cancelled_at = $5, cancelled_by = $6, sequence = sequence + 1, updated_at = now()
        WHERE id = $1`,
      [
        item.session.id,
        item.charge.late,
        item.event.kind === 'cancelled_client' ? item.event.noticeMinutes : null,
        absence.id,
        at,
        absence.clientId,
      ],
    );
    await applyCharge(tx, { ...item.session, status: 'cancelled_client' }, item.event, at);
  }
}

/**
 * Sessions that came into being after the client recorded an absence covering them (the frame was
 * materialised further, or a break was called off) are cancelled by that absence too, with the
 * notice the client gave when they recorded it — so a planned absence months ahead is never
 * forgotten, and never charged as a missed session.
 */
export async function honourRecordedAbsences(tx: Scoped, clientId: string, now: Date): Promise<number> {
  const absences = await findAbsenceRows(tx, { clientId, endingFrom: now.toISOString().slice(0, 10) });
  if (absences.length === 0) return 0;
  // The client's charges lock first, as recording an absence does, so the two cannot deadlock.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-charges:${clientId}`]);
  let cancelled = 0;
  for (const absence of absences) {
    const sessions = await sessionsInPeriod(tx, clientId, absence.starts_on, absence.ends_on, now);
    if (sessions.length === 0) continue;
    const { items } = await previewAbsence(tx, sessions, absence.created_at);
    await cancelForAbsence(tx, items, { id: absence.id, clientId }, now);
    cancelled += items.length;
  }
  return cancelled;
}
