import type { Scoped } from '../../access/access-layer.js';
import type { Letterhead } from './letters-schemas.js';
import type { PlaceholderValues } from './placeholders.js';

/**
 * The real data a template's placeholders are filled from when a therapist starts a letter: the
 * client's and therapist's names, the practice's letterhead, today's date in the practice's zone,
 * and the current episode of therapy between the two (the newest one still open, else the newest)
 * with the number of its sessions the client attended. A date not yet agreed is put in square
 * brackets for the therapist to see and change.
 */
export const NOT_AGREED = '[not agreed yet]';

/** "6 December 2026" for a date (YYYY-MM-DD) or an instant in the zone. */
export function longDate(value: string | Date, timeZone: string): string {
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: typeof value === 'string' ? 'UTC' : timeZone,
  }).format(date);
}

export async function practiceTimeZone(tx: Scoped): Promise<string> {
  const result = await tx.query<{ time_zone: string }>('SELECT time_zone FROM practices WHERE id = app_practice_id()');
  return result.rows[0]?.time_zone ?? 'Europe/London';
}

export async function letterFacts(
  tx: Scoped,
  input: { clientId: string; therapistId: string; recipientName: string; letterhead: Letterhead },
): Promise<PlaceholderValues> {
  const timeZone = await practiceTimeZone(tx);
  const people = await tx.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
    [[input.clientId, input.therapistId]],
  );
  const nameOf = (id: string) => people.rows.find((r) => r.id === id)?.display_name ?? '';
  const episode = await tx.query<{ start: string | null; end: string | null; attended: number }>(
    `SELECT to_char(e.start_date, 'YYYY-MM-DD') AS start,
            to_char(coalesce(e.ending_date, e.planned_end_date, (e.ended_at AT TIME ZONE e.time_zone)::date),
                    'YYYY-MM-DD') AS end,
            (SELECT count(*)::int FROM appointments a WHERE a.episode_id = e.id AND a.status = 'attended') AS attended
       FROM episodes e
      WHERE e.client_id = $1 AND e.therapist_id = $2
      ORDER BY (e.status = 'ended'), e.created_at DESC
      LIMIT 1`,
    [input.clientId, input.therapistId],
  );
  const current = episode.rows[0];
  return {
    'client.name': nameOf(input.clientId),
    'therapist.name': nameOf(input.therapistId),
    'practice.name': input.letterhead.name,
    'practice.phone': input.letterhead.phone,
    'practice.email': input.letterhead.email,
    today: longDate(new Date(), timeZone),
    'episode.startDate': current?.start ? longDate(current.start, timeZone) : NOT_AGREED,
    'episode.endDate': current?.end ? longDate(current.end, timeZone) : NOT_AGREED,
    'sessions.attendedCount': String(current?.attended ?? 0),
    'recipient.name': input.recipientName,
  };
}
