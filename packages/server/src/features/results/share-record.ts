import type { Scoped } from '../../access/access-layer.js';

/** The instruments whose charts the client's therapist has chosen to show the client. */
export async function sharedInstruments(tx: Scoped, clientId: string): Promise<Set<string>> {
  const rows = await tx.query<{ instrument_id: string }>(
    'SELECT instrument_id FROM result_shares WHERE client_id = $1 AND shared',
    [clientId],
  );
  return new Set(rows.rows.map((r) => r.instrument_id));
}

/** Dates (in the session's own time zone) of the client's attended sessions, oldest first. */
export async function attendedSessionDates(tx: Scoped, clientId: string): Promise<string[]> {
  const rows = await tx.query<{ day: string }>(
    `SELECT DISTINCT to_char((a.starts_at AT TIME ZONE a.time_zone)::date, 'YYYY-MM-DD') AS day
       FROM appointments a
      WHERE a.client_id = $1 AND a.status = 'attended' AND a.kind IN ('assessment', 'session', 'review')
      ORDER BY day`,
    [clientId],
  );
  return rows.rows.map((r) => r.day);
}
