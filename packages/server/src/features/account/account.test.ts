import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
  sessionCookieFrom,
  signInThroughApi,
} from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { systemActor } from '../../access/actor.js';
import { outboxBodyContext } from '../../mail/enqueue-email.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('GET /api/me', () => {
  it('describes me, my practice, my session and my factors', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Rowan House');
    const therapist = await addPerson(t.ctx, practiceId, ['therapist', 'supervisor'], { displayName: 'Dr Ada Rowe' });
    const res = await get('/api/me', await sessionCookie(t.ctx, therapist));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: therapist.userId,
        email: therapist.email,
        displayName: 'Dr Ada Rowe',
        roles: ['supervisor', 'therapist'],
      },
      practice: { id: practiceId, name: 'Rowan House', isDemo: false },
      session: { id: expect.any(String), stage: 'active', expiresAt: expect.any(String), idleMinutes: 30 },
      mfa: { totp: false, passkeys: 0, recoveryCodesLeft: 0, required: true },
      demoMode: false,
    });
  });

  it('answers in every session stage, and 401 without a session', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    for (const stage of ['mfa_required', 'mfa_enrolment', 'active'] as const) {
      const res = await get('/api/me', await sessionCookie(t.ctx, admin, stage));
      expect(res.json().session.stage).toBe(stage);
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthenticated');
  });
});

describe('POST /api/me/password', () => {
  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { ...CSRF, cookie },
      payload: { currentPassword, newPassword },
    });

  it('changes the password, ends my other sessions and renews this one', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const other = await sessionCookie(t.ctx, client);
    const current = await sessionCookie(t.ctx, client);
    const res = await change(current, client.password, 'pelican harbour violet ninety 3');
    expect(res.statusCode).toBe(200);
    const fresh = sessionCookieFrom(t.ctx, res) ?? '';
    expect(fresh).not.toBe(current);
    expect((await get('/api/me', other)).statusCode).toBe(401);
    expect((await get('/api/me', current)).statusCode).toBe(401);
    expect((await get('/api/me', fresh)).statusCode).toBe(200);
    expect((await signInThroughApi(t.app, client)).res.statusCode).toBe(401);
    expect(
      (await signInThroughApi(t.app, { ...client, password: 'pelican harbour violet ninety 3' })).res.statusCode,
    ).toBe(200);
    const changed = (await auditEventsOf(t.ctx, practiceId)).find((e) => e.action === 'auth.password_changed');
    expect(changed).toMatchObject({ outcome: 'success', subject_user_id: client.userId });
  });

  it('ends any password-reset link still waiting: it was asked for before the password it would replace', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: CSRF,
      payload: { practiceId, email: client.email },
    });
    expect(asked.statusCode).toBe(202);
    const [mail] = await scopedQuery<{ id: string; body_enc: string }>(
      t.ctx,
      practiceId,
      `SELECT id, body_enc FROM outbox WHERE kind = 'password_reset'`,
    );
    const body = await t.ctx.access.run(systemActor(practiceId), (tx) =>
      tx.decrypt(outboxBodyContext(mail?.id ?? ''), mail?.body_enc ?? ''),
    );
    const token = /\/reset-password\/(\S+)/.exec(body)?.[1] ?? '';
    expect(token).not.toBe('');

    const cookie = await sessionCookie(t.ctx, client);
    expect((await change(cookie, client.password, 'pelican harbour violet ninety 3')).statusCode).toBe(200);

    const lookUp = await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${token}` });
    expect(lookUp.statusCode).toBe(404);
    const complete = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: CSRF,
      payload: { token, password: 'someone else chose this 88' },
    });
    expect(complete.statusCode).toBe(404);
    expect(
      (await signInThroughApi(t.app, { ...client, password: 'pelican harbour violet ninety 3' })).res.statusCode,
    ).toBe(200);
  });

  it('meeting an admin’s change to the same person, both finish without a deadlock (no 500)', async () => {
    const { people, cookies } = await practiceWithEveryRole(t.ctx);
    const client = people.client;
    // Hold the person's row so both requests queue at it: the admin's change first, then the password change.
    const gate = await t.ctx.pools.owner.connect();
    await gate.query('BEGIN');
    await gate.query(`SELECT set_config('app.practice_id', $1, true)`, [client.practiceId]);
    await gate.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [client.userId]);
    const waitingAt = async (n: number) => {
      for (let i = 0; i < 300; i++) {
        const r = await t.ctx.pools.owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'undercurrent-app' AND wait_event_type = 'Lock' AND query LIKE '%users%'`,
        );
        if ((r.rows[0]?.n ?? 0) >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const adminChange = t.app.inject({
      method: 'PATCH',
      url: `/api/people/${client.userId}`,
      headers: { ...CSRF, cookie: cookies.admin },
      payload: { roles: ['client', 'supervisor'] },
    });
    await waitingAt(1);
    const passwordChange = change(cookies.client, client.password, 'pelican harbour violet ninety 3');
    try {
      await waitingAt(2);
    } finally {
      await gate.query('COMMIT');
      gate.release();
    }
    const [admin, own] = await Promise.all([adminChange, passwordChange]);
    expect(admin.statusCode).toBe(200);
    // The admin's change ended the person's sessions, so the password change finds its session gone.
    expect([200, 401]).toContain(own.statusCode);
  });

  it('refuses a wrong current password, a weak new one and the same one again', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const cookie = await sessionCookie(t.ctx, client);
    const wrong = await change(cookie, 'not my password', 'pelican harbour violet ninety 3');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'wrong_password', fields: [{ field: 'currentPassword' }] });
    const weak = await change(cookie, client.password, 'qwerty12345');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: 'weak_password', fields: [{ field: 'newPassword' }] });
    const same = await change(cookie, client.password, client.password);
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toMatch(/different from your current one/);
    expect((await get('/api/me', cookie)).statusCode).toBe(200);
  });

  it('stops guessing the current password through a borrowed session', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const cookie = await sessionCookie(t.ctx, client);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await change(cookie, `guess number ${i}`, 'whatever it is 123')).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    // Even the right password waits for the window to pass.
    expect((await change(cookie, client.password, 'pelican harbour violet ninety 3')).statusCode).toBe(429);
  });
});

