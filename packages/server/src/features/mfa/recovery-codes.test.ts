import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
  sessionCookieFrom,
  signInThroughApi,
  type PersonFixture,
} from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { hashRecoveryCode } from './recovery-codes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function post(url: string, cookie: string, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: { ...CSRF, cookie }, ...(payload ? { payload } : {}) });
}

/** Enrols an authenticator app through the API; the recovery codes it handed out and an active cookie. */
async function enrol(person: PersonFixture): Promise<{ codes: string[]; cookie: string }> {
  const enrolling = await sessionCookie(t.ctx, person, 'mfa_enrolment');
  const { secret } = (await post('/api/me/mfa/totp/start', enrolling)).json();
  const res = await post('/api/me/mfa/totp/confirm', enrolling, { code: await generate({ secret }) });
  return { codes: res.json().recoveryCodes, cookie: sessionCookieFrom(t.ctx, res) ?? '' };
}

describe('recovery codes', () => {
  it('are stored only as SHA-256 hashes', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const { codes } = await enrol(admin);
    const rows = await scopedQuery<{ code_hash: Buffer }>(
      t.ctx,
      practiceId,
      'SELECT code_hash FROM mfa_recovery_codes',
    );
    expect(rows).toHaveLength(10);
    const stored = rows.map((r) => r.code_hash.toString('hex')).sort();
    expect(stored).toEqual(codes.map((c) => hashRecoveryCode(c).toString('hex')).sort());
  });

  it('each works once to finish signing in, typed in any case and spacing', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const { codes } = await enrol(admin);
    const code = codes[0] ?? '';

    const first = await signInThroughApi(t.app, admin);
    expect(first.res.json().mfaMethods).toEqual(['totp', 'recovery']);
    const ok = await post('/api/auth/mfa/recovery', first.cookie ?? '', {
      code: ` ${code.toUpperCase().replace('-', ' ')} `,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stage: 'active', recoveryCodesLeft: 9 });
    expect(sessionCookieFrom(t.ctx, ok)).not.toBe(first.cookie);

    const second = await signInThroughApi(t.app, admin);
    const reused = await post('/api/auth/mfa/recovery', second.cookie ?? '', { code });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().message).toMatch(/each code works only once/);
    const other = await post('/api/auth/mfa/recovery', second.cookie ?? '', { code: codes[1] ?? '' });
    expect(other.json()).toEqual({ stage: 'active', recoveryCodesLeft: 8 });

    const used = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'mfa.recovery_code_used');
    expect(used.map((e) => e.outcome)).toEqual(['success', 'failure', 'success']);
  });

  it('can be replaced with ten new ones (password asked again); the old ones stop working', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const { codes, cookie } = await enrol(admin);

    const wrong = await post('/api/me/mfa/recovery-codes', cookie, { password: 'this is not it at all' });
    expect(wrong.statusCode).toBe(400);
    const res = await post('/api/me/mfa/recovery-codes', cookie, { password: admin.password });
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => codes.includes(c))).toBe(false);

    const signIn = await signInThroughApi(t.app, admin);
    expect((await post('/api/auth/mfa/recovery', signIn.cookie ?? '', { code: codes[2] ?? '' })).statusCode).toBe(400);
    expect((await post('/api/auth/mfa/recovery', signIn.cookie ?? '', { code: fresh[0] ?? '' })).statusCode).toBe(200);
  });

  it('cannot be made without a factor to back up', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const res = await post('/api/me/mfa/recovery-codes', await sessionCookie(t.ctx, client), {
      password: client.password,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/Set one of those up first/);
  });
});
