import {
  GAD7_TALKING_THERAPIES,
  PHQ9_TALKING_THERAPIES,
  talkingTherapiesOutcome,
  type TalkingTherapiesOutcome,
  type TalkingTherapiesTimePoint,
} from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { openResponses, type ResponseRow } from '../measures/response-record.js';
import type { EpisodeSummaryT } from './results-schemas.js';

/**
 * The NHS Talking Therapies outcome of one treatment episode (CLINICAL-REFERENCE.md §3), worked out
 * with @undercurrent/clinical from what the database holds:
 *
 * - time points: the days on which the client completed a PHQ-9 or GAD-7 from the episode's
 *   creation (its assessment) to the day it ended (or today), one per day, the later entry of the
 *   day winning; a result with no valid score counts as not measured;
 * - treatment sessions attended: the episode's sessions and reviews marked attended (the
 *   assessment and consultations are not treatment).
 *
 * The first and last PAIRED time points (both measures present) are compared by the clinical
 * package; this file adds nothing to its rules.
 */
export interface EpisodeRow {
  id: string;
  client_id: string;
  status: string;
  started_on: string | null;
  ended_on: string | null;
  created_on: string;
}

export const EPISODE_COLUMNS = `e.id, e.client_id, e.status,
  to_char(e.start_date, 'YYYY-MM-DD') AS started_on,
  to_char((e.ended_at AT TIME ZONE e.time_zone)::date, 'YYYY-MM-DD') AS ended_on,
  to_char((e.created_at AT TIME ZONE e.time_zone)::date, 'YYYY-MM-DD') AS created_on`;

const MEASURE_KEYS: Record<string, string> = { 'phq-9': PHQ9_TALKING_THERAPIES.id, 'gad-7': GAD7_TALKING_THERAPIES.id };

export interface EpisodeOutcome {
  outcome: TalkingTherapiesOutcome;
  days: string[];
  treatmentSessionsAttended: number;
}

export async function episodeOutcome(tx: Scoped, episode: EpisodeRow): Promise<EpisodeOutcome> {
  const rows = await tx.query<ResponseRow>(
    `SELECT r.id, r.client_id, r.instrument_id, r.definition_id,
            to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on, r.appointment_id, r.entered_by,
            '' AS entered_by_name, r.entered_at, r.answers_enc, r.score_enc
       FROM measure_responses r
      WHERE r.client_id = $1 AND r.instrument_id IN ('phq-9', 'gad-7')
        AND r.completed_on >= $2::date AND ($3::date IS NULL OR r.completed_on <= $3::date)
      ORDER BY r.completed_on, r.entered_at`,
    [episode.client_id, episode.created_on, episode.ended_on],
  );
  const byDay = new Map<string, Record<string, number | null>>();
  for (const r of await openResponses(tx, rows.rows)) {
    const key = MEASURE_KEYS[r.row.instrument_id];
    if (!key) continue;
    const point = byDay.get(r.row.completed_on) ?? {};
    point[key] = r.score.total;
    byDay.set(r.row.completed_on, point);
  }
  const days = [...byDay.keys()];
  const measurements: TalkingTherapiesTimePoint[] = days.map((d) => byDay.get(d) ?? {});
  const sessions = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointments
      WHERE episode_id = $1 AND kind IN ('session', 'review') AND status = 'attended'`,
    [episode.id],
  );
  const treatmentSessionsAttended = sessions.rows[0]?.n ?? 0;
  return {
    outcome: talkingTherapiesOutcome({ measurements, treatmentSessionsAttended }),
    days,
    treatmentSessionsAttended,
  };
}

/** The one word for an episode's outcome that the summary leads with (deterioration is named first). */
export function outcomeCategory(o: TalkingTherapiesOutcome): string {
  if (!o.finishedCourse) return 'not-finished';
  if (!o.paired) return 'not-paired';
  if (o.reliableDeterioration) return 'reliable-deterioration';
  if (o.reliableRecovery) return 'reliable-recovery';
  if (o.recovery) return 'recovery';
  if (o.reliableImprovement) return 'reliable-improvement';
  if (o.casenessFirst === false) return 'not-a-case-at-start';
  return 'no-reliable-change';
}

export function toSummary(episode: EpisodeRow, found: EpisodeOutcome): EpisodeSummaryT {
  const { outcome: o, days } = found;
  return {
    episodeId: episode.id,
    status: episode.status,
    startedOn: episode.started_on,
    endedOn: episode.ended_on,
    treatmentSessionsAttended: found.treatmentSessionsAttended,
    finishedCourse: o.finishedCourse,
    paired: o.paired,
    firstPairedOn: o.first ? (days[o.first.index] ?? null) : null,
    lastPairedOn: o.last ? (days[o.last.index] ?? null) : null,
    casenessFirst: o.casenessFirst,
    casenessLast: o.casenessLast,
    changes: o.changes.map((c) => ({ ...c })),
    recovery: o.recovery,
    reliableImprovement: o.reliableImprovement,
    reliableDeterioration: o.reliableDeterioration,
    reliableRecovery: o.reliableRecovery,
    category: outcomeCategory(o),
  };
}
