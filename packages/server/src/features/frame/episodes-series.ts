import type { Scoped } from '../../access/access-layer.js';
import type { WeeklySlot } from '../../frame/frame-types.js';
import { slotRrule } from '../../frame/recurrence.js';
import { addDays, localToUtc } from '../../frame/zoned-time.js';

/**
 * Starting and stopping an episode's recurring series, and clearing the sessions a change of frame
 * takes away. A series is never deleted: it is ended (ends_on, ended_at), so its history stays.
 */

/** One series per weekly slot, from `startsOn`, not yet materialised. */
export async function startSeries(
  tx: Scoped,
  episodeId: string,
  slots: WeeklySlot[],
  timeZone: string,
  startsOn: string,
  endsOn: string | null,
): Promise<string[]> {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO session_series (practice_id, episode_id, rrule, weekday, local_time, time_zone, starts_on, ends_on,
            materialised_until)
     SELECT app_practice_id(), $1, u.rrule, u.weekday, u.local_time, $2, $3::date, $4::date, $3::date - 1
       FROM unnest($5::text[], $6::int[], $7::text[]) WITH ORDINALITY AS u(rrule, weekday, local_time, n)
      ORDER BY u.n
     RETURNING id`,
    [
      episodeId,
      timeZone,
      startsOn,
      endsOn,
      slots.map((slot) => slotRrule(slot, endsOn ? { until: endsOn, timeZone } : {})),
      slots.map((slot) => slot.weekday),
      slots.map((slot) => slot.time),
    ],
  );
  return result.rows.map((r) => r.id);
}

/**
 * Ends the episode's open series after `lastDay` (their rule gains that UNTIL). With `closing`, the
 * series are closed for good (ended_at): nothing more is ever materialised from them. Without it
 * (an ending date) they keep materialising up to their new end.
 */
export async function endSeries(tx: Scoped, episodeId: string, lastDay: string, closing: boolean): Promise<number> {
  const open = await tx.query<{
    id: string;
    weekday: number;
    local_time: string;
    time_zone: string;
    ends_on: string | null;
  }>(
    `SELECT id, weekday, local_time, time_zone, ends_on::text FROM session_series WHERE episode_id = $1 AND ended_at IS NULL`,
    [episodeId],
  );
  for (const series of open.rows) {
    const endsOn = closing && series.ends_on && series.ends_on < lastDay ? series.ends_on : lastDay;
    await tx.query(
      `UPDATE session_series SET ends_on = $2::date, rrule = $3,
              ended_at = CASE WHEN $4::boolean THEN now() ELSE NULL END
        WHERE id = $1`,
      [
        series.id,
        endsOn,
        slotRrule(
          { weekday: series.weekday as WeeklySlot['weekday'], time: series.local_time },
          { until: endsOn, timeZone: series.time_zone },
        ),
        closing,
      ],
    );
  }
  return open.rowCount ?? 0;
}

/**
 * The first instant a change "from this date" may touch: the start of that day in the episode's
 * zone, but never before now (a session already under way or past is kept for attendance marking).
 */
export function changeFrom(date: string, timeZone: string, now: Date): Date {
  const start = localToUtc(date, '00:00', timeZone);
  return start.getTime() > now.getTime() ? start : now;
}

/** The instant the day after `date` begins in the zone (the end of `date`). */
export function endOfDay(date: string, timeZone: string): Date {
  return localToUtc(addDays(date, 1), '00:00', timeZone);
}

/** Deletes the episode's scheduled appointments starting at or after `from`; how many. */
export async function deleteScheduledFrom(tx: Scoped, episodeId: string, from: Date): Promise<number> {
  const result = await tx.query(
    `DELETE FROM appointments WHERE episode_id = $1 AND status = 'scheduled' AND starts_at >= $2`,
    [episodeId, from],
  );
  return result.rowCount ?? 0;
}