describe('my sessions', () => {
  it('lists my live sessions only, marks the current one, and ends one or all the others', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const someoneElse = await addPerson(t.ctx, practiceId, ['client']);
    await sessionCookie(t.ctx, someoneElse);
    const { cookie: phone } = await signInThroughApi(t.app, client);
    const laptop = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { ...CSRF, 'user-agent': 'Laptop browser' },
        payload: { practiceId, email: client.email, password: client.password },
      })
    ).cookies.find((c) => c.name === t.ctx.cookie.name);
    const laptopCookie = `${t.ctx.cookie.name}=${laptop?.value}`;
    const third = await sessionCookie(t.ctx, client);

    const list = await get('/api/me/sessions', laptopCookie);
    expect(list.statusCode).toBe(200);
    const sessions: { id: string; current: boolean; userAgent: string | null; ip: string | null }[] = list.json();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.find((s) => s.current)?.userAgent).toBe('Laptop browser');
    expect(sessions.find((s) => s.current)?.ip).toBe('127.0.0.1');

    const phoneId = (await get('/api/me', phone ?? '')).json().session.id;
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${phoneId}`,
      headers: { ...CSRF, cookie: laptopCookie },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await get('/api/me', phone ?? '')).statusCode).toBe(401);
    const twice = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${phoneId}`,
      headers: { ...CSRF, cookie: laptopCookie },
    });
    expect(twice.statusCode).toBe(404);

    const others = await t.app.inject({
      method: 'POST',
      url: '/api/me/sessions/revoke-others',
      headers: { ...CSRF, cookie: laptopCookie },
    });
    expect(others.json()).toEqual({ revoked: 1 });
    expect((await get('/api/me', third)).statusCode).toBe(401);
    expect((await get('/api/me/sessions', laptopCookie)).json()).toHaveLength(1);
    const revokedEvents = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'session.revoked');
    expect(revokedEvents.length).toBeGreaterThanOrEqual(2);
  });

  it('cannot end someone else’s session', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const me = await addPerson(t.ctx, practiceId, ['client']);
    const them = await addPerson(t.ctx, practiceId, ['client']);
    const theirs = await sessionCookie(t.ctx, them);
    const theirId = (await get('/api/me', theirs)).json().session.id;
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${theirId}`,
      headers: { ...CSRF, cookie: await sessionCookie(t.ctx, me) },
    });
    expect(res.statusCode).toBe(404);
    expect((await get('/api/me', theirs)).statusCode).toBe(200);
  });

  it('ending the current session signs me out', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const me = await addPerson(t.ctx, practiceId, ['client']);
    const cookie = await sessionCookie(t.ctx, me);
    const id = (await get('/api/me', cookie)).json().session.id;
    const res = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${id}`, headers: { ...CSRF, cookie } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await get('/api/me', cookie)).statusCode).toBe(401);
  });
});

describe('GET /api/me/record-access', () => {
  it('shows who opened or changed my record, with names, and records that I looked', async () => {
    const { practiceId, people, cookies } = await practiceWithEveryRole(t.ctx, 'Record Practice');
    // Something the admin did to the client's record, recorded by the access layer.
    await t.ctx.access.run({ practiceId, userId: people.admin.userId, roles: ['admin'] }, async (tx) =>
      tx.audit({
        action: 'account.roles_changed',
        subjectType: 'user',
        subjectId: people.client.userId,
        subjectUserId: people.client.userId,
      }),
    );
    await signInThroughApi(t.app, { ...people.client, password: 'a wrong password here' });

    const res = await get('/api/me/record-access', cookies.client);
    expect(res.statusCode).toBe(200);
    const entries: { actorName: string; actorRole: string | null; action: string; outcome: string }[] = res.json();
    expect(entries[0]).toMatchObject({
      action: 'auth.sign_in',
      outcome: 'failure',
      actorName: 'Someone not signed in',
    });
    expect(entries[1]).toMatchObject({ action: 'account.roles_changed', actorName: 'Test admin', actorRole: 'admin' });

    const again = (await get('/api/me/record-access', cookies.client)).json();
    expect(again[0]).toMatchObject({ action: 'record.access_log_viewed', actorName: 'Test client' });
    // Nobody else's events are in my list (the count includes the record of this second look, written after it).
    const mine = await scopedQuery<{ n: number }>(
      t.ctx,
      practiceId,
      'SELECT count(*)::int AS n FROM audit_events WHERE subject_user_id = $1',
      [people.client.userId],
    );
    expect(again).toHaveLength((mine[0]?.n ?? 0) - 1);
  });

  it('is not available before the second factor', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const res = await get('/api/me/record-access', await sessionCookie(t.ctx, admin, 'mfa_enrolment'));
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('session_mfa_enrolment');
  });
});
