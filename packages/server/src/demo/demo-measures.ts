import crypto from 'node:crypto';
import { builtinInstrument, score, type Answers } from '@undercurrent/clinical';
import type { Scoped } from '../access/access-layer.js';
import { answersContext, scoreContext } from '../features/measures/response-record.js';

/**
 * Priya's questionnaires in the demo practice, completed on paper at her sessions and entered by Dr
 * Ruth Mensah: a PHQ-9 and a GAD-7 at her first session and then about every month, showing the
 * improvement of her first months (PHQ-9 18 → 7, GAD-7 15 → 5; item 9 always "Not at all"). Scored
 * with @undercurrent/clinical as the route scores them, answers and score encrypted under the
 * contexts the routes use. Runs after the frame. Idempotent: a practice with results is left alone.
 */
const PHQ9_ANSWERS: readonly number[][] = [
  [3, 3, 2, 2, 2, 3, 2, 1, 0],
  [2, 2, 2, 2, 1, 2, 2, 1, 0],
  [2, 2, 1, 2, 1, 1, 1, 1, 0],
  [1, 1, 1, 1, 1, 1, 1, 0, 0],
];
const PHQ9_DIFFICULTY = [2, 2, 1, 1];
const GAD7_ANSWERS: readonly number[][] = [
  [3, 2, 2, 2, 2, 2, 2],
  [2, 2, 2, 2, 1, 2, 1],
  [2, 1, 2, 1, 1, 1, 1],
  [1, 1, 1, 1, 0, 1, 0],
];

export interface DemoMeasuresSummary {
  results: number;
}

function answersOf(values: readonly number[], extra: Record<string, number> = {}): Answers {
  return { ...Object.fromEntries(values.map((v, i) => [String(i + 1), v])), ...extra };
}

export async function seedDemoMeasures(tx: Scoped, userIds: Record<string, string>): Promise<DemoMeasuresSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM measure_responses');
  if ((existing.rows[0]?.n ?? 0) > 0) return { results: existing.rows[0]?.n ?? 0 };
  const ruth = userIds['ruth.mensah'];
  const priya = userIds['priya.nair'];
  const phq9 = builtinInstrument('phq-9');
  const gad7 = builtinInstrument('gad-7');
  if (!ruth || !priya || !phq9 || !gad7) throw new Error('the demo has no Ruth Mensah, Priya Nair, PHQ-9 or GAD-7');
  const sessions = await tx.query<{ id: string; day: string; ends_at: Date }>(
    `SELECT a.id, to_char((a.starts_at AT TIME ZONE a.time_zone)::date, 'YYYY-MM-DD') AS day, a.ends_at
       FROM appointments a
      WHERE a.client_id = $1 AND a.therapist_id = $2 AND a.status = 'attended' AND a.ends_at <= now()
      ORDER BY a.starts_at`,
    [priya, ruth],
  );
  const attended = sessions.rows;
  if (attended.length === 0) return { results: 0 };
  // The first session, the newest, and two evenly between: about a month apart over her ten weeks.
  const picks = PHQ9_ANSWERS.map((_, i) => attended[Math.round((i * (attended.length - 1)) / 3)]);
  let results = 0;
  for (const [i, session] of picks.entries()) {
    if (!session) continue;
    const forms = [
      { def: phq9, answers: answersOf(PHQ9_ANSWERS[i] ?? [], { difficulty: PHQ9_DIFFICULTY[i] ?? 0 }) },
      { def: gad7, answers: answersOf(GAD7_ANSWERS[i] ?? []) },
    ];
    for (const form of forms) {
      const result = score(form.def, form.answers);
      if (!result.ok) throw new Error(`the demo ${form.def.name} answers do not score`);
      const id = crypto.randomUUID();
      await tx.query(
        `INSERT INTO measure_responses (id, practice_id, client_id, instrument_id, completed_on, appointment_id,
                                        entered_by, entered_at, answers_enc, score_enc)
         VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          priya,
          form.def.id,
          session.day,
          session.id,
          ruth,
          new Date(session.ends_at.getTime() + 60 * 60_000),
          await tx.encrypt('clinical', answersContext(id), JSON.stringify(form.answers)),
          await tx.encrypt('clinical', scoreContext(id), JSON.stringify(result)),
        ],
      );
      results += 1;
    }
  }
  return { results };
}
