import type { Scoped } from '../../access/access-layer.js';
import type { WorkingWindow } from '../public-site/availability.js';
import { freeSlots } from './free-slots.js';

/** How far ahead a first consultation may be asked for. */
export const SLOT_DAYS = 21;

/**
 * A therapist's free first-consultation times now: their frame settings, minus every appointment
 * holding their time, every other person's consultation request still waiting for an answer (a
 * held request keeps its slot until the therapist answers), and the days of their breaks, practice
 * closures and bank holidays (accepting would refuse such a time, as every booking does).
 */
export async function therapistFreeSlots(tx: Scoped, therapistId: string, exceptIntakeId?: string): Promise<Date[]> {
  const settings = await tx.query<{
    time_zone: string;
    working_hours: WorkingWindow[];
    session_minutes: number;
    min_gap_minutes: number;
  }>(
    'SELECT time_zone, working_hours, session_minutes, min_gap_minutes FROM therapist_settings WHERE therapist_id = $1',
    [therapistId],
  );
  const own = settings.rows[0];
  if (!own) return [];
  const busy = await tx.query<{ starts_at: Date; ends_at: Date }>(
    `SELECT starts_at, ends_at FROM appointments
      WHERE therapist_id = $1 AND status IN ('scheduled', 'attended', 'did_not_attend')
        AND ends_at > now() AND starts_at < now() + make_interval(days => $2)
     UNION ALL
     SELECT requested_start, requested_start + make_interval(mins => $3) FROM intakes
      WHERE requested_therapist_id = $1 AND status = 'requested' AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [therapistId, SLOT_DAYS + 1, own.session_minutes, exceptIntakeId ?? null],
  );
  const breaks = await tx.query<{ starts_on: string; ends_on: string }>(
    `SELECT starts_on::text, ends_on::text FROM breaks
      WHERE (therapist_id = $1 OR therapist_id IS NULL) AND ends_on >= current_date
        AND starts_on <= current_date + $2::int`,
    [therapistId, SLOT_DAYS + 1],
  );
  return freeSlots({
    zone: own.time_zone,
    workingHours: own.working_hours,
    sessionMinutes: own.session_minutes,
    minGapMinutes: own.min_gap_minutes,
    busy: busy.rows.map((row) => ({ startsAt: row.starts_at, endsAt: row.ends_at })),
    breaks: breaks.rows.map((row) => ({ startsOn: row.starts_on, endsOn: row.ends_on })),
    now: new Date(),
    days: SLOT_DAYS,
  });
}
