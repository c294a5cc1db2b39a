import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  ownerQuery,
  sessionCookie,
  signInThroughApi,
  type PersonFixture,
} from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Sessions end after a period without requests (staff sooner than clients) and, whatever the
 * activity, at an absolute deadline set at sign-in. Time is moved by rewriting the session's
 * timestamps as the database owner (row-level security is forced, so even the owner scopes itself
 * to the practice).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ staffIdleMinutes: 20, clientIdleMinutes: 45, sessionAbsoluteHours: 3 });
});
afterAll(async () => t.close());

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

async function sessionOf(person: PersonFixture) {
  const cookie = await sessionCookie(t.ctx, person);
  const id = (await me(cookie)).json().session.id as string;
  return { cookie, id };
}

async function setIdleFor(person: PersonFixture, sessionId: string, minutes: number) {
  await ownerQuery(
    t.ctx,
    person.practiceId,
    `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE id = $1`,
    [sessionId, minutes],
  );
}

async function revokedReason(person: PersonFixture, sessionId: string) {
  const [row] = await ownerQuery<{ revoked_reason: string | null }>(
    t.ctx,
    person.practiceId,
    'SELECT revoked_reason FROM sessions WHERE id = $1',
    [sessionId],
  );
  return row?.revoked_reason ?? null;
}

describe('session timeouts', () => {
  it('a staff session ends after the staff idle time; the expiry is audited', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const { cookie, id } = await sessionOf(therapist);
    await setIdleFor(therapist, id, 21);
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('session_expired');
    expect(res.json().message).toMatch(/idle/);
    expect(await revokedReason(therapist, id)).toBe('idle_timeout');
    const expired = (await auditEventsOf(t.ctx, practiceId)).find((e) => e.action === 'session.expired');
    expect(expired).toMatchObject({
      subject_id: id,
      subject_user_id: therapist.userId,
      details: { reason: 'idle_timeout' },
    });
    // It stays ended when activity resumes (and is then reported as ended, not expired).
    await setIdleFor(therapist, id, 0);
    const again = await me(cookie);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('session_revoked');
  });

  it('activity within the idle time keeps a session alive and moves its idle deadline on', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const { cookie, id } = await sessionOf(therapist);
    await setIdleFor(therapist, id, 19);
    expect((await me(cookie)).statusCode).toBe(200);
    const [row] = await ownerQuery<{ idle_seconds: number }>(
      t.ctx,
      practiceId,
      'SELECT extract(epoch FROM now() - last_seen_at)::int AS idle_seconds FROM sessions WHERE id = $1',
      [id],
    );
    expect(row?.idle_seconds).toBeLessThan(5);
  });

  it('clients have the longer client idle time', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const { cookie, id } = await sessionOf(client);
    expect((await me(cookie)).json().session.idleMinutes).toBe(45);
    await setIdleFor(client, id, 30);
    expect((await me(cookie)).statusCode).toBe(200);
    await setIdleFor(client, id, 46);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await revokedReason(client, id)).toBe('idle_timeout');
  });

  it('someone who is both client and staff gets the staff idle time', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const both = await addPerson(t.ctx, practiceId, ['client', 'supervisor']);
    const { cookie } = await sessionOf(both);
    expect((await me(cookie)).json().session.idleMinutes).toBe(20);
  });

  it('any session ends at its absolute deadline, however active', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const { res, cookie } = await signInThroughApi(t.app, client);
    const session = (await me(cookie ?? '')).json().session;
    const lifetimeHours = (new Date(session.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(lifetimeHours).toBeGreaterThan(2.9);
    expect(lifetimeHours).toBeLessThanOrEqual(3);
    // The cookie itself expires at the same moment.
    expect(String(res.headers['set-cookie'])).toContain(`Expires=${new Date(session.expiresAt).toUTCString()}`);

    await ownerQuery(
      t.ctx,
      practiceId,
      `UPDATE sessions SET absolute_expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = $1`,
      [session.id],
    );
    expect((await me(cookie ?? '')).statusCode).toBe(401);
    expect(await revokedReason(client, session.id)).toBe('expired');
  });

  it('ended sessions are not listed among my sessions', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const stale = await sessionOf(client);
    const current = await sessionOf(client);
    await setIdleFor(client, stale.id, 50);
    const list = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: current.cookie } });
    expect(list.json().map((s: { id: string }) => s.id)).toEqual([current.id]);
  });
});
