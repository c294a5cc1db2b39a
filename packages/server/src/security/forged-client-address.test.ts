import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, createPracticeFixture, scopedQuery } from '../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Behind the reverse proxy (TRUST_PROXY=1) the client's address is the one the proxy adds to
 * X-Forwarded-For. A client can send an X-Forwarded-For of its own, which a proxy such as nginx
 * (`$proxy_add_x_forwarded_for`) passes on with the real address appended: the addresses before the
 * proxy's entry are the client's say-so. Trusting them would let anyone dodge the per-address
 * sign-in limit with a fresh made-up address per attempt, and write any address into the audit log.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ trustProxy: true, signInMaxFailures: 1 });
});
afterAll(async () => t.close());

const PROXY = '10.0.0.2';
const REAL = '198.51.100.23';

function signIn(practiceId: string, email: string, forged: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: PROXY,
    headers: { ...CSRF, 'x-forwarded-for': `${forged}, ${REAL}` },
    payload: { practiceId, email, password: 'not the right password' },
  });
}

describe('a forged X-Forwarded-For behind the proxy', () => {
  it('is not taken as the client’s address: the audit log has the address the proxy saw', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    expect((await signIn(practiceId, client.email, '203.0.113.66')).statusCode).toBe(401);
    const attempts = await scopedQuery<{ ip: string }>(
      t.ctx,
      practiceId,
      `SELECT ip FROM audit_events WHERE action = 'auth.sign_in'`,
    );
    expect(attempts.map((a) => a.ip)).toEqual([REAL]);
  });

  it('cannot dodge the per-address limit with a new made-up address each time', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    // signInMaxFailures 1: twenty attempts per address per window, each for a different e-mail.
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await signIn(practiceId, `nobody-${i}@example.org`, `203.0.113.${i + 1}`)).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
