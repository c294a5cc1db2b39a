import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function patch(cookie: string, id: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: `/api/people/${id}`, headers: { cookie, ...CSRF }, payload });
}

async function liveSessions(practiceId: string, userId: string): Promise<number> {
  const rows = await scopedQuery<{ n: number }>(
    t.ctx,
    practiceId,
    'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
    [userId],
  );
  return rows[0]?.n ?? 0;
}

describe('GET /api/people', () => {
  it('shows an admin everyone, with roles, status and MFA, and filters by role and status', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `INSERT INTO mfa_totp (practice_id, user_id, secret_enc, confirmed_at) VALUES ($1, $2, 'x', now())`,
      [p.practiceId, p.people.therapist.userId],
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
    expect(res.statusCode).toBe(200);
    const people = res.json() as { id: string; roles: string[]; mfaEnabled: boolean; status: string }[];
    expect(people).toHaveLength(4);
    expect(people.find((x) => x.id === p.people.therapist.userId)).toMatchObject({
      roles: ['therapist'],
      mfaEnabled: true,
      status: 'active',
      lastSignInAt: null,
    });
    const clients = await t.app.inject({
      method: 'GET',
      url: '/api/people?role=client&status=active',
      headers: { cookie: p.cookies.admin },
    });
    expect(clients.json().map((x: { id: string }) => x.id)).toEqual([p.people.client.userId]);
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.filter((e) => e.action === 'people.listed').map((e) => e.details.listed)).toEqual([4, 1]);
  });

  it('shows a therapist only their own current clients', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const other = await addPerson(t.ctx, p.practiceId, ['client']);
    const ended = await addPerson(t.ctx, p.practiceId, ['client']);
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `INSERT INTO care_assignments (practice_id, therapist_id, client_id, ended_at)
       VALUES ($1, $2, $3, NULL), ($1, $2, $4, now())`,
      [p.practiceId, p.people.therapist.userId, p.people.client.userId, ended.userId],
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.therapist } });
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((x: { id: string }) => x.id);
    expect(ids).toEqual([p.people.client.userId]);
    expect(ids).not.toContain(other.userId);
  });

  it('refuses supervisors and clients, and never shows another practice', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const q = await practiceWithEveryRole(t.ctx);
    for (const cookie of [p.cookies.supervisor, p.cookies.client]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie } })).statusCode).toBe(403);
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: q.cookies.admin } });
    const ids = res.json().map((x: { id: string }) => x.id);
    expect(ids).not.toContain(p.people.admin.userId);
    expect((await patch(q.cookies.admin, p.people.client.userId, { status: 'disabled' })).statusCode).toBe(404);
  });
});

describe('PATCH /api/people/:id', () => {
  it('changes roles and revokes every session of that person', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await sessionCookie(t.ctx, p.people.therapist);
    expect(await liveSessions(p.practiceId, p.people.therapist.userId)).toBe(2);
    const res = await patch(p.cookies.admin, p.people.therapist.userId, {
      roles: ['supervisor', 'therapist', 'therapist'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: p.people.therapist.userId, roles: ['supervisor', 'therapist'] });
    expect(await liveSessions(p.practiceId, p.people.therapist.userId)).toBe(0);
    const after = await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.therapist } });
    expect(after.statusCode).toBe(401);

    const event = (await auditEventsOf(t.ctx, p.practiceId)).find((e) => e.action === 'account.roles_changed');
    expect(event).toMatchObject({
      outcome: 'success',
      subject_user_id: p.people.therapist.userId,
      actor_user_id: p.people.admin.userId,
      details: { added: 'supervisor', removed: '', sessionsRevoked: 2 },
    });
  });

  it('switches an account off and on, revoking its sessions', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const off = await patch(p.cookies.admin, p.people.client.userId, { status: 'disabled' });
    expect(off.json()).toMatchObject({ status: 'disabled' });
    expect(await liveSessions(p.practiceId, p.people.client.userId)).toBe(0);
    const on = await patch(p.cookies.admin, p.people.client.userId, { status: 'active' });
    expect(on.json()).toMatchObject({ status: 'active' });
    const actions = (await auditEventsOf(t.ctx, p.practiceId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.disabled', 'account.enabled']));
  });

  it('switching an account off ends its pending password-reset links for good', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const client = p.people.client;
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: CSRF,
      payload: { practiceId: p.practiceId, email: client.email },
    });
    expect(requested.statusCode).toBe(202);
    const pending = `SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1 AND used_at IS NULL`;
    expect((await scopedQuery<{ n: number }>(t.ctx, p.practiceId, pending, [client.userId]))[0]?.n).toBe(1);
    await patch(p.cookies.admin, client.userId, { status: 'disabled' });
    await patch(p.cookies.admin, client.userId, { status: 'active' });
    expect((await scopedQuery<{ n: number }>(t.ctx, p.practiceId, pending, [client.userId]))[0]?.n).toBe(0);
    const disabled = (await auditEventsOf(t.ctx, p.practiceId)).find((e) => e.action === 'account.disabled');
    expect(disabled?.details).toMatchObject({ resetLinksEnded: 1 });
  });

  it('a change that changes nothing revokes nothing', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const res = await patch(p.cookies.admin, p.people.client.userId, { roles: ['client'], status: 'active' });
    expect(res.statusCode).toBe(200);
    expect(await liveSessions(p.practiceId, p.people.client.userId)).toBe(1);
  });

  it('keeps at least one active admin (409), but lets an admin step down when another remains', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const self = p.people.admin.userId;
    const demote = await patch(p.cookies.admin, self, { roles: ['therapist'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ error: 'last_admin' });
    expect(demote.json().message).toMatch(/You are the practice’s only active administrator/);
    const disable = await patch(p.cookies.admin, self, { status: 'disabled' });
    expect(disable.statusCode).toBe(409);
    expect(await liveSessions(p.practiceId, self)).toBe(1); // nothing happened

    // A second admin who is switched off does not count.
    const second = await addPerson(t.ctx, p.practiceId, ['admin']);
    await scopedQuery(t.ctx, p.practiceId, `UPDATE users SET status = 'disabled' WHERE id = $1`, [second.userId]);
    expect((await patch(p.cookies.admin, self, { roles: ['therapist'] })).statusCode).toBe(409);

    await patch(p.cookies.admin, second.userId, { status: 'active' });
    const stepDown = await patch(p.cookies.admin, self, { roles: ['therapist', 'admin'] });
    expect(stepDown.statusCode).toBe(200);
    const secondCookie = await sessionCookie(t.ctx, second);
    const res = await patch(secondCookie, self, { roles: ['therapist'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['therapist']);
  });

  it('is for admins only, and answers bad input with a 4xx', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    expect((await patch(p.cookies.therapist, p.people.client.userId, { status: 'disabled' })).statusCode).toBe(403);
    expect((await patch(p.cookies.admin, p.people.client.userId, {})).statusCode).toBe(400);
    expect((await patch(p.cookies.admin, p.people.client.userId, { roles: [] })).statusCode).toBe(400);
    expect((await patch(p.cookies.admin, p.people.client.userId, { roles: ['owner'] })).statusCode).toBe(400);
    expect((await patch(p.cookies.admin, p.people.client.userId, { status: 'gone' })).statusCode).toBe(400);
    expect((await patch(p.cookies.admin, 'nope', { status: 'active' })).statusCode).toBe(400);
    const missing = await patch(p.cookies.admin, crypto.randomUUID(), { status: 'active' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('There is no such person in this practice.');
  });
});
