import type { Scoped } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { resolveInstrument } from '../features/measures/instrument-catalogue.js';
import { queueQuestionnaireReminder } from '../features/questionnaires/questionnaire-email.js';
import {
  dueOccurrences,
  OPENS_BEFORE_SESSION_MS,
  type NumberedSession,
  type Timing,
} from '../features/questionnaires/schedule-occurrences.js';
import type { Job } from './runner.js';

/**
 * Questionnaire requests from schedules. Every minute, for each practice under a try-lock (several
 * app nodes share the work without doubling it), in one transaction: requests past their expiry are
 * marked expired (and audited); then for each schedule not stopped, of an episode not ended (or ended,
 * for the ending and follow-up ones), each occurrence open now gets its request — once, the
 * (schedule, occurrence) pair is unique — and its one reminder e-mail through the outbox.
 */
interface ScheduleForJob {
  id: string;
  client_id: string;
  episode_id: string;
  instrument_id: string;
  timing: Timing;
  every_n: number | null;
  months_after: number | null;
  review_every: number | null;
  ending_date: string | null;
  time_zone: string;
}

export async function makeDueRequests(
  tx: Scoped,
  options: { publicUrl: string; smtpConfigured: boolean; now?: Date },
): Promise<{ made: number; expired: number }> {
  const practiceId = tx.actor.practiceId;
  const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
    `undercurrent-questionnaires:${practiceId}`,
  ]);
  if (!lock.rows[0]?.locked) return { made: 0, expired: 0 };
  const now = options.now ?? new Date();
  const expired = await tx.query<{ id: string; client_id: string }>(
    `UPDATE questionnaire_requests SET status = 'expired' WHERE status = 'open' AND expires_at <= $1
     RETURNING id, client_id`,
    [now],
  );
  for (const row of expired.rows) {
    tx.audit({
      action: 'questionnaires.request_expired',
      subjectType: 'questionnaire_request',
      subjectId: row.id,
      subjectUserId: row.client_id,
    });
  }
  const schedules = await tx.query<ScheduleForJob>(
    `SELECT s.id, s.client_id, s.episode_id, s.instrument_id, s.timing, s.every_n, s.months_after,
            e.review_every, to_char(e.ending_date, 'YYYY-MM-DD') AS ending_date,
            e.time_zone
       FROM questionnaire_schedules s JOIN episodes e ON e.id = s.episode_id
       JOIN users c ON c.id = s.client_id AND c.status = 'active'
      WHERE s.stopped_at IS NULL
        AND (e.status NOT IN ('ended') OR s.timing IN ('ending', 'follow_up'))`,
  );
  let made = 0;
  for (const schedule of schedules.rows) {
    const sessions = await tx.query<{ id: string; starts_at: Date; kind: 'session' | 'review'; number: string }>(
      `SELECT id, starts_at, kind, number FROM (
         SELECT id, starts_at, kind, row_number() OVER (ORDER BY starts_at) AS number
           FROM appointments
          WHERE episode_id = $1 AND kind IN ('session', 'review')
            AND status NOT IN ('cancelled_client', 'cancelled_therapist', 'moved')) numbered
        WHERE starts_at > $2 AND starts_at <= $2::timestamptz + make_interval(secs => $3)`,
      [schedule.episode_id, now, OPENS_BEFORE_SESSION_MS / 1000],
    );
    const numbered: NumberedSession[] = sessions.rows.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      kind: s.kind,
      number: Number(s.number),
    }));
    const due = dueOccurrences(
      { timing: schedule.timing, everyN: schedule.every_n, monthsAfter: schedule.months_after },
      { reviewEvery: schedule.review_every, endingDate: schedule.ending_date, timeZone: schedule.time_zone },
      numbered,
      now,
    );
    if (due.length === 0) continue;
    const instrument = await resolveInstrument(tx, schedule.instrument_id);
    if (!instrument) continue; // The practice retired the instrument: nothing to send until it is replaced.
    for (const occurrence of due) {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO questionnaire_requests (practice_id, client_id, episode_id, schedule_id, occurrence_key,
                                            instrument_id, definition_id, appointment_id, opens_at, expires_at)
         VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (schedule_id, occurrence_key) DO NOTHING RETURNING id`,
        [
          schedule.client_id,
          schedule.episode_id,
          schedule.id,
          occurrence.key,
          schedule.instrument_id,
          instrument.row?.id ?? null,
          occurrence.appointmentId,
          occurrence.opensAt,
          occurrence.expiresAt,
        ],
      );
      const id = inserted.rows[0]?.id;
      if (!id) continue;
      made += 1;
      tx.audit({
        action: 'questionnaires.request_made',
        subjectType: 'questionnaire_request',
        subjectId: id,
        subjectUserId: schedule.client_id,
        details: { scheduleId: schedule.id, instrumentId: schedule.instrument_id },
      });
      await queueQuestionnaireReminder(tx, id, options);
    }
  }
  return { made, expired: expired.rows.length };
}

/** One pass over every practice; the number of requests made. */
export async function makeAllDueRequests(ctx: AppContext, now?: Date): Promise<number> {
  let made = 0;
  const options = {
    publicUrl: ctx.config.publicUrl,
    smtpConfigured: ctx.config.smtpUrl !== undefined,
    ...(now ? { now } : {}),
  };
  for (const practice of await ctx.access.listPractices()) {
    const result = await ctx.access.run(systemActor(practice.id), (tx) => makeDueRequests(tx, options));
    made += result.made;
  }
  return made;
}

export function questionnaireRequestsJob(ctx: AppContext): Job {
  return {
    name: 'questionnaire-requests',
    intervalMs: 60_000,
    async run() {
      await makeAllDueRequests(ctx);
    },
  };
}
