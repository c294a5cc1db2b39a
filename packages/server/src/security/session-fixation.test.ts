import crypto from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addTotpFactor,
  createPracticeFixture,
  ownerQuery,
  sessionCookie,
  sessionCookieFrom,
  signInThroughApi,
} from '../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Session fixation: a session identifier an attacker manages to plant in a victim's browser before
 * sign-in must be worthless afterwards. Sign-in always issues a brand-new session (and ends any live
 * one it was sent), and every gain in privilege (passing or enrolling a second factor, changing the
 * password) replaces the session identifier again, so the pre-MFA cookie stops working.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { ...CSRF, cookie }, ...(payload ? { payload } : {}) });

describe('session fixation', () => {
  it('a made-up session id planted before sign-in is not the one after', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const victim = await addPerson(t.ctx, practiceId, ['client']);
    const planted = `${t.ctx.cookie.name}=${practiceId}.${crypto.randomBytes(32).toString('base64url')}`;
    const { res, cookie } = await signInThroughApi(t.app, victim, { cookie: planted });
    expect(res.statusCode).toBe(200);
    expect(cookie).toBeDefined();
    expect(cookie).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(cookie ?? '')).json().user.id).toBe(victim.userId);
  });

  it('a live session planted before sign-in (the attacker’s own) is ended, not reused', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const attacker = await addPerson(t.ctx, practiceId, ['client']);
    const victim = await addPerson(t.ctx, practiceId, ['client']);
    const planted = await sessionCookie(t.ctx, attacker);
    const plantedId = (await me(planted)).json().session.id;

    const { cookie } = await signInThroughApi(t.app, victim, { cookie: planted });
    expect(cookie).not.toBe(planted);
    const after = (await me(cookie ?? '')).json();
    expect(after.user.id).toBe(victim.userId);
    expect(after.session.id).not.toBe(plantedId);
    expect((await me(planted)).statusCode).toBe(401);
    const [row] = await ownerQuery<{ revoked_reason: string }>(
      t.ctx,
      practiceId,
      'SELECT revoked_reason FROM sessions WHERE id = $1',
      [plantedId],
    );
    expect(row?.revoked_reason).toBe('replaced_at_sign_in');
  });

  it('a planted session of the same person is ended too, even when the new sign-in fails', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const planted = await sessionCookie(t.ctx, person);
    const { res } = await signInThroughApi(t.app, person, { cookie: planted, password: 'not the right one' });
    expect(res.statusCode).toBe(401);
    expect((await me(planted)).statusCode).toBe(401);
  });

  it('the cookie from the password step stops working once the second factor is passed', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const secret = await addTotpFactor(t.ctx, therapist);
    const { cookie: preMfa } = await signInThroughApi(t.app, therapist);
    const before = (await me(preMfa ?? '')).json().session;
    expect(before.stage).toBe('mfa_required');

    const passed = await post('/api/auth/mfa/totp', preMfa ?? '', { code: await generate({ secret }) });
    expect(passed.statusCode).toBe(200);
    const postMfa = sessionCookieFrom(t.ctx, passed) ?? '';
    expect(postMfa).not.toBe(preMfa);
    expect((await me(preMfa ?? '')).statusCode).toBe(401);
    const after = (await me(postMfa)).json().session;
    expect(after.stage).toBe('active');
    expect(after.id).not.toBe(before.id);
    // Rotation never extends the absolute lifetime of the sign-in.
    expect(after.expiresAt).toBe(before.expiresAt);
  });

  it('the cookie from the enrolment stage stops working once a factor is enrolled', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const { res, cookie: enrolling } = await signInThroughApi(t.app, admin);
    expect(res.json().stage).toBe('mfa_enrolment');
    const { secret } = (await post('/api/me/mfa/totp/start', enrolling ?? '')).json();
    const done = await post('/api/me/mfa/totp/confirm', enrolling ?? '', { code: await generate({ secret }) });
    const active = sessionCookieFrom(t.ctx, done) ?? '';
    expect(active).not.toBe(enrolling);
    expect((await me(enrolling ?? '')).statusCode).toBe(401);
    expect((await me(active)).json().session.stage).toBe('active');
  });

  it('a session cannot be reused to pass the second step twice', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const secret = await addTotpFactor(t.ctx, therapist);
    const { cookie } = await signInThroughApi(t.app, therapist);
    const code = await generate({ secret });
    const results = await Promise.all([
      post('/api/auth/mfa/totp', cookie ?? '', { code }),
      post('/api/auth/mfa/totp', cookie ?? '', { code }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const sessions = await ownerQuery<{ n: number }>(
      t.ctx,
      practiceId,
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND stage = 'active'`,
      [therapist.userId],
    );
    expect(sessions[0]?.n).toBe(1);
  });
});
