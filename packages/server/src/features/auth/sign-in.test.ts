import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addTotpFactor,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  signInThroughApi,
} from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ signInMaxFailures: 3, signInLockMinutes: 15 });
});
afterAll(async () => t.close());

describe('POST /api/auth/sign-in', () => {
  it('signs a client without MFA straight in, with an HttpOnly SameSite=Strict cookie', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const { res, cookie } = await signInThroughApi(t.app, client);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'active', mfaMethods: [] });
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(client.email);
  });

  it('accepts the e-mail address in any case and with spaces around it', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: CSRF,
      payload: { practiceId, email: client.email.toUpperCase(), password: client.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('sends staff without a second factor to enrolment, and staff with one to the second step', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const newcomer = await addPerson(t.ctx, practiceId, ['therapist']);
    expect((await signInThroughApi(t.app, newcomer)).res.json()).toEqual({ stage: 'mfa_enrolment', mfaMethods: [] });

    const enrolled = await addPerson(t.ctx, practiceId, ['admin']);
    await addTotpFactor(t.ctx, enrolled);
    const second = await signInThroughApi(t.app, enrolled);
    expect(second.res.json()).toEqual({ stage: 'mfa_required', mfaMethods: ['totp'] });
  });

  it('audits success with the person, and failure for an unknown address without any subject', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    await signInThroughApi(t.app, client);
    await signInThroughApi(t.app, client, { password: 'not the password at all' });
    await signInThroughApi(t.app, { ...client, email: 'nobody@example.org' });
    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'auth.sign_in');
    expect(events.map((e) => [e.outcome, e.subject_user_id, e.details.reason ?? null])).toEqual([
      ['success', client.userId, null],
      ['failure', client.userId, 'wrong_password'],
      ['failure', null, 'unknown_email'],
    ]);
    expect(events[0]?.actor_user_id).toBe(client.userId);
  });

  it('locks an account after the configured number of wrong passwords, even against the right one', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    for (let i = 0; i < 3; i++) {
      const { res } = await signInThroughApi(t.app, client, { password: `wrong password ${i}` });
      expect(res.statusCode).toBe(401);
    }
    const [user] = await scopedQuery<{ locked: boolean }>(
      t.ctx,
      practiceId,
      'SELECT locked_until > now() AS locked FROM users WHERE id = $1',
      [client.userId],
    );
    expect(user?.locked).toBe(true);
    // The per-address limit is reached too: further attempts are refused before the password is checked.
    const after = await signInThroughApi(t.app, client);
    expect(after.res.statusCode).toBe(429);
    expect(after.res.headers['retry-after']).toMatch(/^\d+$/);
    expect(after.res.json().message).toMatch(/too many sign-in attempts/);
    const actions = (await auditEventsOf(t.ctx, practiceId)).map((e) => e.action);
    expect(actions).toContain('auth.sign_in_locked');
  });

  it('a successful sign-in resets the count of failures', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    for (let round = 0; round < 3; round++) {
      await signInThroughApi(t.app, client, { password: 'wrong password here' });
      await signInThroughApi(t.app, client, { password: 'another wrong one' });
      expect((await signInThroughApi(t.app, client)).res.statusCode).toBe(200);
    }
  });

  it('limits attempts from one IP across many addresses, shared through the database', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    // 3 failures per address × 20 = the per-IP limit (60); spread over addresses so none is limited alone.
    for (let i = 0; i < 31; i++) {
      for (let k = 0; k < 2; k++) {
        const { res } = await signInThroughApi(
          t.app,
          { practiceId, email: `guess-${i}@example.org`, password: 'password guess' },
          { ip },
        );
        statuses.push(res.statusCode);
      }
    }
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    // Another IP is unaffected.
    const other = await signInThroughApi(
      t.app,
      { practiceId, email: 'guess-x@example.org', password: 'password guess' },
      { ip: '198.51.100.9' },
    );
    expect(other.res.statusCode).toBe(401);
  });

  it('refuses an unknown practice with the same 401, and malformed input with a 400 naming the field', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: CSRF,
      payload: { practiceId: '00000000-0000-4000-8000-000000000000', email: 'a@example.org', password: 'whatever' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toBe('invalid_credentials');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: CSRF,
      payload: { practiceId: 'nope', email: 'a@example.org', password: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/practiceId/);
  });
});

describe('POST /api/auth/sign-out', () => {
  it('ends the session, clears the cookie and audits it; works without a session too', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const { cookie } = await signInThroughApi(t.app, client);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { ...CSRF, cookie: cookie ?? '' },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    expect(String(out.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });
    expect(me.statusCode).toBe(401);
    expect((await auditEventsOf(t.ctx, practiceId)).map((e) => e.action)).toContain('auth.sign_out');

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: CSRF });
    expect(anonymous.statusCode).toBe(200);
  });
});

describe('POST /api/auth/password-strength', () => {
  it('explains why a password would be refused, and accepts a strong one', async () => {
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-strength',
      headers: CSRF,
      payload: { password: 'password123' },
    });
    expect(weak.statusCode).toBe(200);
    expect(weak.json()).toMatchObject({ acceptable: false });
    expect(weak.json().problem).toMatch(/commonly used|too easy/);

    const personal = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-strength',
      headers: CSRF,
      payload: {
        password: 'margaretthornbury',
        email: 'margaret@thornbury.example',
        displayName: 'Margaret Thornbury',
      },
    });
    expect(personal.json().acceptable).toBe(false);

    const strong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-strength',
      headers: CSRF,
      payload: { password: 'lantern orchard pebble quietly 71' },
    });
    expect(strong.json()).toMatchObject({ acceptable: true, problem: null });
    expect(strong.json().score).toBeGreaterThanOrEqual(3);
  });
});
