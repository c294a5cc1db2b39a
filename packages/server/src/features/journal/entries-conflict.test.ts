import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { journalHelpers, type JournalWorld } from '../../test-support/journal-fixtures.js';

/**
 * Versioned saves: the next version over the stored one; a retried save changes nothing; a save from
 * a second device over an old version keeps both texts (the stored entry and a conflict copy).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { journalWorld, newId, call, saveEntry } = journalHelpers(() => t);

const entryUrl = (id: string) => `/api/journal/entries/${id}`;
const entryCount = async (w: JournalWorld) =>
  (
    await scopedQuery<{ n: number }>(
      t.ctx,
      w.practiceId,
      'SELECT count(*)::int AS n FROM journal_entries WHERE client_id = $1',
      [w.client.userId],
    )
  )[0]?.n;

/** Ordinary words: the risk-language trigger (features/safeguarding) answers that nothing matched. */
const NOTHING_MATCHED = { showHelp: false, therapistAlerted: false, inviteToTell: false };

describe('versioned saves', () => {
  it('saves version after version', async () => {
    const w = await journalWorld();
    const id = newId();
    for (let version = 0; version < 4; version++) {
      const res = await saveEntry(w.clientCookie, id, `text ${version}`, version);
      expect(res.statusCode).toBe(200);
      expect(res.json().entry).toMatchObject({ id, version: version + 1, body: `text ${version}` });
      expect(res.json().conflictCopy).toBeNull();
    }
    expect(await entryCount(w)).toBe(1);
  });

  it('answers a retried first save with the entry it made, and makes no second one', async () => {
    const w = await journalWorld();
    const id = newId();
    const first = await saveEntry(w.clientCookie, id, 'the lost answer', 0, { mood: 3 });
    const retried = await saveEntry(w.clientCookie, id, 'the lost answer', 0, { mood: 3 });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({ entry: first.json().entry, conflictCopy: null, safeguarding: NOTHING_MATCHED });
    expect(await entryCount(w)).toBe(1);
  });

  it('answers a retried later save with the stored entry, unchanged', async () => {
    const w = await journalWorld();
    const id = newId();
    await saveEntry(w.clientCookie, id, 'one', 0);
    const second = await saveEntry(w.clientCookie, id, 'one two', 1, { kind: 'reflection', secondsSpent: 12 });
    const retried = await saveEntry(w.clientCookie, id, 'one two', 1, { secondsSpent: 12 });
    expect(retried.json()).toEqual({ entry: second.json().entry, conflictCopy: null, safeguarding: NOTHING_MATCHED });
    expect(retried.json().entry.version).toBe(2);
    const saves = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.entry_saved');
    expect(saves.map((e) => e.details)).toEqual([{ version: 2 }, { version: 2, retried: true }]);
  });

  it('keeps both texts when two devices save over the same version', async () => {
    const w = await journalWorld();
    const id = newId();
    await saveEntry(w.clientCookie, id, 'the dream began', 0, { kind: 'dream' });
    const phone = await saveEntry(w.clientCookie, id, 'the dream began on a train', 1, { kind: 'dream' });
    expect(phone.json().entry.version).toBe(2);
    const laptop = await saveEntry(w.clientCookie, id, 'the dream began in a house', 1, {
      kind: 'dream',
      details: { setting: 'a house', people: '', feelings: [], dayBefore: '', associations: '' },
    });
    expect(laptop.statusCode).toBe(200);
    const { entry, conflictCopy } = laptop.json();
    expect(entry).toMatchObject({ id, version: 2, body: 'the dream began on a train', details: null });
    expect(conflictCopy).toMatchObject({
      kind: 'dream',
      version: 1,
      body: 'the dream began in a house',
      conflictOf: id,
      details: { setting: 'a house' },
    });
    expect(conflictCopy.id).not.toBe(id);
    // Both are in the journal; the device goes on editing the copy.
    const copy = await call(w.clientCookie, 'GET', entryUrl(conflictCopy.id));
    expect(copy.json().entry).toEqual(conflictCopy);
    const next = await saveEntry(w.clientCookie, conflictCopy.id, 'the dream began in a house by the sea', 1, {
      kind: 'dream',
    });
    expect(next.json().entry).toMatchObject({ version: 2, conflictOf: id });
    expect(await entryCount(w)).toBe(2);
    const copied = (await auditEventsOf(t.ctx, w.practiceId)).filter(
      (e) => e.action === 'journal.entry_conflict_copied',
    );
    expect(copied.map((e) => [e.subject_id, e.details.conflictOf])).toEqual([[conflictCopy.id, id]]);
  });

  it('makes a conflict copy when a first save meets an entry saved from elsewhere with other text', async () => {
    const w = await journalWorld();
    const id = newId();
    await saveEntry(w.clientCookie, id, 'from the phone', 0);
    const res = await saveEntry(w.clientCookie, id, 'from the laptop', 0);
    expect(res.json().entry.body).toBe('from the phone');
    expect(res.json().conflictCopy).toMatchObject({ body: 'from the laptop', conflictOf: id });
  });

  it('writes the entry anew when it was deleted on another device, so the text is not lost', async () => {
    const w = await journalWorld();
    const id = newId();
    await saveEntry(w.clientCookie, id, 'draft', 0);
    await saveEntry(w.clientCookie, id, 'draft two', 1);
    await call(w.clientCookie, 'DELETE', entryUrl(id));
    const res = await saveEntry(w.clientCookie, id, 'draft two and three', 2);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ entry: { id, version: 1, body: 'draft two and three' }, conflictCopy: null });
    const created = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.entry_created');
    expect(created.map((e) => e.details.recreated)).toEqual([false, true]);
  });

  it('makes one entry when the same first save arrives twice at once', async () => {
    const w = await journalWorld();
    const id = newId();
    const answers = await Promise.all([
      saveEntry(w.clientCookie, id, 'sent twice', 0),
      saveEntry(w.clientCookie, id, 'sent twice', 0),
      saveEntry(w.clientCookie, id, 'sent twice', 0),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.json().conflictCopy)).toEqual([null, null, null]);
    expect(await entryCount(w)).toBe(1);
  });

  it('keeps every text when saves over the same version arrive at once', async () => {
    const w = await journalWorld();
    const id = newId();
    await saveEntry(w.clientCookie, id, 'start', 0);
    const answers = await Promise.all(['a', 'b', 'c'].map((x) => saveEntry(w.clientCookie, id, `start ${x}`, 1)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.json().conflictCopy === null)).toHaveLength(1);
    const list = await call(w.clientCookie, 'GET', '/api/journal/entries');
    const excerpts = list
      .json()
      .entries.map((e: { excerpt: string }) => e.excerpt)
      .sort();
    expect(excerpts).toEqual(['start a', 'start b', 'start c']);
  });
});
