import type { Scoped } from '../access/access-layer.js';

/**
 * Questionnaires in the demo practice: Priya's episode with Dr Ruth Mensah schedules a PHQ-9 and a
 * GAD-7 before every session (the background job makes their requests 48 hours ahead of each), and
 * one request is open now — a GAD-7 Ruth sent her, open for 7 days, its reminder already sent. Runs
 * after the frame. Idempotent: a practice with schedules is left alone.
 */
export interface DemoQuestionnairesSummary {
  schedules: number;
  requests: number;
}

export async function seedDemoQuestionnaires(
  tx: Scoped,
  userIds: Record<string, string>,
): Promise<DemoQuestionnairesSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM questionnaire_schedules');
  if ((existing.rows[0]?.n ?? 0) > 0) return { schedules: existing.rows[0]?.n ?? 0, requests: 0 };
  const ruth = userIds['ruth.mensah'];
  const priya = userIds['priya.nair'];
  if (!ruth || !priya) throw new Error('the demo has no Ruth Mensah or Priya Nair');
  const episode = await tx.query<{ id: string }>(
    `SELECT id FROM episodes WHERE client_id = $1 AND therapist_id = $2 AND status <> 'ended'
      ORDER BY created_at DESC LIMIT 1`,
    [priya, ruth],
  );
  const episodeId = episode.rows[0]?.id;
  if (!episodeId) return { schedules: 0, requests: 0 };
  for (const instrumentId of ['phq-9', 'gad-7']) {
    await tx.query(
      `INSERT INTO questionnaire_schedules (practice_id, episode_id, client_id, instrument_id, timing, created_by)
       VALUES (app_practice_id(), $1, $2, $3, 'every_session', $4)`,
      [episodeId, priya, instrumentId, ruth],
    );
  }
  await tx.query(
    `INSERT INTO questionnaire_requests (practice_id, client_id, episode_id, instrument_id, opens_at, expires_at,
                                        created_by, reminder_sent_at)
     VALUES (app_practice_id(), $1, $2, 'gad-7', now() - interval '1 hour', now() + interval '7 days', $3,
             now() - interval '1 hour')`,
    [priya, episodeId, ruth],
  );
  return { schedules: 2, requests: 1 };
}
