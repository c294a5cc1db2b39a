import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { outboxBodyContext } from '../../mail/enqueue-email.js';
import { hashSecret } from '../../sessions/tokens.js';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  ownerQuery,
  scopedQuery,
  sessionCookie,
  signInThroughApi,
  type PersonFixture,
} from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ signInMaxFailures: 3 });
});
afterAll(async () => t.close());

const NEW_PASSWORD = 'marigold tuesday lantern ferry 58';

async function requestReset(practiceId: string, email: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/request',
    headers: CSRF,
    payload: { practiceId, email },
  });
}

/** The reset link in the newest e-mail of the practice's outbox (decrypted as the admin screen does). */
async function latestResetToken(practiceId: string): Promise<string | undefined> {
  const text = await t.ctx.access.run(systemActor(practiceId), async (tx) => {
    const row = await tx.query<{ id: string; body_enc: string; kind: string; to_address: string }>(
      `SELECT id, body_enc, kind, to_address FROM outbox WHERE kind = 'password_reset' ORDER BY created_at DESC LIMIT 1`,
    );
    const found = row.rows[0];
    return found ? tx.decrypt(outboxBodyContext(found.id), found.body_enc) : undefined;
  });
  return text?.match(/\/reset-password\/([^\s]+)/)?.[1];
}

async function resetFor(person: PersonFixture): Promise<string> {
  expect((await requestReset(person.practiceId, person.email)).statusCode).toBe(202);
  const token = await latestResetToken(person.practiceId);
  if (!token) throw new Error('no reset e-mail was queued');
  return token;
}

describe('password reset', () => {
  it('e-mails a single-use link through the outbox, stored only as a hash, valid for an hour', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Willow Rooms');
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const token = await resetFor(person);
    expect(token).toMatch(new RegExp(`^${practiceId}\\.[A-Za-z0-9_-]{43}$`));
    const [row] = await scopedQuery<{ token_hash: Buffer; minutes: number; outbox: string }>(
      t.ctx,
      practiceId,
      `SELECT r.token_hash, round(extract(epoch FROM r.expires_at - r.created_at) / 60)::int AS minutes,
              (SELECT status FROM outbox WHERE kind = 'password_reset') AS outbox
         FROM password_resets r`,
    );
    expect(row?.minutes).toBe(60);
    expect(row?.outbox).toBe('held');
    expect(row?.token_hash.equals(hashSecret(token.split('.')[1] ?? ''))).toBe(true);

    const lookup = await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${token}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({ email: person.email, practiceName: 'Willow Rooms' });
    expect(new Date(lookup.json().expiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
  });

  it('completing it sets the password, ends every session and cannot be used twice', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const existing = await sessionCookie(t.ctx, person);
    const token = await resetFor(person);

    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: CSRF,
      payload: { token, password: NEW_PASSWORD },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true });

    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: existing } })).statusCode).toBe(401);
    expect((await signInThroughApi(t.app, person)).res.statusCode).toBe(401);
    expect((await signInThroughApi(t.app, { ...person, password: NEW_PASSWORD })).res.statusCode).toBe(200);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: CSRF,
      payload: { token, password: 'another fine password 77 x' },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toMatch(/expired or has already been used/);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${token}` });
    expect(lookup.statusCode).toBe(404);

    const actions = (await auditEventsOf(t.ctx, practiceId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset_completed', 'session.revoked']),
    );
  });

  it('unlocks a locked account', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    for (let i = 0; i < 4; i++) await signInThroughApi(t.app, person, { password: `wrong ${i} attempt` });
    expect((await signInThroughApi(t.app, person)).res.statusCode).toBe(429);
    const token = await resetFor(person);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: CSRF,
      payload: { token, password: NEW_PASSWORD },
    });
    expect((await signInThroughApi(t.app, { ...person, password: NEW_PASSWORD })).res.statusCode).toBe(200);
  });

  it('refuses an expired link, a weak password and a made-up token with messages a person can act on', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const token = await resetFor(person);

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: CSRF,
      payload: { token, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: 'weak_password', fields: [{ field: 'password' }] });
    expect(weak.json().message).toMatch(/at least 10 characters/);

    await ownerQuery(t.ctx, practiceId, `UPDATE password_resets SET expires_at = now() - interval '1 second'`);
    const expired = await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${token}` });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().message).toMatch(/Ask for a new one/);

    for (const bogus of [
      'nonsense',
      `${practiceId}.${'A'.repeat(43)}`,
      `00000000-0000-4000-8000-000000000000.${'b'.repeat(43)}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${bogus}` });
      expect(res.statusCode).toBe(404);
    }
  });

  it('a new request replaces the earlier link', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const first = await resetFor(person);
    const second = await resetFor(person);
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${first}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${second}` })).statusCode).toBe(200);
  });

  it('answers 202 the same for an unknown address, and queues nothing for it', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const known = await requestReset(practiceId, person.email);
    const unknown = await requestReset(practiceId, 'no-one-here@example.org');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    const mails = await scopedQuery<{ to_address: string }>(t.ctx, practiceId, 'SELECT to_address FROM outbox');
    expect(mails.map((m) => m.to_address)).toEqual([person.email]);
  });

  it('sends at most three links an hour to one address, answering 202 all the same', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    for (let i = 0; i < 5; i++) expect((await requestReset(practiceId, person.email)).statusCode).toBe(202);
    const mails = await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM outbox');
    expect(mails).toHaveLength(3);
  });
});
