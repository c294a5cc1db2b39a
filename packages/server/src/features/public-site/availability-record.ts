import type { Scoped } from '../../access/access-layer.js';
import { describeAvailability, type WorkingWindow } from './availability.js';
import type { Availability } from './public-site-schemas.js';

/**
 * Reads what the availability of each of the given therapists is worked out from: their frame
 * settings (working hours, session length, gap) and their open weekly session series (episodes not
 * ended, series not ended). Two queries whatever the number of therapists.
 */
export async function loadAvailability(tx: Scoped, therapistIds: string[]): Promise<Map<string, Availability>> {
  const settings = await tx.query<{
    therapist_id: string;
    working_hours: WorkingWindow[];
    session_minutes: number;
    min_gap_minutes: number;
  }>(
    `SELECT therapist_id, working_hours, session_minutes, min_gap_minutes FROM therapist_settings
      WHERE therapist_id = ANY($1::uuid[])`,
    [therapistIds],
  );
  const series = await tx.query<{ therapist_id: string; weekday: number; local_time: string }>(
    `SELECT e.therapist_id, s.weekday, s.local_time
       FROM session_series s JOIN episodes e ON e.practice_id = s.practice_id AND e.id = s.episode_id
      WHERE e.therapist_id = ANY($1::uuid[]) AND e.status <> 'ended' AND s.ended_at IS NULL
        AND (s.ends_on IS NULL OR s.ends_on >= current_date)`,
    [therapistIds],
  );
  const result = new Map<string, Availability>();
  for (const id of therapistIds) {
    const own = settings.rows.find((row) => row.therapist_id === id);
    result.set(
      id,
      describeAvailability({
        workingHours: own?.working_hours ?? [],
        sessionMinutes: own?.session_minutes ?? 50,
        minGapMinutes: own?.min_gap_minutes ?? 10,
        booked: series.rows
          .filter((row) => row.therapist_id === id)
          .map((row) => ({ weekday: row.weekday, localTime: row.local_time })),
      }),
    );
  }
  return result;
}
