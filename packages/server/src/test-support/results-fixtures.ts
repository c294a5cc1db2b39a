import { expect } from 'vitest';
import { addPerson, createPracticeFixture, sessionCookie, scopedQuery } from './fixtures.js';
import { addSession, carePair, DAY, type CarePair } from './frame-fixtures.js';
import { CSRF, type TestApp } from './test-app.js';

/**
 * Arranging results tests: answers that add up to a chosen total (item 9 of the PHQ-9 always "Not at
 * all", so no safeguarding flag is raised), entered through the real route, and episodes with
 * attended sessions that started and ended when a test needs them.
 */
export function answersFor(instrumentId: 'phq-9' | 'gad-7', total: number): Record<string, number> {
  const items = instrumentId === 'phq-9' ? 8 : 7;
  const answers: Record<string, number> = {};
  let left = total;
  for (let i = 1; i <= items; i += 1) {
    const v = Math.min(3, left);
    answers[String(i)] = v;
    left -= v;
  }
  if (left > 0) throw new Error(`a total of ${total} needs item 9`);
  if (instrumentId === 'phq-9') answers['9'] = 0;
  return answers;
}

export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

export async function enter(
  t: TestApp,
  pair: CarePair,
  instrumentId: 'phq-9' | 'gad-7',
  total: number,
  completedOn: string,
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/measures/clients/${pair.client.userId}/responses`,
    headers: { cookie: pair.therapistCookie, ...CSRF },
    payload: { instrumentId, completedOn, answers: answersFor(instrumentId, total) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ result: { id: string } }>().result.id;
}

/** An episode of the pair created `ageDays` ago, with `attended` treatment sessions in the past. */
export async function episodeWithSessions(
  t: TestApp,
  practiceId: string,
  pair: CarePair,
  ageDays: number,
  attended: number,
) {
  await scopedQuery(
    t.ctx,
    practiceId,
    `UPDATE episodes SET created_at = now() - make_interval(days => $2) WHERE id = $1`,
    [pair.episodeId, ageDays],
  );
  for (let i = 0; i < attended; i += 1) {
    await addSession(t, practiceId, pair, new Date(Date.now() - (ageDays - 1 - i * 7) * DAY), { status: 'attended' });
  }
}

/** Ends the pair's episode `daysAgoEnded` days ago. */
export async function endEpisode(t: TestApp, practiceId: string, pair: CarePair, daysAgoEnded: number) {
  await scopedQuery(
    t.ctx,
    practiceId,
    `UPDATE episodes SET status = 'ended', ended_at = now() - make_interval(days => $2) WHERE id = $1`,
    [pair.episodeId, daysAgoEnded],
  );
}

export interface Scores {
  phq9: number | null;
  gad7: number | null;
}

/**
 * A client of `therapist`'s practice whose episode had `sessions` attended treatment sessions and
 * these scores (the first 10 days after it started, then 14 days apart); ended `endedDaysAgo` ago unless null.
 */
export async function clientWithScores(
  t: TestApp,
  practiceId: string,
  scores: readonly Scores[],
  options: {
    sessions?: number;
    endedDaysAgo?: number | null;
    startedDaysAgo?: number;
    therapist?: CarePair['therapist'];
  } = {},
): Promise<CarePair> {
  const pair = await carePair(t, practiceId, options.therapist ? { therapist: options.therapist } : {});
  const started = options.startedDaysAgo ?? 70;
  await episodeWithSessions(t, practiceId, pair, started, options.sessions ?? 4);
  for (const [i, s] of scores.entries()) {
    const day = daysAgo(started - 10 - i * 14);
    if (s.phq9 !== null) await enter(t, pair, 'phq-9', s.phq9, day);
    if (s.gad7 !== null) await enter(t, pair, 'gad-7', s.gad7, day);
  }
  if (options.endedDaysAgo !== null) await endEpisode(t, practiceId, pair, options.endedDaysAgo ?? 2);
  return pair;
}

export async function practiceWithAdmin(t: TestApp) {
  const practiceId = await createPracticeFixture(t.ctx, 'Outcomes Practice');
  const admin = await addPerson(t.ctx, practiceId, ['admin']);
  const therapist = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Ada Field' });
  return { practiceId, admin, adminCookie: await sessionCookie(t.ctx, admin), therapist };
}
