import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, ownerQuery } from '../../test-support/fixtures.js';
import {
  addPerson,
  addSession,
  carePair,
  DAY,
  sessionCookie,
  type CarePair,
} from '../../test-support/frame-fixtures.js';
import { createPracticeFixture } from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { seedEntry, seedShare, touchEntry } from '../../test-support/journal-fixtures.js';

/** The therapist's side of the journal: the per-client list, reading (and marking unread), the caseload summary. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const ago = (days: number) => new Date(Date.now() - days * DAY);

interface World {
  practiceId: string;
  pair: CarePair;
  lastSessionId: string;
  nextSessionId: string;
  /** Shared before the last session, marked to bring then (so not on the to-bring list now). */
  older: { entryId: string; shareId: string };
  /** Shared since the last session, to bring. */
  recent: { entryId: string; shareId: string };
  withdrawn: { entryId: string; shareId: string };
  privateId: string;
}

async function world(): Promise<World> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  const client = pair.client.userId;
  const lastSessionId = await addSession(t, practiceId, pair, ago(3));
  await addSession(t, practiceId, pair, ago(1), { status: 'cancelled_client' });
  const nextSessionId = await addSession(t, practiceId, pair, new Date(Date.now() + 2 * DAY));
  const olderId = await seedEntry(t.ctx, practiceId, client, {
    kind: 'dream',
    body: 'OLDER-DREAM a house by the sea with too many doors',
    details: { setting: 'the sea house', people: 'my sister', feelings: [], dayBefore: '', associations: '' },
    dreamtOn: '2026-01-05',
    createdAt: ago(6),
  });
  const older = {
    entryId: olderId,
    shareId: await seedShare(t.ctx, practiceId, client, olderId, { sharedAt: ago(5), bringNext: true }),
  };
  const recentId = await seedEntry(t.ctx, practiceId, client, {
    kind: 'dream',
    body: 'RECENT-DREAM the sea house again',
    details: {
      setting: 'the sea house',
      people: '',
      feelings: [{ name: 'dread', intensity: 3 }],
      dayBefore: 'x',
      associations: 'y',
    },
    recursIds: [olderId],
    createdAt: ago(2),
  });
  const recent = {
    entryId: recentId,
    shareId: await seedShare(t.ctx, practiceId, client, recentId, { sharedAt: ago(1), bringNext: true }),
  };
  const withdrawnId = await seedEntry(t.ctx, practiceId, client, {
    body: 'WITHDRAWN-TEXT not for now',
    createdAt: ago(4),
  });
  const withdrawn = {
    entryId: withdrawnId,
    shareId: await seedShare(t.ctx, practiceId, client, withdrawnId, { sharedAt: ago(4), withdrawnAt: ago(2) }),
  };
  const privateId = await seedEntry(t.ctx, practiceId, client, { body: 'PRIVATE-TEXT mine alone', createdAt: ago(1) });
  return { practiceId, pair, lastSessionId, nextSessionId, older, recent, withdrawn, privateId };
}

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const listUrl = (w: World) => `/api/journal/clients/${w.pair.client.userId}/shared`;

