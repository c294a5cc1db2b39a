import crypto from 'node:crypto';
import { builtinInstrument, score, type Answers } from '@undercurrent/clinical';
import type { Scoped } from '../access/access-layer.js';
import { addDays, localToUtc, todayIn } from '../frame/zoned-time.js';
import { answersContext, scoreContext } from '../features/measures/response-record.js';

/**
 * Results for the practice outcome report and the therapists' charts, on top of Priya's improving
 * PHQ-9 and GAD-7 (demo-measures.ts), all entered from paper:
 *
 * - Aled (Tom), whose six months ended four weeks ago: PHQ-9 17 → 5, GAD-7 14 → 4 about monthly —
 *   recovered, reliably (a case at the start, not at the end, both fell reliably).
 * - Hannah (Tom): an earlier course of ten weekly sessions, ended about a year and a half ago, in
 *   which she reliably deteriorated (PHQ-9 11 → 18, GAD-7 9 → 13).
 * - Daniel (Ruth): an earlier course of eight sessions, ended about a year ago, with incomplete pairs
 *   (a GAD-7 only at the start, so no first-and-last pair).
 *
 * The earlier courses are ended episodes with their attended sessions (kind session), long before
 * the frame's current ones. Every answer scored with @undercurrent/clinical as the route scores
 * them, encrypted under the routes' contexts; PHQ-9 item 9 always "Not at all". Runs after the
 * measures. Idempotent: a practice where Aled already has results is left alone.
 */
const ZONE = 'Europe/London';

export interface DemoResultsSummary {
  results: number;
  episodes: number;
}

type Totals = readonly (readonly [phq9: number, gad7: number | null])[];

/** Answers adding up to `total`, item by item (at most 3 each), item 9 of the PHQ-9 left at 0. */
function answersFor(items: number, total: number, phq9: boolean): Answers {
  const answers: Record<string, number> = {};
  let left = total;
  for (let i = 1; i <= items; i += 1) {
    const v = Math.min(3, left);
    answers[String(i)] = v;
    left -= v;
  }
  if (phq9) {
    answers['9'] = 0;
    answers['difficulty'] = total >= 10 ? 2 : 1;
  }
  return answers;
}

