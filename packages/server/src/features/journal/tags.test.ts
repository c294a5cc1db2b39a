import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { journalHelpers } from '../../test-support/journal-fixtures.js';

/** The client's tags: made once per name, named on entries, counted, deleted; only their own. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { journalWorld, call, writeEntry } = journalHelpers(() => t);

async function makeTag(cookie: string, name: string) {
  const res = await call(cookie, 'POST', '/api/journal/tags', { name });
  return res;
}

const setTags = (cookie: string, id: string, tagIds: string[]) =>
  call(cookie, 'PUT', `/api/journal/entries/${id}/tags`, { tagIds });

describe('tags', () => {
  it('makes a tag once per name whatever its case, lists them by name with counts, stores names encrypted', async () => {
    const w = await journalWorld();
    const water = (await makeTag(w.clientCookie, 'Water')).json().tag;
    expect(water).toMatchObject({ name: 'Water', count: 0 });
    const again = await makeTag(w.clientCookie, '  wATer ');
    expect(again.statusCode).toBe(200);
    expect(again.json().tag.id).toBe(water.id);
    const mother = (await makeTag(w.clientCookie, 'mother 👩')).json().tag;
    const after = (await makeTag(w.clientCookie, 'Ärger')).json().tag;
    const a = await writeEntry(w.clientCookie, 'one');
    const b = await writeEntry(w.clientCookie, 'two');
    const tagged = await setTags(w.clientCookie, a, [water.id, mother.id, water.id]);
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json().entry.tags).toEqual([
      { id: mother.id, name: 'mother 👩' },
      { id: water.id, name: 'Water' },
    ]);
    expect(tagged.json().entry.version).toBe(1);
    await setTags(w.clientCookie, b, [water.id]);
    const listed = await call(w.clientCookie, 'GET', '/api/journal/tags');
    expect(listed.json().tags).toEqual([
      { id: after.id, name: 'Ärger', count: 0 },
      { id: mother.id, name: 'mother 👩', count: 1 },
      { id: water.id, name: 'Water', count: 2 },
    ]);
    // Setting replaces.
    expect((await setTags(w.clientCookie, a, [after.id])).json().entry.tags).toEqual([{ id: after.id, name: 'Ärger' }]);
    const stored = await scopedQuery(t.ctx, w.practiceId, 'SELECT name_enc FROM journal_tags WHERE client_id = $1', [
      w.client.userId,
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/Water|mother/);
  });

  it('refuses an empty name', async () => {
    const w = await journalWorld();
    expect((await makeTag(w.clientCookie, '   ')).statusCode).toBe(400);
    expect((await makeTag(w.clientCookie, '')).statusCode).toBe(400);
  });

  it('deleting a tag takes it off every entry; the entries stay', async () => {
    const w = await journalWorld();
    const tag = (await makeTag(w.clientCookie, 'sea')).json().tag;
    const id = await writeEntry(w.clientCookie, 'one');
    await setTags(w.clientCookie, id, [tag.id]);
    expect((await call(w.clientCookie, 'DELETE', `/api/journal/tags/${tag.id}`)).statusCode).toBe(200);
    const entry = (await call(w.clientCookie, 'GET', `/api/journal/entries/${id}`)).json().entry;
    expect(entry).toMatchObject({ body: 'one', tags: [] });
    expect((await call(w.clientCookie, 'GET', '/api/journal/tags')).json().tags).toEqual([]);
  });

  it('keeps each client’s tags their own', async () => {
    const w = await journalWorld();
    const mine = (await makeTag(w.clientCookie, 'private word')).json().tag;
    const theirs = (await makeTag(w.otherCookie, 'private word')).json().tag;
    expect(theirs.id).not.toBe(mine.id);
    const myEntry = await writeEntry(w.clientCookie, 'one');
    const refused = await setTags(w.clientCookie, myEntry, [theirs.id]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toBe('unknown_tag');
    expect((await call(w.otherCookie, 'DELETE', `/api/journal/tags/${mine.id}`)).statusCode).toBe(404);
    expect((await call(w.clientCookie, 'GET', '/api/journal/tags')).json().tags).toEqual([{ ...mine, count: 0 }]);
    expect((await call(w.therapistCookie, 'GET', '/api/journal/tags')).statusCode).toBe(403);
    const changed = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.tags_changed');
    expect(changed.map((e) => [e.outcome, e.subject_user_id])).toEqual([
      ['success', w.client.userId],
      ['success', w.other.userId],
      ['failure', w.client.userId],
      ['failure', w.other.userId],
    ]);
  });
});
