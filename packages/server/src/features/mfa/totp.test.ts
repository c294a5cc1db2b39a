import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addTotpFactor,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
  sessionCookieFrom,
  signInThroughApi,
} from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ signInMaxFailures: 4 });
});
afterAll(async () => t.close());

const now = () => Math.floor(Date.now() / 1000);

function post(url: string, cookie: string, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: { ...CSRF, cookie }, ...(payload ? { payload } : {}) });
}

describe('setting up an authenticator app', () => {
  it('start gives a secret, an otpauth URL naming the practice and a PNG QR code', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Hazel Street Practice');
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin, 'mfa_enrolment');
    const res = await post('/api/me/mfa/totp/start', cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const url = new URL(body.otpauthUrl);
    expect(url.searchParams.get('issuer')).toBe('Undercurrent (Hazel Street Practice)');
    expect(url.searchParams.get('secret')).toBe(body.secret);
    expect(decodeURIComponent(url.pathname)).toContain(admin.email);
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(body.qrDataUrl.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    // The secret is stored encrypted, not as typed.
    const [row] = await scopedQuery<{ secret_enc: string }>(t.ctx, practiceId, 'SELECT secret_enc FROM mfa_totp');
    expect(row?.secret_enc).not.toContain(body.secret);
  });

  it('confirming with a real code gives ten recovery codes and a new cookie; the enrolment cookie stops working', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin, 'mfa_enrolment');
    const { secret } = (await post('/api/me/mfa/totp/start', cookie)).json();

    const wrong = await post('/api/me/mfa/totp/confirm', cookie, {
      code: '000000' === (await generate({ secret })) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/did not work/);
    expect(wrong.json().fields).toEqual([{ field: 'code', message: wrong.json().message }]);

    const res = await post('/api/me/mfa/totp/confirm', cookie, { code: await generate({ secret }) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stage).toBe('active');
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    for (const code of body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const fresh = sessionCookieFrom(t.ctx, res);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(cookie);

    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: fresh ?? '' } });
    expect(me.json()).toMatchObject({
      session: { stage: 'active' },
      mfa: { totp: true, passkeys: 0, recoveryCodesLeft: 10, required: true },
    });

    const again = await post('/api/me/mfa/totp/start', fresh ?? '');
    expect(again.statusCode).toBe(409);

    const actions = (await auditEventsOf(t.ctx, practiceId)).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'mfa.totp_enrolled:failure',
        'mfa.totp_enrolled:success',
        'mfa.recovery_codes_generated:success',
      ]),
    );
  });

  it('confirming without starting, or with letters, is refused with a plain message', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const cookie = await sessionCookie(t.ctx, client);
    const notStarted = await post('/api/me/mfa/totp/confirm', cookie, { code: '123456' });
    expect(notStarted.statusCode).toBe(409);
    expect(notStarted.json().message).toMatch(/Start setting up/);
    await post('/api/me/mfa/totp/start', cookie);
    const letters = await post('/api/me/mfa/totp/confirm', cookie, { code: 'abcdef' });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().message).toMatch(/6-digit code/);
  });
});

describe('signing in with an authenticator app', () => {
  it('accepts a real code (also the one before and after), once per step, and renews the session', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const secret = await addTotpFactor(t.ctx, therapist);

    const first = await signInThroughApi(t.app, therapist);
    expect(first.res.json()).toEqual({ stage: 'mfa_required', mfaMethods: ['totp'] });
    const pending = first.cookie ?? '';
    // Nothing else is reachable before the second step.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: pending } })).json(),
    ).toMatchObject({
      error: 'session_mfa_required',
    });

    const code = await generate({ secret });
    const ok = await post('/api/auth/mfa/totp', pending, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stage: 'active' });
    const active = sessionCookieFrom(t.ctx, ok) ?? '';
    expect(active).not.toBe(pending);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: active } })).statusCode,
    ).toBe(200);

    // The same code again (a new sign-in) is refused: that step is used up.
    const second = await signInThroughApi(t.app, therapist);
    const reuse = await post('/api/auth/mfa/totp', second.cookie ?? '', { code });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error).toBe('code_reused');
    // The next step's code (a phone clock running ahead) is accepted.
    const next = await post('/api/auth/mfa/totp', second.cookie ?? '', {
      code: await generate({ secret, epoch: now() + 30 }),
    });
    expect(next.statusCode).toBe(200);

    const verified = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'auth.mfa_verified');
    expect(verified.map((e) => e.outcome)).toEqual(['success', 'failure', 'success']);
  });

  it('refuses codes two steps away', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const secret = await addTotpFactor(t.ctx, therapist);
    const { cookie } = await signInThroughApi(t.app, therapist);
    const current = await generate({ secret });
    for (const offset of [-60, 60]) {
      const code = await generate({ secret, epoch: now() + offset });
      if (code === current) continue;
      const res = await post('/api/auth/mfa/totp', cookie ?? '', { code });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_code');
    }
  });

  it('after too many wrong codes signs the half-signed-in session out', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const secret = await addTotpFactor(t.ctx, therapist);
    const { cookie } = await signInThroughApi(t.app, therapist);
    const real = await generate({ secret });
    const wrong = real === '123456' ? '654321' : '123456';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post('/api/auth/mfa/totp', cookie ?? '', { code: wrong })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const after = await post('/api/auth/mfa/totp', cookie ?? '', { code: real });
    expect(after.statusCode).toBe(401);
  });

  it('a session that already passed cannot use the second-step routes', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    const secret = await addTotpFactor(t.ctx, therapist);
    const cookie = await sessionCookie(t.ctx, therapist);
    const res = await post('/api/auth/mfa/totp', cookie, { code: await generate({ secret }) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('session_active');
  });
});

describe('removing the authenticator app', () => {
  it('staff cannot remove their only factor; a client can; the password is asked again', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const therapist = await addPerson(t.ctx, practiceId, ['therapist']);
    await addTotpFactor(t.ctx, therapist);
    const staffCookie = await sessionCookie(t.ctx, therapist);
    const del = (cookie: string, password: string) =>
      t.app.inject({ method: 'DELETE', url: '/api/me/mfa/totp', headers: { ...CSRF, cookie }, payload: { password } });

    const wrongPassword = await del(staffCookie, 'not my password at all');
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error).toBe('wrong_password');
    const last = await del(staffCookie, therapist.password);
    expect(last.statusCode).toBe(409);
    expect(last.json().message).toMatch(/must keep two-step verification/);

    const client = await addPerson(t.ctx, practiceId, ['client']);
    await addTotpFactor(t.ctx, client);
    const clientCookie = await sessionCookie(t.ctx, client);
    const removed = await del(clientCookie, client.password);
    expect(removed.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: clientCookie } });
    expect(me.json().mfa).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0, required: false });
    expect((await signInThroughApi(t.app, client)).res.json().stage).toBe('active');

    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'mfa.totp_removed');
    expect(events.map((e) => [e.outcome, e.details.reason ?? null])).toEqual([
      ['failure', 'wrong_password'],
      ['failure', 'last_factor'],
      ['success', null],
    ]);
  });
});
