import { PHQ9 } from '@undercurrent/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { makeDueRequests } from '../../jobs/make-questionnaire-requests.js';
import { auditEventsOf, createPracticeFixture, scopedQuery } from '../../test-support/fixtures.js';
import { addSession, carePair, HOUR, outboxMessages, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { addDays, localToUtc } from '../../frame/zoned-time.js';

/**
 * Questionnaires end to end on the server with the real database: requests made by the job ahead of
 * a session (once, with one reminder naming nothing clinical), expiry, "send now", and completion in
 * the portal — saved as the client goes, resumed, scored through insertResponse on submit.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

async function world(): Promise<{ practiceId: string; pair: CarePair }> {
  const practiceId = await createPracticeFixture(t.ctx, 'Questionnaire Practice');
  return { practiceId, pair: await carePair(t, practiceId) };
}

const jobOptions = (now: Date) => ({ publicUrl: 'https://portal.example', smtpConfigured: false, now });
const runJob = (practiceId: string, now: Date) =>
  t.ctx.access.run(systemActor(practiceId), (tx) => makeDueRequests(tx, jobOptions(now)));

/** Words that would tell a reader of the inbox something clinical. */
const CLINICAL_WORDS = /phq|gad|pcl|depress|anxi|trauma|mood|score|suicid|harm|patient health|symptom|severity/i;

describe('requests from a schedule', () => {
  it('makes one request per session when it opens, with one reminder naming nothing clinical, then expires it', async () => {
    const { practiceId, pair } = await world();
    const added = await send('POST', `/api/questionnaires/episodes/${pair.episodeId}/schedules`, pair.therapistCookie, {
      instrumentId: 'phq-9',
      timing: 'every_session',
    });
    expect(added.statusCode).toBe(200);
    const now = new Date(Date.now() + 24 * HOUR);
    const sessionAt = new Date(now.getTime() + 30 * HOUR);
    const appointmentId = await addSession(t, practiceId, pair, sessionAt);
    await addSession(t, practiceId, pair, new Date(now.getTime() + 7 * 24 * HOUR)); // not open yet

    expect(await runJob(practiceId, now)).toEqual({ made: 1, expired: 0 });
    expect(await runJob(practiceId, new Date(now.getTime() + HOUR))).toEqual({ made: 0, expired: 0 });
    const requests = await scopedQuery<{ appointment_id: string; opens_at: Date; expires_at: Date }>(
      t.ctx,
      practiceId,
      'SELECT appointment_id, opens_at, expires_at FROM questionnaire_requests',
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.appointment_id).toBe(appointmentId);
    expect(requests[0]?.expires_at).toEqual(sessionAt);
    expect(requests[0]?.opens_at).toEqual(new Date(sessionAt.getTime() - 48 * HOUR));

    const mail = await outboxMessages(t, practiceId, 'questionnaire_reminder');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toBe(pair.client.email);
    expect(mail[0]?.text).toContain('a short questionnaire to complete before your session on');
    expect(mail[0]?.text).toContain('https://portal.example/questionnaires/');
    expect(`${mail[0]?.subject}\n${mail[0]?.text}`).not.toMatch(CLINICAL_WORDS);

    expect(await runJob(practiceId, new Date(sessionAt.getTime() + 1))).toEqual({ made: 0, expired: 1 });
    const events = await auditEventsOf(t.ctx, practiceId);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'questionnaires.schedule_added',
        'questionnaires.request_made',
        'questionnaires.reminder_queued',
        'questionnaires.request_expired',
      ]),
    );
  });

  it('asks at ending and at follow-up of an ended episode, and not for a stopped schedule', async () => {
    const { practiceId, pair } = await world();
    const endingDate = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
    await scopedQuery(t.ctx, practiceId, 'UPDATE episodes SET ending_date = $2, status = $3 WHERE id = $1', [
      pair.episodeId,
      endingDate,
      'ending',
    ]);
    const ending = await send(
      'POST',
      `/api/questionnaires/episodes/${pair.episodeId}/schedules`,
      pair.therapistCookie,
      {
        instrumentId: 'gad-7',
        timing: 'ending',
      },
    );
    const follow = await send(
      'POST',
      `/api/questionnaires/episodes/${pair.episodeId}/schedules`,
      pair.therapistCookie,
      {
        instrumentId: 'phq-9',
        timing: 'follow_up',
        monthsAfter: 3,
      },
    );
    expect([ending.statusCode, follow.statusCode]).toEqual([200, 200]);
    expect(await runJob(practiceId, new Date())).toEqual({ made: 1, expired: 0 });
    await scopedQuery(t.ctx, practiceId, `UPDATE episodes SET status = 'ended', ended_at = now() WHERE id = $1`, [
      pair.episodeId,
    ]);
    const followUpDay = new Date(`${endingDate}T12:00:00Z`);
    followUpDay.setUTCMonth(followUpDay.getUTCMonth() + 3);
    expect((await runJob(practiceId, followUpDay)).made).toBe(1);
    const stop = await send(
      'DELETE',
      `/api/questionnaires/schedules/${follow.json().schedule.id}`,
      pair.therapistCookie,
    );
    expect(stop.statusCode).toBe(200);
    const listed = await send('GET', `/api/questionnaires/clients/${pair.client.userId}`, pair.therapistCookie);
    expect(listed.json().schedules.map((s: { timing: string }) => s.timing)).toEqual(['ending']);
    expect(listed.json().requests).toHaveLength(2);
  });

  it('opens the ending questionnaire at midnight in the episode’s time zone (Auckland), not UTC', async () => {
    const { practiceId, pair } = await world();
    const zone = 'Pacific/Auckland';
    const endingDate = addDays(new Date().toISOString().slice(0, 10), 40);
    await scopedQuery(
      t.ctx,
      practiceId,
      'UPDATE episodes SET ending_date = $2, status = $3, time_zone = $4 WHERE id = $1',
      [pair.episodeId, endingDate, 'ending', zone],
    );
    const added = await send('POST', `/api/questionnaires/episodes/${pair.episodeId}/schedules`, pair.therapistCookie, {
      instrumentId: 'gad-7',
      timing: 'ending',
    });
    expect(added.statusCode).toBe(200);
    const opens = localToUtc(addDays(endingDate, -7), '00:00', zone);
    // 23:30 the evening before, in Auckland: not yet.
    expect((await runJob(practiceId, new Date(opens.getTime() - 0.5 * HOUR))).made).toBe(0);
    // 00:30 in Auckland — the previous day in UTC: asked now.
    expect((await runJob(practiceId, new Date(opens.getTime() + 0.5 * HOUR))).made).toBe(1);
    const rows = await scopedQuery<{ opens_at: Date; expires_at: Date }>(
      t.ctx,
      practiceId,
      'SELECT opens_at, expires_at FROM questionnaire_requests WHERE episode_id = $1',
      [pair.episodeId],
    );
    expect(rows).toEqual([{ opens_at: opens, expires_at: localToUtc(addDays(endingDate, 1), '00:00', zone) }]);
  });

  it('refuses bad schedules with messages', async () => {
    const { pair } = await world();
    const url = `/api/questionnaires/episodes/${pair.episodeId}/schedules`;
    const cases: [object, RegExp][] = [
      [{ instrumentId: 'phq-9', timing: 'every_n_sessions' }, /from 2 to 52/],
      [{ instrumentId: 'phq-9', timing: 'every_n_sessions', everyN: 1 }, /from 2 to 52/],
      [{ instrumentId: 'phq-9', timing: 'follow_up', monthsAfter: 30 }, /from 1 to 24/],
      [{ instrumentId: 'no-such', timing: 'ending' }, /no such questionnaire/],
      [{ instrumentId: 'phq-9', timing: 'weekly' }, /timing/],
    ];
    for (const [body, message] of cases) {
      const res = await send('POST', url, pair.therapistCookie, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect(
      (await send('POST', url, pair.therapistCookie, { instrumentId: 'gad-7', timing: 'ending' })).statusCode,
    ).toBe(200);
    const twice = await send('POST', url, pair.therapistCookie, { instrumentId: 'gad-7', timing: 'ending' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/already scheduled/);
  });
});

describe('completing a questionnaire in the portal', () => {
  it('sends now, shows the exact wording, saves as the client goes, resumes, and submits through insertResponse', async () => {
    const { practiceId, pair } = await world();
    const sent = await send(
      'POST',
      `/api/questionnaires/clients/${pair.client.userId}/requests`,
      pair.therapistCookie,
      {
        instrumentId: 'phq-9',
      },
    );
    expect(sent.statusCode).toBe(200);
    const id = sent.json().request.id as string;
    const again = await send(
      'POST',
      `/api/questionnaires/clients/${pair.client.userId}/requests`,
      pair.therapistCookie,
      {
        instrumentId: 'phq-9',
      },
    );
    expect(again.statusCode).toBe(409);
    expect(await outboxMessages(t, practiceId, 'questionnaire_reminder')).toHaveLength(1);

    const mine = await send('GET', '/api/questionnaires/mine', pair.clientCookie);
    expect(mine.json().questionnaires).toEqual([
      expect.objectContaining({ id, name: 'PHQ-9', itemCount: 10, answeredCount: 0 }),
    ]);
    const opened = (await send('GET', `/api/questionnaires/mine/${id}`, pair.clientCookie)).json().questionnaire;
    expect(opened.stem).toBe(PHQ9.stem);
    expect(opened.copyright).toBe(PHQ9.licence.copyright);
    expect(opened.items.map((i: { text: string }) => i.text)).toEqual(PHQ9.items.map((i) => i.text));
    expect(opened.items[0].options.map((o: { label: string }) => o.label)).toEqual(
      PHQ9.answerOptions?.map((o) => o.label),
    );

    const save = (linkId: string, value: unknown, revision: number | null) =>
      send('PUT', `/api/questionnaires/mine/${id}/answers/${linkId}`, pair.clientCookie, { value, revision });
    expect((await save('1', 2, null)).json().answer).toEqual({ linkId: '1', value: 2, revision: 1 });
    expect((await save('1', 2, null)).json().answer.revision).toBe(1); // a retry is harmless
    const stale = await save('1', 3, null);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/another device/);
    expect((await save('1', 3, 1)).json().answer.revision).toBe(2);
    const offMenu = await save('2', 7, null);
    expect(offMenu.statusCode).toBe(400);
    expect(offMenu.json().message).toMatch(/not one of the choices/);
    expect((await save('2', 'not-applicable', null)).statusCode).toBe(400);
    expect((await save('99', 1, null)).statusCode).toBe(404);

    // Closing the tab and coming back (or another device): the answers are there.
    const resumed = (await send('GET', `/api/questionnaires/mine/${id}`, pair.clientCookie)).json().questionnaire;
    expect(resumed.answers).toEqual([{ linkId: '1', value: 3, revision: 2 }]);

    const early = await send('POST', `/api/questionnaires/mine/${id}/submit`, pair.clientCookie);
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/Question 2 has no answer yet/);

    for (const linkId of ['2', '3', '4', '5', '6', '7']) expect((await save(linkId, 1, null)).statusCode).toBe(200);
    expect((await save('8', 'declined', null)).statusCode).toBe(200);
    expect((await save('9', 1, null)).statusCode).toBe(200);
    expect((await save('difficulty', 1, null)).statusCode).toBe(200);
    const submitted = await send('POST', `/api/questionnaires/mine/${id}/submit`, pair.clientCookie);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toEqual({ submitted: true, showCrisisResources: true });
    expect(submitted.body).not.toMatch(/total|band|severe/i);

    const results = (
      await send('GET', `/api/measures/clients/${pair.client.userId}/responses`, pair.therapistCookie)
    ).json().results;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      source: 'portal',
      total: 11,
      prorated: true,
      enteredBy: { id: pair.client.userId },
    });
    const listed = (
      await send('GET', `/api/questionnaires/clients/${pair.client.userId}`, pair.therapistCookie)
    ).json();
    expect(listed.requests[0]).toMatchObject({ id, status: 'completed', responseId: results[0].id });

    const after = await send('GET', `/api/questionnaires/mine/${id}`, pair.clientCookie);
    expect(after.statusCode).toBe(409);
    expect((await send('POST', `/api/questionnaires/mine/${id}/submit`, pair.clientCookie)).statusCode).toBe(409);
    expect((await send('GET', '/api/questionnaires/mine', pair.clientCookie)).json().questionnaires).toEqual([]);
    const drafts = await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM questionnaire_answers');
    expect(drafts).toHaveLength(0);
  });

  it('does not show crisis resources when item 9 is answered 0', async () => {
    const { pair } = await world();
    const sent = await send(
      'POST',
      `/api/questionnaires/clients/${pair.client.userId}/requests`,
      pair.therapistCookie,
      {
        instrumentId: 'phq-9',
      },
    );
    const id = sent.json().request.id as string;
    for (const item of PHQ9.items) {
      const res = await send('PUT', `/api/questionnaires/mine/${id}/answers/${item.linkId}`, pair.clientCookie, {
        value: 0,
        revision: null,
      });
      expect(res.statusCode).toBe(200);
    }
    const submitted = await send('POST', `/api/questionnaires/mine/${id}/submit`, pair.clientCookie);
    expect(submitted.json()).toEqual({ submitted: true, showCrisisResources: false });
  });

  it('refuses an expired questionnaire with a message, keeping what was saved', async () => {
    const { practiceId, pair } = await world();
    const sent = await send(
      'POST',
      `/api/questionnaires/clients/${pair.client.userId}/requests`,
      pair.therapistCookie,
      {
        instrumentId: 'gad-7',
      },
    );
    const id = sent.json().request.id as string;
    await send('PUT', `/api/questionnaires/mine/${id}/answers/1`, pair.clientCookie, { value: 1, revision: null });
    await runJob(practiceId, new Date(Date.now() + 8 * 24 * HOUR));
    for (const res of [
      await send('GET', `/api/questionnaires/mine/${id}`, pair.clientCookie),
      await send('PUT', `/api/questionnaires/mine/${id}/answers/2`, pair.clientCookie, { value: 1, revision: null }),
      await send('POST', `/api/questionnaires/mine/${id}/submit`, pair.clientCookie),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().message).toMatch(/has closed.*ask your therapist to send it again/);
    }
    const listed = (
      await send('GET', `/api/questionnaires/clients/${pair.client.userId}`, pair.therapistCookie)
    ).json();
    expect(listed.requests[0].status).toBe('expired');
    expect(await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM questionnaire_answers')).toHaveLength(1);
  });
});
