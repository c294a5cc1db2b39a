import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { auditEventsOf, practiceWithEveryRole, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

/** The admin's outbox without SMTP configured: messages are 'held' for the admin to open and pass on. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

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
