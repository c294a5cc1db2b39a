import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { buildApp } from '../app.js';
import { LOG_REDACTIONS, LOG_SERIALIZERS } from '../logging.js';
import { outboxBodyContext } from '../mail/enqueue-email.js';
import { addPerson, createPracticeFixture, sessionCookie, signInThroughApi } from '../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Invariant 8: secrets never reach the logs, URLs (except single-purpose, expiring, hashed tokens in
 * e-mailed links — and those are masked in the logs) or the browser beyond the HttpOnly session cookie.
 */
let t: TestApp;
let app: FastifyInstance;
let logs = '';

beforeAll(async () => {
  t = await createTestApp();
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  const logger = pino({ level: 'trace', redact: LOG_REDACTIONS, serializers: LOG_SERIALIZERS }, sink);
  app = await buildApp(t.ctx, { loggerInstance: logger, serveWeb: false });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function newestEmailBody(practiceId: string, kind: string): Promise<string> {
  return t.ctx.access.run(systemActor(practiceId), async (tx) => {
    const row = await tx.query<{ id: string; body_enc: string }>(
      'SELECT id, body_enc FROM outbox WHERE kind = $1 ORDER BY created_at DESC LIMIT 1',
      [kind],
    );
    const found = row.rows[0];
    if (!found) throw new Error(`no ${kind} e-mail`);
    return tx.decrypt(outboxBodyContext(found.id), found.body_enc);
  });
}

describe('secrets stay out of logs, URLs and the browser', () => {
  it('passwords, session cookies and link tokens never appear in the logs', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin', 'therapist']);
    const client = await addPerson(t.ctx, practiceId, ['client']);

    const signIn = await signInThroughApi(app, client);
    expect(signIn.res.statusCode).toBe(200);
    const sessionSecret = signIn.cookie?.split('=')[1]?.split('.')[1];
    expect(sessionSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: signIn.cookie ?? '' } });

    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: CSRF,
      payload: { practiceId, email: client.email },
    });
    const resetToken = /reset-password\/([^\s]+)/.exec(await newestEmailBody(practiceId, 'password_reset'))?.[1];
    expect(resetToken).toBeDefined();
    await app.inject({ method: 'GET', url: `/api/auth/password-reset/${resetToken}` });
    const newPassword = 'a fresh and private passphrase 2026';
    const completed = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: CSRF,
      payload: { token: resetToken, password: newPassword },
    });
    expect(completed.statusCode).toBe(200);

    const adminCookie = await sessionCookie(t.ctx, admin);
    const invited = await app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: adminCookie, ...CSRF },
      payload: { email: 'newcomer@example.org', displayName: 'New Comer', role: 'client' },
    });
    expect(invited.statusCode).toBe(201);
    const inviteToken = /invite\/([^\s]+)/.exec(await newestEmailBody(practiceId, 'invitation'))?.[1];
    expect(inviteToken).toBeDefined();
    await app.inject({ method: 'GET', url: `/api/invitations/lookup/${inviteToken}` });

    expect(logs).toContain('/api/auth/password-reset/[token]');
    expect(logs).toContain('/api/invitations/lookup/[token]');
    for (const secret of [client.password, newPassword, sessionSecret, resetToken, inviteToken]) {
      expect(logs.includes(secret ?? '<missing>'), `log contains a secret`).toBe(false);
    }
    expect(logs).not.toMatch(/"cookie":"uc_session/);
  });

  it('the session cookie is HttpOnly and SameSite=Strict, and no answer body carries a session secret', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const person = await addPerson(t.ctx, practiceId, ['client']);
    const { res, cookie } = await signInThroughApi(app, person);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const secret = cookie?.split('.')[1] ?? '<none>';
    expect(res.body).not.toContain(secret);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });
    expect(me.body).not.toContain(secret);
  });

  it('no route takes a secret in its query string', async () => {
    const doc = app.swagger() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const op of Object.values(methods)) {
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        expect(
          query.filter((name) => /token|secret|password|code/i.test(name)),
          path,
        ).toEqual([]);
      }
    }
  });
});
