import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { journalHelpers } from '../../test-support/journal-fixtures.js';

/**
 * The timeline and search: newest first, pages by cursor, filters by kind, sharing and tag, and a
 * search over the text of the client's own entries only (case and accents ignored).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { journalWorld, call, writeEntry } = journalHelpers(() => t);

interface Summary {
  id: string;
  excerpt: string;
  kind: string;
  sharing: { state: string; bringNext: boolean };
  tags: { id: string; name: string }[];
}

async function list(cookie: string, query = '') {
  const res = await call(cookie, 'GET', `/api/journal/entries${query}`);
  if (res.statusCode !== 200) throw new Error(`listing failed: ${res.body}`);
  return res.json() as { entries: Summary[]; nextCursor: string | null };
}

const excerpts = (page: { entries: Summary[] }) => page.entries.map((e) => e.excerpt);

describe('the timeline', () => {
  it('lists newest first, a page at a time', async () => {
    const w = await journalWorld();
    for (let i = 1; i <= 7; i++) await writeEntry(w.clientCookie, `entry ${i}`);
    const all = await list(w.clientCookie);
    expect(excerpts(all)).toEqual(['entry 7', 'entry 6', 'entry 5', 'entry 4', 'entry 3', 'entry 2', 'entry 1']);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(w.clientCookie, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...excerpts(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(excerpts(all));
  });

  it('orders entries made in the same instant by id, without skipping any across pages', async () => {
    const w = await journalWorld();
    for (let i = 1; i <= 5; i++) await writeEntry(w.clientCookie, `same time ${i}`);
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `UPDATE journal_entries SET created_at = '2026-01-01T10:00:00.123456Z' WHERE client_id = $1`,
      [w.client.userId],
    );
    const first = await list(w.clientCookie, '?limit=2');
    const second = await list(w.clientCookie, `?limit=2&cursor=${first.nextCursor}`);
    const third = await list(w.clientCookie, `?limit=2&cursor=${second.nextCursor}`);
    const ids = [...first.entries, ...second.entries, ...third.entries].map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make, and a limit beyond 5,000', async () => {
    const w = await journalWorld();
    const bad = await call(w.clientCookie, 'GET', '/api/journal/entries?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid_cursor');
    expect((await call(w.clientCookie, 'GET', '/api/journal/entries?limit=5001')).statusCode).toBe(400);
    expect((await call(w.clientCookie, 'GET', '/api/journal/entries?limit=5000')).statusCode).toBe(200);
  });

  it('filters by kind, sharing and tag', async () => {
    const w = await journalWorld();
    const dream = await writeEntry(w.clientCookie, 'a dream', { kind: 'dream' });
    const shared = await writeEntry(w.clientCookie, 'shared reflection');
    const toBring = await writeEntry(w.clientCookie, 'to bring', { kind: 'check_in', mood: 4 });
    const withdrawn = await writeEntry(w.clientCookie, 'withdrawn one');
    await call(w.clientCookie, 'POST', `/api/journal/entries/${shared}/share`, { bringNext: false });
    await call(w.clientCookie, 'POST', `/api/journal/entries/${toBring}/share`, { bringNext: true });
    await call(w.clientCookie, 'POST', `/api/journal/entries/${withdrawn}/share`, { bringNext: true });
    await call(w.clientCookie, 'POST', `/api/journal/entries/${withdrawn}/withdraw`);
    const tag = (await call(w.clientCookie, 'POST', '/api/journal/tags', { name: 'water' })).json().tag;
    await call(w.clientCookie, 'PUT', `/api/journal/entries/${dream}/tags`, { tagIds: [tag.id] });
    await call(w.clientCookie, 'PUT', `/api/journal/entries/${toBring}/tags`, { tagIds: [tag.id] });

    expect(excerpts(await list(w.clientCookie, '?kind=dream'))).toEqual(['a dream']);
    expect(excerpts(await list(w.clientCookie, '?sharing=private'))).toEqual(['withdrawn one', 'a dream']);
    expect(excerpts(await list(w.clientCookie, '?sharing=shared'))).toEqual(['to bring', 'shared reflection']);
    expect(excerpts(await list(w.clientCookie, '?sharing=to_bring'))).toEqual(['to bring']);
    expect(excerpts(await list(w.clientCookie, `?tag=${tag.id}`))).toEqual(['to bring', 'a dream']);
    expect(excerpts(await list(w.clientCookie, `?tag=${tag.id}&sharing=private`))).toEqual(['a dream']);
    const all = await list(w.clientCookie);
    expect(all.entries.map((e) => [e.excerpt, e.sharing, e.tags.map((x) => x.name)])).toEqual([
      ['withdrawn one', { state: 'withdrawn', bringNext: false }, []],
      ['to bring', { state: 'shared', bringNext: true }, ['water']],
      ['shared reflection', { state: 'shared', bringNext: false }, []],
      ['a dream', { state: 'private', bringNext: false }, ['water']],
    ]);
    const actions = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.listed');
    expect(actions.at(-1)?.details).toEqual({ results: 4 });
  });
});

describe('search', () => {
  it('finds every word, ignoring case, accents and compatibility forms, in bodies and dream details', async () => {
    const w = await journalWorld();
    await writeEntry(w.clientCookie, 'Café with my Mother near the ﬁeld');
    await writeEntry(w.clientCookie, 'A boat', {
      kind: 'dream',
      details: { setting: 'the sea', people: 'my mother', feelings: [], dayBefore: 'ÉCOLE', associations: '' },
    });
    await writeEntry(w.clientCookie, 'nothing here');
    expect(excerpts(await list(w.clientCookie, '?q=cafe'))).toEqual(['Café with my Mother near the ﬁeld']);
    expect(excerpts(await list(w.clientCookie, '?q=MOTHER'))).toEqual(['A boat', 'Café with my Mother near the ﬁeld']);
    expect(excerpts(await list(w.clientCookie, '?q=mother%20sea'))).toEqual(['A boat']);
    expect(excerpts(await list(w.clientCookie, '?q=ecole'))).toEqual(['A boat']);
    expect(excerpts(await list(w.clientCookie, '?q=field'))).toEqual(['Café with my Mother near the ﬁeld']);
    expect(excerpts(await list(w.clientCookie, '?q=mother%20absent'))).toEqual([]);
    expect(excerpts(await list(w.clientCookie, '?q=mother&kind=reflection'))).toEqual([
      'Café with my Mother near the ﬁeld',
    ]);
    const searched = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.searched');
    expect(searched.map((e) => e.details)).toContainEqual({ results: 2 });
    expect(JSON.stringify(searched)).not.toContain('mother');
  });

  it('finds Unicode text of any script', async () => {
    const w = await journalWorld();
    await writeEntry(w.clientCookie, 'חלמתי על הים 🌊 и о доме');
    expect(excerpts(await list(w.clientCookie, '?q=%D7%94%D7%99%D7%9D'))).toHaveLength(1);
    expect(excerpts(await list(w.clientCookie, `?q=${encodeURIComponent('ДОМЕ')}`))).toHaveLength(1);
    expect(excerpts(await list(w.clientCookie, `?q=${encodeURIComponent('🌊')}`))).toHaveLength(1);
  });

  it('pages through matches', async () => {
    const w = await journalWorld();
    for (let i = 1; i <= 9; i++) await writeEntry(w.clientCookie, i % 2 ? `river ${i}` : `stone ${i}`);
    const first = await list(w.clientCookie, '?q=river&limit=2');
    expect(excerpts(first)).toEqual(['river 9', 'river 7']);
    const second = await list(w.clientCookie, `?q=river&limit=2&cursor=${first.nextCursor}`);
    expect(excerpts(second)).toEqual(['river 5', 'river 3']);
    const third = await list(w.clientCookie, `?q=river&limit=2&cursor=${second.nextCursor}`);
    expect(excerpts(third)).toEqual(['river 1']);
    expect(third.nextCursor).toBeNull();
  });

  it('never returns another client’s entries, in the same practice or another', async () => {
    const w = await journalWorld();
    const elsewhere = await journalWorld();
    await writeEntry(w.otherCookie, 'lighthouse of the other client');
    await writeEntry(elsewhere.clientCookie, 'lighthouse in another practice');
    await writeEntry(w.clientCookie, 'my own lighthouse');
    expect(excerpts(await list(w.clientCookie, '?q=lighthouse'))).toEqual(['my own lighthouse']);
    expect(excerpts(await list(w.clientCookie))).toEqual(['my own lighthouse']);
    expect(excerpts(await list(w.clientCookie, '?q=other'))).toEqual([]);
    for (const cookie of [w.therapistCookie]) {
      expect((await call(cookie, 'GET', '/api/journal/entries?q=lighthouse')).statusCode).toBe(403);
    }
  });
});
