import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPracticeFixture } from '../../test-support/fixtures.js';
import { carePair } from '../../test-support/frame-fixtures.js';
import { seedEntry, seedShare } from '../../test-support/journal-fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

/** Bad input in an address or a save is a 4xx, never a 500. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const cursorOf = (at: string) => Buffer.from(JSON.stringify([at, crypto.randomUUID()])).toString('base64url');

describe('bad input is answered 4xx, never 5xx', () => {
  it('a page cursor with a well-formed but impossible time is refused as an unreadable cursor', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Review Practice');
    const pair = await carePair(t, practiceId);
    for (const at of ['2024-13-45T25:61:61.000000Z', '0000-01-01T00:00:00.000000Z', '2023-02-29T00:00:00.000000Z']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/journal/entries?cursor=${cursorOf(at)}`,
        headers: { cookie: pair.clientCookie },
      });
      expect(res.statusCode, `${at}: ${res.body}`).toBe(400);
      expect(res.json().error).toBe('invalid_cursor');
    }
  });

  it('an id written as urn:uuid:… is refused as invalid, in an address, a filter or a save', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Review Practice');
    const pair = await carePair(t, practiceId);
    const entryId = await seedEntry(t.ctx, practiceId, pair.client.userId, { body: 'shared text' });
    const shareId = await seedShare(t.ctx, practiceId, pair.client.userId, entryId);
    const urn = `urn:uuid:${entryId}`;
    const calls: { method: 'GET' | 'PUT'; url: string; cookie: string; payload?: object }[] = [
      { method: 'GET', url: `/api/journal/entries/${urn}`, cookie: pair.clientCookie },
      { method: 'GET', url: `/api/journal/entries?tag=${urn}`, cookie: pair.clientCookie },
      {
        method: 'PUT',
        url: `/api/journal/entries/${crypto.randomUUID()}`,
        cookie: pair.clientCookie,
        payload: { kind: 'dream', baseVersion: 0, body: 'x', recursIds: [urn] },
      },
      {
        method: 'PUT',
        url: `/api/journal/entries/${crypto.randomUUID()}`,
        cookie: pair.clientCookie,
        payload: { kind: 'reflection', baseVersion: 0, body: 'x', appointmentId: urn },
      },
      {
        method: 'GET',
        url: `/api/journal/clients/${pair.client.userId}/shared/urn:uuid:${shareId}`,
        cookie: pair.therapistCookie,
      },
    ];
    for (const c of calls) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { cookie: c.cookie, ...(c.method === 'GET' ? {} : CSRF) },
        ...(c.payload ? { payload: c.payload } : {}),
      });
      expect(res.statusCode, `${c.method} ${c.url}: ${res.body.slice(0, 200)}`).toBe(400);
    }
  });

  it('text that is not well-formed Unicode (a lone surrogate) is refused, not silently changed', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'Review Practice');
    const pair = await carePair(t, practiceId);
    for (const body of ['a\ud800b', 'end \udc00']) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/journal/entries/${crypto.randomUUID()}`,
        headers: { cookie: pair.clientCookie, ...CSRF, 'content-type': 'application/json' },
        payload: JSON.stringify({ kind: 'reflection', baseVersion: 0, body }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('malformed_text');
    }
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/journal/entries/${crypto.randomUUID()}`,
      headers: { cookie: pair.clientCookie, ...CSRF, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'reflection', baseVersion: 0, body: 'a whole pair 👩🏽‍🚀 is fine' }),
    });
    expect(ok.statusCode).toBe(200);
  });
});