describe("the therapist's list of what a client shared", () => {
  it('lists shares newest first, with the sessions around them, what to bring, and withdrawn ones without content', async () => {
    const w = await world();
    const res = await get(listUrl(w), w.pair.therapistCookie);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.client).toEqual({ id: w.pair.client.userId, displayName: 'Sam Client' });
    expect(list.lastSession.id).toBe(w.lastSessionId);
    expect(list.nextSession.id).toBe(w.nextSessionId);
    expect(list.items.map((i: { shareId: string }) => i.shareId)).toEqual([
      w.recent.shareId,
      w.withdrawn.shareId,
      w.older.shareId,
    ]);
    const [recent, withdrawn, older] = list.items;
    expect(recent).toMatchObject({
      entryId: w.recent.entryId,
      kind: 'dream',
      toBring: true,
      sinceLastSession: true,
      readAt: null,
      updatedSinceRead: false,
      excerpt: 'RECENT-DREAM the sea house again',
      withdrawnAt: null,
    });
    expect(older).toMatchObject({ toBring: false, bringNext: true, sinceLastSession: false, dreamtOn: '2026-01-05' });
    expect(withdrawn).toMatchObject({ excerpt: null, writtenAt: null, dreamtOn: null, toBring: false });
    expect(withdrawn.withdrawnAt).toEqual(expect.any(String));
    expect(res.body).not.toContain('WITHDRAWN-TEXT');
    expect(res.body).not.toContain('PRIVATE-TEXT');
    expect(res.body).not.toContain(w.privateId);

    const listed = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.shared_listed');
    expect(listed).toEqual([
      expect.objectContaining({
        outcome: 'success',
        subject_user_id: w.pair.client.userId,
        actor_user_id: w.pair.therapist.userId,
      }),
    ]);
  });

  it('with no session yet, everything shared is new and everything marked is to bring', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await carePair(t, practiceId);
    const entryId = await seedEntry(t.ctx, practiceId, pair.client.userId, { body: 'first words' });
    await seedShare(t.ctx, practiceId, pair.client.userId, entryId, { sharedAt: ago(30), bringNext: true });
    const list = (await get(`/api/journal/clients/${pair.client.userId}/shared`, pair.therapistCookie)).json();
    expect(list.lastSession).toBeNull();
    expect(list.nextSession).toBeNull();
    expect(list.items[0]).toMatchObject({ toBring: true, sinceLastSession: true });
  });

  it('refuses a therapist who does not care for the client, and every other role', async () => {
    const w = await world();
    const other = await addPerson(t.ctx, w.practiceId, ['therapist']);
    const otherCookie = await sessionCookie(t.ctx, other);
    const res = await get(listUrl(w), otherCookie);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
    expect((await get(`${listUrl(w)}/${w.recent.shareId}`, otherCookie)).statusCode).toBe(404);
    expect((await get(listUrl(w), w.pair.clientCookie)).statusCode).toBe(403);
    for (const role of ['admin', 'supervisor'] as const) {
      const cookie = await sessionCookie(t.ctx, await addPerson(t.ctx, w.practiceId, [role]));
      expect((await get(listUrl(w), cookie)).statusCode).toBe(403);
    }
    // Care that has ended ends access.
    await ownerQuery(t.ctx, w.practiceId, 'UPDATE care_assignments SET ended_at = now() WHERE client_id = $1', [
      w.pair.client.userId,
    ]);
    expect((await get(listUrl(w), w.pair.therapistCookie)).statusCode).toBe(404);
    expect((await get(`${listUrl(w)}/${w.recent.shareId}`, w.pair.therapistCookie)).statusCode).toBe(404);
  });
});

