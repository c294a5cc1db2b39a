import type { Scoped } from '../../access/access-layer.js';
import type { AppointmentKind, AppointmentStatus } from '../../frame/frame-types.js';
import type { Appointment } from './frame-schemas.js';

/**
 * Reading appointments as the routes return them. One query shape for every view (week calendar,
 * episode list, client portal), filtered by what the caller passes; row-level security keeps it
 * inside the practice, the caller decides whose appointments it may ask for.
 */
export interface AppointmentFilter {
  id?: string;
  ids?: string[];
  episodeId?: string;
  therapistId?: string;
  clientId?: string;
  locationId?: string;
  from?: Date;
  to?: Date;
  statuses?: AppointmentStatus[];
  limit?: number;
  order?: 'asc' | 'desc';
}

interface AppointmentRow {
  id: string;
  episode_id: string;
  therapist_id: string;
  therapist_name: string;
  client_id: string;
  client_name: string;
  kind: AppointmentKind;
  starts_at: Date;
  ends_at: Date;
  local_start: string;
  time_zone: string;
  location_id: string | null;
  location_name: string | null;
  location_kind: 'room' | 'online' | null;
  location_address: string | null;
  fee_pence: number;
  status: AppointmentStatus;
  late: boolean | null;
  notice_minutes: number | null;
  cancel_reason: string | null;
  break_title: string | null;
  moved_from_id: string | null;
  moved_to_id: string | null;
  move_requested: boolean;
  number: number | null;
}

/** Numbered apart: first consultations and assessments (1, 2…), then the sessions of the agreed frame (1, 2…). */
const COUNTS_AS_SESSION = `a2.status IN ('scheduled', 'attended', 'cancelled_client', 'did_not_attend')`;

const FILTERS: [keyof AppointmentFilter, string][] = [
  ['id', 'a.id = $?::uuid'],
  ['ids', 'a.id = ANY($?::uuid[])'],
  ['episodeId', 'a.episode_id = $?::uuid'],
  ['therapistId', 'a.therapist_id = $?::uuid'],
  ['clientId', 'a.client_id = $?::uuid'],
  ['locationId', 'a.location_id = $?::uuid'],
  // Sessions last at most 240 minutes, so a lower bound on starts_at lets the index do the work.
  ['from', "a.ends_at > $?::timestamptz AND a.starts_at > $?::timestamptz - interval '1 day'"],
  ['to', 'a.starts_at < $?::timestamptz'],
  ['statuses', 'a.status = ANY($?::text[])'],
];

/**
 * The WHERE clause names only the filters that are set: a generic `($1 IS NULL OR …)` form makes
 * PostgreSQL plan for every combination at once and walk the wrong index.
 */
export async function findAppointments(tx: Scoped, filter: AppointmentFilter): Promise<Appointment[]> {
  const order = filter.order === 'desc' ? 'DESC' : 'ASC';
  const where: string[] = [];
  const values: unknown[] = [];
  for (const [key, condition] of FILTERS) {
    const value = filter[key];
    if (value === undefined) continue;
    values.push(value);
    where.push(condition.replaceAll('$?', `$${values.length}`));
  }
  values.push(filter.limit ?? 5000);
  const result = await tx.query<AppointmentRow>(
    `SELECT a.id, a.episode_id, a.therapist_id, t.display_name AS therapist_name, a.client_id,
            c.display_name AS client_name, a.kind, a.starts_at, a.ends_at, a.local_start, a.time_zone,
            a.location_id, l.name AS location_name, l.kind AS location_kind, l.address AS location_address,
            a.fee_pence, a.status, a.late, a.notice_minutes, a.cancel_reason, b.title AS break_title,
            a.moved_from_id, a.moved_to_id,
            EXISTS (SELECT 1 FROM move_requests r WHERE r.appointment_id = a.id AND r.status = 'pending')
              AS move_requested,
            CASE WHEN a.status IN ('scheduled', 'attended', 'cancelled_client', 'did_not_attend') THEN
              (SELECT count(*)::int FROM appointments a2
                WHERE a2.episode_id = a.episode_id AND ${COUNTS_AS_SESSION}
                  AND (a2.kind IN ('session', 'review')) = (a.kind IN ('session', 'review'))
                  AND (a2.starts_at, a2.id) <= (a.starts_at, a.id))
            END AS number
       FROM appointments a
       JOIN users t ON t.id = a.therapist_id
       JOIN users c ON c.id = a.client_id
       LEFT JOIN locations l ON l.id = a.location_id
       LEFT JOIN breaks b ON b.id = a.break_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.starts_at ${order}, a.id ${order}
      LIMIT $${values.length}`,
    values,
  );
  return result.rows.map(toAppointment);
}

export async function findAppointment(tx: Scoped, id: string): Promise<Appointment | undefined> {
  const [found] = await findAppointments(tx, { id });
  return found;
}

function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    episodeId: row.episode_id,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    clientId: row.client_id,
    clientName: row.client_name,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    localStart: row.local_start,
    timeZone: row.time_zone,
    locationId: row.location_id,
    locationName: row.location_name,
    locationKind: row.location_kind,
    locationAddress: row.location_address,
    feePence: row.fee_pence,
    status: row.status,
    late: row.late,
    noticeMinutes: row.notice_minutes,
    cancelReason: row.cancel_reason,
    breakTitle: row.break_title,
    movedFromId: row.moved_from_id,
    movedToId: row.moved_to_id,
    moveRequested: row.move_requested,
    number: row.number,
  };
}
