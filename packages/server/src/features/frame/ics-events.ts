import type { Scoped } from '../../access/access-layer.js';
import type { AppointmentKind, AppointmentStatus } from '../../frame/frame-types.js';
import type { IcsEvent } from '../../frame/ical.js';

/**
 * Appointments as iCalendar events, for the subscription feeds and the single-event download. The
 * UID is the appointment's id, so a calendar app updates an event rather than adding a second one;
 * SEQUENCE is the appointment's own counter (bumped by every change a calendar must pick up). A move
 * creates a new appointment (its own UID) and leaves the original in the feed as CANCELLED.
 *
 * Titles never carry clinical detail: the therapist sees "Session" (or "Session — <client name>"
 * when they chose that in their settings), the client "Session with <therapist name>".
 */
export const FEED_PAST_DAYS = 56;
/** A feed never grows past this many events (about three years of five sessions a week). */
export const FEED_MAX_EVENTS = 5000;

export interface IcsAppointmentRow {
  id: string;
  therapist_id: string;
  client_id: string;
  kind: AppointmentKind;
  starts_at: Date;
  ends_at: Date;
  /** The agreed wall time, "2027-01-14T09:00". */
  local_start: string;
  status: AppointmentStatus;
  sequence: number;
  last_modified: Date;
  therapist_name: string;
  /** Only when the therapist chose to show client names in their feed. */
  client_name: string | null;
  location_name: string | null;
  location_kind: 'room' | 'online' | null;
  location_address: string | null;
}

const SELECT = `
  SELECT a.id, a.therapist_id, a.client_id, a.kind, a.starts_at, a.ends_at, a.local_start, a.status, a.sequence,
         GREATEST(a.updated_at, a.cancelled_at, a.marked_at) AS last_modified,
         t.display_name AS therapist_name,
         CASE WHEN s.feed_shows_client_names THEN c.display_name END AS client_name,
         l.name AS location_name, l.kind AS location_kind, l.address AS location_address
    FROM appointments a
    JOIN users t ON t.id = a.therapist_id
    JOIN users c ON c.id = a.client_id
    LEFT JOIN locations l ON l.id = a.location_id
    LEFT JOIN therapist_settings s ON s.therapist_id = a.therapist_id`;

/** The appointments in a person's feed: theirs as therapist or as client, from eight weeks ago on. */
export async function feedAppointments(tx: Scoped, userId: string, now = new Date()): Promise<IcsAppointmentRow[]> {
  const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const result = await tx.query<IcsAppointmentRow>(
    `${SELECT}
      WHERE (a.therapist_id = $1 OR a.client_id = $1) AND a.ends_at > $2
      ORDER BY a.starts_at, a.id
      LIMIT $3`,
    [userId, from, FEED_MAX_EVENTS],
  );
  return result.rows;
}

export async function icsAppointment(tx: Scoped, id: string): Promise<IcsAppointmentRow | undefined> {
  const result = await tx.query<IcsAppointmentRow>(`${SELECT} WHERE a.id = $1`, [id]);
  return result.rows[0];
}

const CONFIRMED: ReadonlySet<AppointmentStatus> = new Set(['scheduled', 'attended', 'did_not_attend']);

export function icsStatus(status: AppointmentStatus): 'CONFIRMED' | 'CANCELLED' {
  return CONFIRMED.has(status) ? 'CONFIRMED' : 'CANCELLED';
}

function title(row: IcsAppointmentRow, viewerId: string): string {
  const base =
    row.therapist_id === viewerId
      ? row.client_name
        ? `Session — ${row.client_name}`
        : 'Session'
      : `Session with ${row.therapist_name}`;
  if (row.status === 'moved') return `Moved: ${base}`;
  return icsStatus(row.status) === 'CANCELLED' ? `Cancelled: ${base}` : base;
}

function place(row: IcsAppointmentRow): string | undefined {
  if (!row.location_name) return undefined;
  return row.location_kind === 'room' && row.location_address
    ? `${row.location_name}, ${row.location_address}`
    : row.location_name;
}

/** The event as `viewerId` (the therapist or the client of the appointment) sees it. */
export function toIcsEvent(row: IcsAppointmentRow, viewerId: string, publicUrl: string): IcsEvent {
  const asTherapist = row.therapist_id === viewerId;
  const url = `${publicUrl}${asTherapist ? '/calendar' : '/sessions'}`;
  const location = place(row);
  return {
    uid: `${row.id}@undercurrent`,
    sequence: row.sequence,
    start: row.starts_at,
    end: row.ends_at,
    summary: title(row, viewerId),
    ...(location ? { location } : {}),
    description: asTherapist
      ? `Open your calendar in Undercurrent: ${url}`
      : `To cancel or ask to move this, open Undercurrent: ${url}`,
    status: icsStatus(row.status),
    lastModified: row.last_modified,
    url,
  };
}
