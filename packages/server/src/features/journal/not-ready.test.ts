import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, ownerQuery, practiceWithEveryRole } from '../../test-support/fixtures.js';
import { addPerson, sessionCookie } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/** The client's "not ready to talk about yet" list: theirs alone, encrypted, kept exactly as written. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const send = (method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, cookie: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

describe('the not-ready list', () => {
  it('adds, lists, rewrites and removes notes, keeping any text exactly and audited without text', async () => {
    const { practiceId, people, cookies } = await practiceWithEveryRole(t.ctx);
    const text = '  My father’s silence 🫥 — ‏שלום‎, é (e\u0301), <script>alert(1)</script>\n';
    const created = await send('POST', '/api/journal/not-ready', cookies.client, { text });
    expect(created.statusCode).toBe(200);
    const { item } = created.json();
    expect(item).toMatchObject({ id: expect.any(String), text });
    await send('POST', '/api/journal/not-ready', cookies.client, { text: 'the second one' });

    const list = await send('GET', '/api/journal/not-ready', cookies.client);
    expect(list.json().items.map((i: { text: string }) => i.text)).toEqual([text, 'the second one']);

    const rewritten = await send('PUT', `/api/journal/not-ready/${item.id}`, cookies.client, { text: 'rewritten' });
    expect(rewritten.statusCode).toBe(200);
    expect(rewritten.json().item).toMatchObject({ id: item.id, text: 'rewritten', createdAt: item.createdAt });

    const stored = await ownerQuery<{ text_enc: string }>(t.ctx, practiceId, 'SELECT text_enc FROM journal_not_ready');
    expect(stored.every((r) => r.text_enc.startsWith('uc1.clinical.'))).toBe(true);

    expect((await send('DELETE', `/api/journal/not-ready/${item.id}`, cookies.client)).json()).toEqual({ ok: true });
    expect((await send('DELETE', `/api/journal/not-ready/${item.id}`, cookies.client)).statusCode).toBe(404);
    expect((await send('PUT', `/api/journal/not-ready/${item.id}`, cookies.client, { text: 'x' })).statusCode).toBe(
      404,
    );
    expect((await send('GET', '/api/journal/not-ready', cookies.client)).json().items).toHaveLength(1);

    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action.startsWith('journal.not_ready'));
    expect(events.map((e) => [e.action, e.outcome, e.details.change ?? null])).toEqual([
      ['journal.not_ready_changed', 'success', 'created'],
      ['journal.not_ready_changed', 'success', 'created'],
      ['journal.not_ready_viewed', 'success', null],
      ['journal.not_ready_changed', 'success', 'updated'],
      ['journal.not_ready_changed', 'success', 'deleted'],
      ['journal.not_ready_changed', 'failure', null],
      ['journal.not_ready_changed', 'failure', null],
      ['journal.not_ready_viewed', 'success', null],
    ]);
    expect(events.every((e) => e.subject_user_id === people.client.userId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('silence');
  });

  it('takes up to 100,000 characters counted as a person counts them, and says plainly when there are more', async () => {
    const { cookies } = await practiceWithEveryRole(t.ctx);
    const emoji = '🌊'.repeat(100_000);
    const ok = await send('POST', '/api/journal/not-ready', cookies.client, { text: emoji });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().item.text).toBe(emoji);
    const tooLong = await send('POST', '/api/journal/not-ready', cookies.client, { text: 'a'.repeat(100_412) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toEqual({
      error: 'too_long',
      message:
        'This note is 100,412 characters long; one note holds up to 100,000. Please shorten it, or split it into two notes.',
    });
    const blank = await send('POST', '/api/journal/not-ready', cookies.client, { text: '   ' });
    expect(blank.json().error).toBe('empty');
  });

  it("is the client's alone: other clients and every staff role get nothing", async () => {
    const { practiceId, cookies } = await practiceWithEveryRole(t.ctx);
    const { item } = (
      await send('POST', '/api/journal/not-ready', cookies.client, { text: 'NOT-READY-MARKER' })
    ).json();
    const other = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['client']));
    expect((await send('GET', '/api/journal/not-ready', other)).json()).toEqual({ items: [] });
    expect((await send('PUT', `/api/journal/not-ready/${item.id}`, other, { text: 'mine now' })).statusCode).toBe(404);
    expect((await send('DELETE', `/api/journal/not-ready/${item.id}`, other)).statusCode).toBe(404);
    for (const role of ['admin', 'therapist', 'supervisor'] as const) {
      const res = await send('GET', '/api/journal/not-ready', cookies[role]);
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain('NOT-READY-MARKER');
    }
    const [kept] = (await send('GET', '/api/journal/not-ready', cookies.client)).json().items;
    expect(kept.text).toBe('NOT-READY-MARKER');
  });
});