describe('reading a shared entry', () => {
  it('answers the content, marks it read once, and shows later edits as updated since read', async () => {
    const w = await world();
    const url = `${listUrl(w)}/${w.recent.shareId}`;
    const first = await get(url, w.pair.therapistCookie);
    expect(first.statusCode).toBe(200);
    const { item, entry } = first.json();
    expect(entry).toMatchObject({
      id: w.recent.entryId,
      kind: 'dream',
      body: 'RECENT-DREAM the sea house again',
      details: { setting: 'the sea house', feelings: [{ name: 'dread', intensity: 3 }] },
      // The older dream is shared too, so the therapist may know it recurs.
      recursIds: [w.older.entryId],
    });
    expect(item.readAt).toEqual(expect.any(String));
    const [firstRead] = await ownerQuery<{ first_read_at: Date }>(
      t.ctx,
      w.practiceId,
      'SELECT first_read_at FROM journal_reads WHERE share_id = $1',
      [w.recent.shareId],
    );
    await get(url, w.pair.therapistCookie);
    const reads = await ownerQuery<{ first_read_at: Date; read_at: Date }>(
      t.ctx,
      w.practiceId,
      'SELECT first_read_at, read_at FROM journal_reads WHERE share_id = $1',
      [w.recent.shareId],
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]?.first_read_at).toEqual(firstRead?.first_read_at);

    await touchEntry(t.ctx, w.practiceId, w.recent.entryId, new Date(Date.now() + 60_000));
    const list = (await get(listUrl(w), w.pair.therapistCookie)).json();
    expect(list.items[0]).toMatchObject({ shareId: w.recent.shareId, updatedSinceRead: true });
    expect(list.items[0].readAt).toEqual(expect.any(String));

    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.shared_read');
    expect(events[0]).toMatchObject({
      outcome: 'success',
      subject_type: 'journal_share',
      subject_id: w.recent.shareId,
      subject_user_id: w.pair.client.userId,
    });
  });

  it('names only those earlier dreams that are shared themselves', async () => {
    const w = await world();
    await ownerQuery(t.ctx, w.practiceId, 'UPDATE journal_shares SET withdrawn_at = now() WHERE id = $1', [
      w.older.shareId,
    ]);
    const { entry } = (await get(`${listUrl(w)}/${w.recent.shareId}`, w.pair.therapistCookie)).json();
    expect(entry.recursIds).toEqual([]);
  });

  it('a withdrawn share answers 410 with the date, never the content, and is not marked read', async () => {
    const w = await world();
    const res = await get(`${listUrl(w)}/${w.withdrawn.shareId}`, w.pair.therapistCookie);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toEqual({
      error: 'withdrawn',
      message: expect.stringMatching(
        /^Sam Client withdrew this entry on \w+day \d+ \w+ \d{4} at \d\d:\d\d; it is no longer available to you\.$/,
      ),
    });
    expect(res.body).not.toContain('WITHDRAWN-TEXT');
    expect(
      await ownerQuery(t.ctx, w.practiceId, 'SELECT 1 FROM journal_reads WHERE share_id = $1', [w.withdrawn.shareId]),
    ).toHaveLength(0);
    const refused = (await auditEventsOf(t.ctx, w.practiceId)).find((e) => e.action === 'journal.shared_read');
    expect(refused).toMatchObject({
      outcome: 'failure',
      details: { reason: 'withdrawn' },
      subject_user_id: w.pair.client.userId,
    });
  });

  it("another client's share is not found under this client", async () => {
    const w = await world();
    const second = await carePair(t, w.practiceId, { therapist: w.pair.therapist });
    const res = await get(
      `/api/journal/clients/${second.client.userId}/shared/${w.recent.shareId}`,
      w.pair.therapistCookie,
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('RECENT-DREAM');
  });
});

describe('marking unread, and the caseload summary', () => {
  it('counts unread and to-bring shares per client of my current caseload, and marking unread counts again', async () => {
    const w = await world();
    const quiet = await carePair(t, w.practiceId, { therapist: w.pair.therapist });
    const summary = async () =>
      (await get('/api/journal/shared-summary', w.pair.therapistCookie)).json().clients as {
        clientId: string;
        unread: number;
        toBring: number;
      }[];
    const of = async (clientId: string) => (await summary()).find((c) => c.clientId === clientId);
    expect(await of(w.pair.client.userId)).toEqual({ clientId: w.pair.client.userId, unread: 2, toBring: 1 });
    expect(await of(quiet.client.userId)).toEqual({ clientId: quiet.client.userId, unread: 0, toBring: 0 });

    await get(`${listUrl(w)}/${w.recent.shareId}`, w.pair.therapistCookie);
    expect(await of(w.pair.client.userId)).toMatchObject({ unread: 1, toBring: 1 });

    const unread = await t.app.inject({
      method: 'POST',
      url: `${listUrl(w)}/${w.recent.shareId}/unread`,
      headers: { cookie: w.pair.therapistCookie, ...CSRF },
    });
    expect(unread.statusCode).toBe(200);
    expect(unread.json().item).toMatchObject({ shareId: w.recent.shareId, readAt: null, updatedSinceRead: false });
    expect(await of(w.pair.client.userId)).toMatchObject({ unread: 2 });
    // The client can still see that it was read.
    const kept = await ownerQuery<{ first_read_at: Date }>(
      t.ctx,
      w.practiceId,
      'SELECT first_read_at FROM journal_reads WHERE share_id = $1',
      [w.recent.shareId],
    );
    expect(kept[0]?.first_read_at).toBeInstanceOf(Date);

    // Another therapist's caseload has none of it.
    const other = await addPerson(t.ctx, w.practiceId, ['therapist']);
    const theirs = (await get('/api/journal/shared-summary', await sessionCookie(t.ctx, other))).json();
    expect(theirs).toEqual({ clients: [] });

    const events = await auditEventsOf(t.ctx, w.practiceId);
    expect(events.find((e) => e.action === 'journal.shared_marked_unread')).toMatchObject({
      outcome: 'success',
      subject_id: w.recent.shareId,
      subject_user_id: w.pair.client.userId,
    });
  });
});
