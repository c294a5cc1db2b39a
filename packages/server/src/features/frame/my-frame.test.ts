import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../frame/zoned-time.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { addSession, carePair, chargesWorld, HOUR, ZONE } from '../../test-support/frame-fixtures.js';

/** The client's own frame: their data only, read with an audit entry in their name. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const day = (n: number) => addDays(todayIn(ZONE), n);

function me(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/frame/me', headers: { cookie } });
}

describe('GET /api/frame/me', () => {
  it('shows the client their sessions, the breaks that affect them, their absences and ledger — nobody else’s', async () => {
    const w = await chargesWorld(t);
    const colleague = await carePair(t, w.practiceId);
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `UPDATE episodes SET closing_summary_enc = 'not-for-the-client' WHERE id = $1`,
      [w.pair.episodeId],
    );
    const past = [];
    for (let i = 1; i <= 12; i++) {
      past.push(await addSession(t, w.practiceId, w.pair, new Date(Date.now() - i * 24 * HOUR)));
    }
    const next = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 3 * 24 * HOUR));
    const cancelled = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 10 * 24 * HOUR), {
      status: 'cancelled_therapist',
    });
    await addSession(t, w.practiceId, colleague, new Date(Date.now() + 3 * 24 * HOUR));
    const post = (cookie: string, url: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF }, payload });
    await post(w.pair.therapistCookie, '/api/frame/breaks', {
      title: 'Mine',
      startsOn: day(30),
      endsOn: day(31),
      scope: 'own',
    });
    await post(colleague.therapistCookie, '/api/frame/breaks', {
      title: 'Theirs',
      startsOn: day(30),
      endsOn: day(31),
      scope: 'own',
    });
    await post(w.adminCookie, '/api/frame/breaks', {
      title: 'Closed',
      startsOn: day(40),
      endsOn: day(40),
      scope: 'practice',
    });
    await post(w.pair.clientCookie, '/api/frame/me/absences', {
      startsOn: day(50),
      endsOn: day(52),
      note: 'Travelling',
    });
    await post(w.pair.therapistCookie, `/api/frame/clients/${w.pair.client.userId}/ledger`, {
      amountPence: 1200,
      description: 'Letter',
    });

    const res = await me(w.pair.clientCookie);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBeNull();
    expect(body.therapistTimeZone).toBe(ZONE);
    expect(body.episodes).toHaveLength(1);
    expect(body.episodes[0]).toMatchObject({ id: w.pair.episodeId, clientId: w.pair.client.userId });
    expect(body.episodes[0]).not.toHaveProperty('closingSummary');
    expect(body.upcoming.map((a: { id: string }) => a.id)).toEqual([next, cancelled]);
    expect(body.recent.map((a: { id: string }) => a.id)).toEqual(past.slice(0, 10));
    expect(body.breaks.map((b: { title: string }) => b.title)).toEqual(['Mine', 'Closed']);
    expect(body.absences).toEqual([
      expect.objectContaining({ startsOn: day(50), endsOn: day(52), note: 'Travelling' }),
    ]);
    expect(body.ledger).toMatchObject({ balancePence: 1200, currency: 'GBP' });
    expect(JSON.stringify(body)).not.toContain(colleague.client.userId);

    const viewed = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'frame.portal_viewed');
    expect(viewed).toEqual([
      expect.objectContaining({ actor_user_id: w.pair.client.userId, subject_user_id: w.pair.client.userId }),
    ]);
    expect((await me(w.pair.therapistCookie)).statusCode).toBe(403);
  });

  it('the client chooses the zone they read their sessions in', async () => {
    const w = await chargesWorld(t);
    const put = (timeZone: string | null) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/frame/me/time-zone',
        headers: { cookie: w.pair.clientCookie, ...CSRF },
        payload: { timeZone },
      });
    expect((await put('America/New_York')).json()).toEqual({ timeZone: 'America/New_York' });
    expect((await me(w.pair.clientCookie)).json().timeZone).toBe('America/New_York');
    const bad = await put('Mars/Olympus_Mons');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/is not a time zone/);
    expect((await put(null)).json()).toEqual({ timeZone: null });
    const changed = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'frame.time_zone_changed');
    expect(changed).toHaveLength(2);
    expect(changed[0]?.subject_user_id).toBe(w.pair.client.userId);
  });
});
