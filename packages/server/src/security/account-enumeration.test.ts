import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  signInThroughApi,
} from '../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Account enumeration: nothing the sign-in and password-reset endpoints answer may tell whether an
 * e-mail address has an account. An unknown address, a wrong password, a locked account and a
 * disabled one get the same status, body and cookie header, after similar time (argon2 runs every
 * time); rate limits and lockouts are counted per hashed address, so an address nobody uses is
 * "locked" exactly like a real one.
 */
let t: TestApp;
let strict: TestApp;
beforeAll(async () => {
  t = await createTestApp({ signInMaxFailures: 100 });
  strict = await createTestApp({ signInMaxFailures: 3 });
});
afterAll(async () => {
  await t.close();
  await strict.close();
});

interface Case {
  name: string;
  attempt(): ReturnType<typeof signInThroughApi>;
}

async function fourCases(app: TestApp): Promise<{ practiceId: string; cases: Case[] }> {
  const practiceId = await createPracticeFixture(app.ctx);
  const wrong = await addPerson(app.ctx, practiceId, ['therapist']);
  const locked = await addPerson(app.ctx, practiceId, ['client']);
  const disabled = await addPerson(app.ctx, practiceId, ['admin']);
  await scopedQuery(app.ctx, practiceId, `UPDATE users SET locked_until = now() + interval '1 hour' WHERE id = $1`, [
    locked.userId,
  ]);
  await scopedQuery(app.ctx, practiceId, `UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.userId]);
  return {
    practiceId,
    cases: [
      {
        name: 'unknown e-mail',
        attempt: () => signInThroughApi(app.app, { ...wrong, email: 'nobody-at-all@example.org' }),
      },
      { name: 'wrong password', attempt: () => signInThroughApi(app.app, wrong, { password: 'not my password 123' }) },
      { name: 'locked (right password)', attempt: () => signInThroughApi(app.app, locked) },
      { name: 'disabled (right password)', attempt: () => signInThroughApi(app.app, disabled) },
    ],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('account enumeration', () => {
  it('unknown e-mail, wrong password, locked and disabled accounts get the same status, body and headers', async () => {
    const { practiceId, cases } = await fourCases(t);
    const answers = [];
    for (const c of cases) {
      const { res } = await c.attempt();
      answers.push({
        status: res.statusCode,
        body: res.body,
        setCookie: res.headers['set-cookie'],
        retryAfter: res.headers['retry-after'],
      });
    }
    expect(answers[0]?.status).toBe(401);
    expect(JSON.parse(answers[0]?.body ?? '{}').error).toBe('invalid_credentials');
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // The audit log (for the practice's admins) does know why.
    const reasons = (await auditEventsOf(t.ctx, practiceId))
      .filter((e) => e.action === 'auth.sign_in')
      .map((e) => [e.details.reason, e.subject_user_id === null]);
    expect(reasons).toEqual([
      ['unknown_email', true],
      ['wrong_password', false],
      ['locked', false],
      ['disabled', false],
    ]);
  });

  it('takes similar time in each case (median ratio < 1.5)', async () => {
    const { cases } = await fourCases(t);
    const times: number[][] = cases.map(() => []);
    for (let round = 0; round < 13; round++) {
      // Each round starts with a different case, so no case always runs right after another.
      for (let k = 0; k < cases.length; k++) {
        const i = (round + k) % cases.length;
        const started = process.hrtime.bigint();
        const { res } = await (cases[i] as Case).attempt();
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        expect(res.statusCode).toBe(401);
        if (round > 0) times[i]?.push(elapsed); // the first round warms caches up
      }
    }
    const medians = times.map(median);
    const ratio = Math.max(...medians) / Math.min(...medians);
    expect(
      ratio,
      `medians (ms): ${cases.map((c, i) => `${c.name} ${medians[i]?.toFixed(1)}`).join(', ')}`,
    ).toBeLessThan(1.5);
  });

  it('a lockout of an address nobody uses looks exactly like a lockout of a real account', async () => {
    const practiceId = await createPracticeFixture(strict.ctx);
    const real = await addPerson(strict.ctx, practiceId, ['client']);
    const sequence = async (person: { practiceId: string; email: string; password: string }) => {
      const seen = [];
      for (let i = 0; i < 5; i++) {
        const { res } = await signInThroughApi(strict.app, person, { password: 'a wrong guess 1234' });
        seen.push({ status: res.statusCode, body: res.body, retryAfter: res.headers['retry-after'] !== undefined });
      }
      return seen;
    };
    const forReal = await sequence(real);
    const forNobody = await sequence({ ...real, email: 'no-such-person@example.org' });
    expect(forReal.map((s) => s.status)).toEqual([401, 401, 401, 429, 429]);
    expect(forNobody).toEqual(forReal);
  });

  it('password reset requests answer the same for a known, an unknown and a disabled address', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const known = await addPerson(t.ctx, practiceId, ['client']);
    const disabled = await addPerson(t.ctx, practiceId, ['client']);
    await scopedQuery(t.ctx, practiceId, `UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.userId]);
    const answers = [];
    for (const email of [known.email, 'never-heard-of-them@example.org', disabled.email]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        headers: CSRF,
        payload: { practiceId, email },
      });
      answers.push({ status: res.statusCode, body: res.body, setCookie: res.headers['set-cookie'] });
    }
    expect(answers[0]).toEqual({ status: 202, body: '{"ok":true}', setCookie: undefined });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });
});
