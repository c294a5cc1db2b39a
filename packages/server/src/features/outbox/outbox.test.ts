import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { auditEventsOf, practiceWithEveryRole, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

/** The admin's outbox without SMTP configured: messages are 'held' for the admin to open and pass on. */
let t: TestApp;
let smtp: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // SMTP configured (nothing listens there: test apps run no delivery worker, messages stay pending).
  smtp = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function enqueue(practiceId: string, to: string, text: string): Promise<string> {
  return t.ctx.access.run(systemActor(practiceId), (tx) =>
    enqueueEmail(tx, { kind: 'test', to, subject: `For ${to}`, text }, t.ctx.config.smtpUrl !== undefined),
  );
}

describe('the outbox', () => {
  it('lists messages without bodies, filters by status, and opens one (decrypted, audited)', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const first = await enqueue(p.practiceId, 'one@example.org', 'Secret link: https://example.org/x/1');
    const second = await enqueue(p.practiceId, 'two@example.org', 'Another body');
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `UPDATE outbox SET status = 'sent', sent_at = now(), attempts = 1 WHERE id = $1`,
      [second],
    );

    const stored = await scopedQuery<{ body_enc: string }>(
      t.ctx,
      p.practiceId,
      'SELECT body_enc FROM outbox WHERE id = $1',
      [first],
    );
    expect(stored[0]?.body_enc).toMatch(/^uc1\.clinical\.1\./);
    expect(stored[0]?.body_enc).not.toContain('Secret link');

    const list = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.admin } });
    expect(list.statusCode).toBe(200);
    const messages = list.json() as Record<string, unknown>[];
    expect(messages.map((m) => m.id)).toEqual([second, first]);
    expect(messages[1]).toEqual({
      id: first,
      kind: 'test',
      to: 'one@example.org',
      subject: 'For one@example.org',
      status: 'held',
      attempts: 0,
      createdAt: expect.any(String),
      sentAt: null,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(JSON.stringify(messages)).not.toContain('Secret link');

    const held = await t.app.inject({
      method: 'GET',
      url: '/api/outbox?status=held',
      headers: { cookie: p.cookies.admin },
    });
    expect(held.json().map((m: { id: string }) => m.id)).toEqual([first]);

    const opened = await t.app.inject({
      method: 'GET',
      url: `/api/outbox/${first}`,
      headers: { cookie: p.cookies.admin },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ id: first, body: 'Secret link: https://example.org/x/1' });

    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.find((e) => e.action === 'outbox.opened')).toMatchObject({
      subject_id: first,
      actor_user_id: p.people.admin.userId,
      details: { kind: 'test', status: 'held' },
    });
    expect(events.filter((e) => e.action === 'outbox.listed')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain('Secret link');
  });

  it('retry keeps a message held when no SMTP is configured, and refuses a sent one', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const id = await enqueue(p.practiceId, 'r@example.org', 'x');
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `UPDATE outbox SET status = 'failed', attempts = 6, last_error = 'boom' WHERE id = $1`,
      [id],
    );
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/outbox/${id}/retry`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'held', attempts: 0, lastError: 'boom' });

    await scopedQuery(t.ctx, p.practiceId, `UPDATE outbox SET status = 'sent' WHERE id = $1`, [id]);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/outbox/${id}/retry`,
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(sent.statusCode).toBe(409);
    expect(sent.json()).toMatchObject({ error: 'already_sent' });
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.filter((e) => e.action === 'outbox.retried').map((e) => e.outcome)).toEqual(['success', 'failure']);
  });

  it('is for admins of the practice only', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const q = await practiceWithEveryRole(t.ctx);
    const id = await enqueue(p.practiceId, 'x@example.org', 'private');
    for (const cookie of [p.cookies.therapist, p.cookies.supervisor, p.cookies.client]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/outbox/${id}`, headers: { cookie } })).statusCode).toBe(
        403,
      );
    }
    const other = await t.app.inject({ method: 'GET', url: `/api/outbox/${id}`, headers: { cookie: q.cookies.admin } });
    expect(other.statusCode).toBe(404);
    const otherRetry = await t.app.inject({
      method: 'POST',
      url: `/api/outbox/${id}/retry`,
      headers: { cookie: q.cookies.admin, ...CSRF },
    });
    expect(otherRetry.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: q.cookies.admin } })).json(),
    ).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/outbox/123', headers: { cookie: p.cookies.admin } })).statusCode,
    ).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/outbox?status=lost', headers: { cookie: p.cookies.admin } }))
        .statusCode,
    ).toBe(400);
  });
});

describe('password-reset e-mails in the outbox', () => {
  const requestReset = (app: TestApp, practiceId: string, email: string) =>
    app.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: CSRF,
      payload: { practiceId, email },
    });

  it('an admin cannot open one the mail server delivers: its link would let them become that person', async () => {
    const p = await practiceWithEveryRole(smtp.ctx);
    expect((await requestReset(smtp, p.practiceId, p.people.client.email)).statusCode).toBe(202);
    const list = await smtp.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.admin } });
    const reset = (list.json() as { id: string; kind: string; status: string }[]).find(
      (m) => m.kind === 'password_reset',
    );
    expect(reset?.status).toBe('pending');
    const open = await smtp.app.inject({
      method: 'GET',
      url: `/api/outbox/${reset?.id}`,
      headers: { cookie: p.cookies.admin },
    });
    expect(open.statusCode).toBe(403);
    expect(open.json().message).toMatch(/only for the person/);
    expect(open.body).not.toContain('/reset-password/');
    const events = await auditEventsOf(smtp.ctx, p.practiceId);
    expect(events.filter((e) => e.action === 'outbox.opened').map((e) => e.outcome)).toEqual(['denied']);
  });

  it('without SMTP the admin is the courier, so a held one still opens', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await requestReset(t, p.practiceId, p.people.client.email);
    const [row] = await scopedQuery<{ id: string }>(t.ctx, p.practiceId, `SELECT id FROM outbox`);
    const open = await t.app.inject({
      method: 'GET',
      url: `/api/outbox/${row?.id}`,
      headers: { cookie: p.cookies.admin },
    });
    expect(open.statusCode).toBe(200);
    expect(open.json().body).toContain('/reset-password/');
  });
});
