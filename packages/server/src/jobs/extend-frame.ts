import type { AccessLayer } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { lockFrame } from '../features/frame/clash.js';
import { HORIZON_DAYS, materialiseEpisode } from '../features/frame/materialise.js';
import type { Job } from './runner.js';

/**
 * Keeps every open-ended frame materialised a rolling 26 weeks ahead: once an hour, per practice (in
 * one transaction under a try-lock, so app nodes share the work without doubling it), each episode
 * whose open series stop short of the horizon is extended. A clash with something booked meanwhile
 * cannot ask anyone, so that one session is left out and counted in the audit event.
 */
export interface ExtendResult {
  practices: number;
  episodes: number;
  created: number;
  skippedForClash: number;
}

/**
 * Extends one practice's frames as of `now`; undefined when another node holds the practice or
 * nothing was due.
 */
export async function extendPractice(
  access: AccessLayer,
  practice: { id: string; timeZone: string },
  now: Date = new Date(),
): Promise<Omit<ExtendResult, 'practices'> | undefined> {
  return access.run(systemActor(practice.id), async (tx) => {
    const locked = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [
      `undercurrent-extend-frame:${practice.id}`,
    ]);
    if (!locked.rows[0]?.ok) return undefined;
    // Episodes with an open series short of the horizon (and of its own end), leaving out brief
    // episodes whose sessions are all offered. The horizon is counted in the practice's zone here;
    // each episode is then materialised to its own zone's horizon.
    const due = await tx.query<{ id: string; therapist_id: string; location_id: string | null }>(
      `SELECT e.id, e.therapist_id, e.location_id FROM episodes e
        WHERE e.status IN ('active', 'ending')
          AND EXISTS (SELECT 1 FROM session_series s
                       WHERE s.episode_id = e.id AND s.ended_at IS NULL
                         AND s.materialised_until < least((($2::timestamptz AT TIME ZONE $1) :: date) + $3::int,
                                                          s.ends_on, coalesce(e.ending_date, e.planned_end_date)))
          AND (e.kind <> 'brief' OR e.session_count > (
                SELECT count(*) FROM appointments a WHERE a.episode_id = e.id AND a.kind = 'session'
                   AND a.status NOT IN ('cancelled_therapist', 'moved')))
        ORDER BY e.therapist_id, e.id`,
      [practice.timeZone, now, HORIZON_DAYS],
    );
    if (due.rows.length === 0) return undefined;
    // Every lock this transaction will need, up front and in the global order.
    await lockFrame(tx, {
      therapistIds: [...new Set(due.rows.map((r) => r.therapist_id))],
      roomIds: [...new Set(due.rows.flatMap((r) => (r.location_id ? [r.location_id] : [])))],
    });
    let created = 0;
    let skippedForClash = 0;
    for (const episode of due.rows) {
      const done = await materialiseEpisode(tx, episode.id, undefined, { now, onClash: 'skip' });
      created += done.created;
      skippedForClash += done.skippedForClash;
    }
    tx.audit({
      action: 'frame.series_extended',
      subjectType: 'practice',
      subjectId: practice.id,
      details: { episodes: due.rows.length, appointmentsCreated: created, skippedForClash },
    });
    return { episodes: due.rows.length, created, skippedForClash };
  });
}

export async function extendAllPractices(access: AccessLayer, now: Date = new Date()): Promise<ExtendResult> {
  const total: ExtendResult = { practices: 0, episodes: 0, created: 0, skippedForClash: 0 };
  for (const practice of await access.listPractices()) {
    const result = await extendPractice(access, practice, now);
    if (result) {
      total.practices += 1;
      total.episodes += result.episodes;
      total.created += result.created;
      total.skippedForClash += result.skippedForClash;
    }
  }
  return total;
}

export function extendFrameJob(ctx: AppContext): Job {
  return {
    name: 'extend-frame',
    intervalMs: 60 * 60 * 1000,
    async run() {
      await extendAllPractices(ctx.access);
    },
  };
}