async function insertResult(
  tx: Scoped,
  clientId: string,
  therapistId: string,
  instrumentId: 'phq-9' | 'gad-7',
  total: number,
  session: { id: string; day: string; ends_at: Date },
): Promise<void> {
  const def = builtinInstrument(instrumentId);
  if (!def) throw new Error(`the demo has no ${instrumentId}`);
  const answers = answersFor(instrumentId === 'phq-9' ? 8 : 7, total, instrumentId === 'phq-9');
  const result = score(def, answers);
  if (!result.ok || result.total !== total) throw new Error(`the demo ${def.name} answers do not add up to ${total}`);
  const id = crypto.randomUUID();
  await tx.query(
    `INSERT INTO measure_responses (id, practice_id, client_id, instrument_id, completed_on, appointment_id,
                                    entered_by, entered_at, answers_enc, score_enc)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      clientId,
      instrumentId,
      session.day,
      session.id,
      therapistId,
      new Date(session.ends_at.getTime() + 60 * 60_000),
      await tx.encrypt('clinical', answersContext(id), JSON.stringify(answers)),
      await tx.encrypt('clinical', scoreContext(id), JSON.stringify(result)),
    ],
  );
}

/** Enters the totals at sessions spread evenly from the first to the last. */
async function enterAtSessions(
  tx: Scoped,
  clientId: string,
  therapistId: string,
  sessions: readonly { id: string; day: string; ends_at: Date }[],
  totals: Totals,
): Promise<number> {
  let n = 0;
  for (const [i, [phq9, gad7]] of totals.entries()) {
    const session = sessions[Math.round((i * (sessions.length - 1)) / Math.max(1, totals.length - 1))];
    if (!session) continue;
    await insertResult(tx, clientId, therapistId, 'phq-9', phq9, session);
    n += 1;
    if (gad7 !== null) {
      await insertResult(tx, clientId, therapistId, 'gad-7', gad7, session);
      n += 1;
    }
  }
  return n;
}

async function attendedSessions(tx: Scoped, episodeId: string) {
  const rows = await tx.query<{ id: string; day: string; ends_at: Date }>(
    `SELECT id, to_char((starts_at AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS day, ends_at
       FROM appointments WHERE episode_id = $1 AND status = 'attended' AND kind IN ('session', 'review')
      ORDER BY starts_at`,
    [episodeId],
  );
  return rows.rows;
}

/** An earlier, ended course: `weeks` weekly sessions at 11:00 from `startDate`, every one attended. */
async function earlierCourse(
  tx: Scoped,
  therapistId: string,
  clientId: string,
  startDate: string,
  weeks: number,
): Promise<string> {
  const lastDay = addDays(startDate, 7 * (weeks - 1));
  const episode = await tx.query<{ id: string }>(
    `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, session_count, slots, time_zone,
                           fee_pence, session_minutes, start_date, ending_date, agreed_at, ended_at, created_at,
                           created_by)
     VALUES (app_practice_id(), $1, $2, 'ended', 'brief', $3, '[]'::jsonb, $4, 6500, 50, $5, $6, $7, $8, $9, $1)
     RETURNING id`,
    [
      therapistId,
      clientId,
      weeks,
      ZONE,
      startDate,
      lastDay,
      localToUtc(addDays(startDate, -7), '12:00', ZONE),
      localToUtc(lastDay, '12:30', ZONE),
      localToUtc(addDays(startDate, -14), '12:00', ZONE),
    ],
  );
  const episodeId = episode.rows[0]?.id as string;
  for (let w = 0; w < weeks; w += 1) {
    const day = addDays(startDate, 7 * w);
    const startsAt = localToUtc(day, '11:00', ZONE);
    await tx.query(
      `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at, local_start,
                                 time_zone, fee_pence, status, marked_at, marked_by)
       VALUES (app_practice_id(), $1, $2, $3, 'session', $4, $5, $6, $7, 6500, 'attended', $5, $2)`,
      [episodeId, therapistId, clientId, startsAt, new Date(startsAt.getTime() + 50 * 60_000), `${day}T11:00`, ZONE],
    );
  }
  return episodeId;
}

export async function seedDemoResults(tx: Scoped, userIds: Record<string, string>): Promise<DemoResultsSummary> {
  const tom = userIds['tom.adeyemi'];
  const ruth = userIds['ruth.mensah'];
  const aled = userIds['aled.morgan'];
  const hannah = userIds['hannah.kowalski'];
  const daniel = userIds['daniel.okoro'];
  if (!tom || !ruth || !aled || !hannah || !daniel) throw new Error('the demo is missing a therapist or client');
  const existing = await tx.query('SELECT 1 FROM measure_responses WHERE client_id = $1 LIMIT 1', [aled]);
  if ((existing.rowCount ?? 0) > 0) return { results: 0, episodes: 0 };
  let results = 0;

  const aledEpisode = await tx.query<{ id: string }>(
    `SELECT id FROM episodes WHERE client_id = $1 AND status = 'ended' ORDER BY ended_at DESC LIMIT 1`,
    [aled],
  );
  const aledId = aledEpisode.rows[0]?.id;
  if (aledId) {
    results += await enterAtSessions(tx, aled, tom, await attendedSessions(tx, aledId), [
      [17, 14],
      [13, 11],
      [10, 9],
      [8, 7],
      [6, 5],
      [5, 4],
    ]);
  }

  const today = todayIn(ZONE);
  const hannahEarlier = await earlierCourse(tx, tom, hannah, addDays(today, -7 * 80), 10);
  results += await enterAtSessions(tx, hannah, tom, await attendedSessions(tx, hannahEarlier), [
    [11, 9],
    [14, 11],
    [18, 13],
  ]);
  const danielEarlier = await earlierCourse(tx, ruth, daniel, addDays(today, -7 * 60), 8);
  results += await enterAtSessions(tx, daniel, ruth, await attendedSessions(tx, danielEarlier), [
    [15, 10],
    [12, null],
    [9, null],
  ]);
  return { results, episodes: 2 };
}
