import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { addSession } from '../../test-support/frame-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { journalHelpers, type JournalWorld } from '../../test-support/journal-fixtures.js';

/**
 * The client's own entries: exact text, the length limit, reading, sharing and withdrawing, deleting,
 * links to dreams and sessions, and that nobody else — another client, any staff role — gets at them.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const { journalWorld, newId, call, saveEntry, writeEntry } = journalHelpers(() => t);

const entryUrl = (id: string) => `/api/journal/entries/${id}`;

describe('saving and reading an entry', () => {
  it('keeps any Unicode exactly: emoji, right-to-left text, combining marks, odd spacing', async () => {
    const w = await journalWorld();
    const body =
      '  I dreamt of 👩🏽‍🚀 and 🏳️‍🌈\r\n' +
      'שלום עולם — مرحبا بالعالم\u200f\n' +
      'e\u0301 (combining) and é (composed), Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇\t\u00a0\n' +
      '𝔘𝔫𝔡𝔢𝔯 and ﬁ and 〜 trailing space   ';
    const details = {
      setting: 'A house 🏠 that was also a ship',
      people: 'אמא, my brother',
      feelings: [{ name: 'dread 😨', intensity: 4 }],
      dayBefore: 'Cafe\u0301',
      associations: '',
    };
    const id = newId();
    const saved = await saveEntry(w.clientCookie, id, body, 0, {
      kind: 'dream',
      details,
      dreamtOn: '2026-11-24',
      dreamPeriod: 'night',
      nightmare: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().entry.body).toBe(body);
    const read = await call(w.clientCookie, 'GET', entryUrl(id));
    expect(read.statusCode).toBe(200);
    const entry = read.json().entry;
    expect(entry.body).toBe(body);
    expect(entry.details).toEqual(details);
    expect(entry.details.dayBefore).toBe('Cafe\u0301');
    expect(entry).toMatchObject({
      id,
      kind: 'dream',
      version: 1,
      dreamtOn: '2026-11-24',
      nightmare: true,
      lucid: false,
    });
    expect(entry.wordCount).toBe(body.split(/\s+/u).filter(Boolean).length);
  });

  it('returns pasted HTML as the text it is', async () => {
    const w = await journalWorld();
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; <b>bold</b>';
    const id = await writeEntry(w.clientCookie, html);
    const res = await call(w.clientCookie, 'GET', entryUrl(id));
    expect(res.json().entry.body).toBe(html);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const list = await call(w.clientCookie, 'GET', '/api/journal/entries');
    expect(list.json().entries[0].excerpt).toBe(html);
  });

  it('refuses 100,001 characters with a message saying what to do, and takes 100,000 emoji', async () => {
    const w = await journalWorld();
    const tooLong = await saveEntry(w.clientCookie, newId(), 'a'.repeat(100_001));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toEqual({
      error: 'too_long',
      message:
        'This entry is 100,001 characters long; one entry holds up to 100,000. Please split it into two entries.',
    });
    // Details count too.
    const withDetails = await saveEntry(w.clientCookie, newId(), 'a'.repeat(99_999), 0, {
      kind: 'dream',
      details: { setting: 'ab', people: '', feelings: [], dayBefore: '', associations: '' },
    });
    expect(withDetails.json().error).toBe('too_long');
    // An emoji is one character (two UTF-16 units, four bytes).
    const emoji = '🌊'.repeat(100_000);
    const id = newId();
    const fits = await saveEntry(w.clientCookie, id, emoji);
    expect(fits.statusCode).toBe(200);
    expect((await call(w.clientCookie, 'GET', entryUrl(id))).json().entry.body).toBe(emoji);
    expect((await saveEntry(w.clientCookie, newId(), `${emoji}x`)).json().error).toBe('too_long');
  });

  it('counts words, keeps an excerpt and stores no plaintext', async () => {
    const w = await journalWorld();
    const body = `The  lake\nwas\u3000frozen. ${'word '.repeat(100)}`;
    const id = await writeEntry(w.clientCookie, body);
    const list = await call(w.clientCookie, 'GET', '/api/journal/entries');
    const summary = list.json().entries[0];
    expect(summary.wordCount).toBe(104);
    expect(summary.excerpt.startsWith('The lake was frozen. word word')).toBe(true);
    expect(summary.excerpt.endsWith('…')).toBe(true);
    expect([...summary.excerpt].length).toBe(201);
    const rows = await scopedQuery<{ body_enc: string; excerpt_enc: string }>(
      t.ctx,
      w.practiceId,
      'SELECT body_enc, excerpt_enc FROM journal_entries WHERE id = $1',
      [id],
    );
    expect(rows[0]?.body_enc).toMatch(/^uc1\.clinical\./);
    expect(rows[0]?.excerpt_enc).toMatch(/^uc1\.clinical\./);
    expect(JSON.stringify(rows)).not.toContain('frozen');
  });

  it('refuses to change the kind of an entry', async () => {
    const w = await journalWorld();
    const id = await writeEntry(w.clientCookie, 'first');
    const res = await saveEntry(w.clientCookie, id, 'first', 1, { kind: 'dream' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('kind_changed');
  });

  it('links a dream only to the same client’s dreams (dropping other links), and a reflection only to their own session', async () => {
    const w = await journalWorld();
    const dream = await writeEntry(w.clientCookie, 'the first dream', { kind: 'dream' });
    const reflection = await writeEntry(w.clientCookie, 'not a dream');
    const othersDream = await writeEntry(w.otherCookie, 'their dream', { kind: 'dream' });
    const ok = await saveEntry(w.clientCookie, newId(), 'again', 0, { kind: 'dream', recursIds: [dream] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().entry.recursIds).toEqual([dream]);
    // Anything else is dropped from the links, never a refusal: the text must save whatever the links say.
    for (const recursIds of [[othersDream], [reflection], [dream, newId()]]) {
      const res = await saveEntry(w.clientCookie, newId(), 'again', 0, { kind: 'dream', recursIds });
      expect(res.statusCode).toBe(200);
      expect(res.json().entry.recursIds).toEqual(recursIds.includes(dream) ? [dream] : []);
    }
    const session = await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 86_400_000));
    const linked = await saveEntry(w.clientCookie, newId(), 'after the session', 0, { appointmentId: session });
    expect(linked.json().entry.appointmentId).toBe(session);
    const foreign = await saveEntry(w.otherCookie, newId(), 'after the session', 0, { appointmentId: session });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toBe('unknown_session');
  });

  it('records who did what in the audit log, without the text', async () => {
    const w = await journalWorld();
    const id = await writeEntry(w.clientCookie, 'secret words');
    await saveEntry(w.clientCookie, id, 'secret words, more', 1);
    await call(w.clientCookie, 'GET', entryUrl(id));
    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action.startsWith('journal.'));
    expect(events.map((e) => [e.action, e.subject_id, e.subject_user_id])).toEqual([
      ['journal.entry_created', id, w.client.userId],
      ['journal.entry_saved', id, w.client.userId],
      ['journal.entry_viewed', id, w.client.userId],
    ]);
    expect(JSON.stringify(events)).not.toContain('secret');
  });
});

describe('only the client reaches their entries', () => {
  it('answers another client as if the entry did not exist, and changes nothing', async () => {
    const w = await journalWorld();
    const id = await writeEntry(w.clientCookie, 'mine alone');
    const notFound = { error: 'not_found', message: 'There is no such entry in your journal.' };
    for (const [method, url, payload] of [
      ['GET', entryUrl(id), undefined],
      ['PUT', entryUrl(id), { kind: 'reflection', baseVersion: 1, body: 'overwritten' }],
      ['PUT', entryUrl(id), { kind: 'reflection', baseVersion: 0, body: 'overwritten' }],
      ['DELETE', entryUrl(id), undefined],
      ['POST', `${entryUrl(id)}/share`, { bringNext: true }],
      ['POST', `${entryUrl(id)}/withdraw`, undefined],
      ['PUT', `${entryUrl(id)}/tags`, { tagIds: [] }],
    ] as const) {
      const res = await call(w.otherCookie, method, url, payload);
      expect([method, url, res.statusCode]).toEqual([method, url, 404]);
      expect(res.json()).toEqual(notFound);
    }
    const mine = await call(w.clientCookie, 'GET', entryUrl(id));
    expect(mine.json().entry).toMatchObject({ body: 'mine alone', version: 1, sharing: { state: 'private' } });
  });

  it('is not open to any staff role, even the client’s own therapist', async () => {
    const w = await journalWorld();
    const id = await writeEntry(w.clientCookie, 'mine alone');
    for (const url of [entryUrl(id), '/api/journal/entries', '/api/journal/tags', '/api/journal/export?format=json']) {
      const res = await call(w.therapistCookie, 'GET', url);
      expect([url, res.statusCode]).toEqual([url, 403]);
    }
  });
});

describe('sharing, withdrawing and deleting', () => {
  async function inCareWithNextSession(w: JournalWorld) {
    await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 3 * 86_400_000));
    await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 9 * 86_400_000));
    await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 86_400_000), { status: 'cancelled_client' });
    const next = new Date(Date.now() + 2 * 86_400_000);
    return { id: await addSession(t, w.practiceId, w.pair, next), startsAt: next.toISOString() };
  }

  it('shares, marks to bring to the next session, shows when it was read, and withdraws', async () => {
    const w = await journalWorld();
    const next = await inCareWithNextSession(w);
    const id = await writeEntry(w.clientCookie, 'to talk about');
    const shared = await call(w.clientCookie, 'POST', `${entryUrl(id)}/share`, { bringNext: false });
    expect(shared.statusCode).toBe(200);
    expect(shared.json().entry.sharing).toMatchObject({
      state: 'shared',
      bringNext: false,
      bringSession: null,
      withdrawnAt: null,
      readAt: null,
    });
    const bring = await call(w.clientCookie, 'POST', `${entryUrl(id)}/share`, { bringNext: true });
    expect(bring.json().entry.sharing).toMatchObject({ state: 'shared', bringNext: true, bringSession: next });
    const shares = await scopedQuery<{ id: string; bring_marked_at: Date | null }>(
      t.ctx,
      w.practiceId,
      'SELECT id, bring_marked_at FROM journal_shares WHERE entry_id = $1',
      [id],
    );
    expect(shares).toHaveLength(1);
    expect(shares[0]?.bring_marked_at).not.toBeNull();
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `INSERT INTO journal_reads (practice_id, share_id, therapist_id, first_read_at) VALUES ($1, $2, $3, now() - interval '1 hour')`,
      [w.practiceId, shares[0]?.id, w.pair.therapist.userId],
    );
    const read = await call(w.clientCookie, 'GET', entryUrl(id));
    expect(read.json().entry.sharing.readAt).not.toBeNull();
    const withdrawn = await call(w.clientCookie, 'POST', `${entryUrl(id)}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().entry.sharing).toMatchObject({ state: 'withdrawn', bringNext: false, bringSession: null });
    expect(withdrawn.json().entry.sharing.withdrawnAt).not.toBeNull();
    // Withdrawing again (a retried request) changes nothing.
    const again = await call(w.clientCookie, 'POST', `${entryUrl(id)}/withdraw`);
    expect(again.json().entry.sharing.withdrawnAt).toBe(withdrawn.json().entry.sharing.withdrawnAt);
    // Shared anew: a second share, live again, not yet read.
    const reshared = await call(w.clientCookie, 'POST', `${entryUrl(id)}/share`, { bringNext: false });
    expect(reshared.json().entry.sharing).toMatchObject({ state: 'shared', readAt: null, withdrawnAt: null });
    const events = (await auditEventsOf(t.ctx, w.practiceId)).map((e) => e.action);
    expect(events.filter((a) => a === 'journal.entry_shared')).toHaveLength(3);
    expect(events.filter((a) => a === 'journal.entry_withdrawn')).toHaveLength(2);
  });

  it('refuses to delete a shared entry until it is withdrawn; the share keeps its row', async () => {
    const w = await journalWorld();
    const id = await writeEntry(w.clientCookie, 'shared then deleted');
    const dream = await writeEntry(w.clientCookie, 'a dream', { kind: 'dream' });
    const later = await writeEntry(w.clientCookie, 'again', { kind: 'dream', recursIds: [dream] });
    await call(w.clientCookie, 'POST', `${entryUrl(id)}/share`, { bringNext: true });
    const refused = await call(w.clientCookie, 'DELETE', entryUrl(id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('shared');
    expect(refused.json().message).toMatch(/Withdraw it from your therapist first/);
    expect((await call(w.clientCookie, 'GET', entryUrl(id))).statusCode).toBe(200);
    await call(w.clientCookie, 'POST', `${entryUrl(id)}/withdraw`);
    const deleted = await call(w.clientCookie, 'DELETE', entryUrl(id));
    expect(deleted.statusCode).toBe(200);
    expect((await call(w.clientCookie, 'GET', entryUrl(id))).statusCode).toBe(404);
    const shares = await scopedQuery<{ entry_id: string | null; withdrawn_at: Date | null }>(
      t.ctx,
      w.practiceId,
      'SELECT entry_id, withdrawn_at FROM journal_shares WHERE client_id = $1',
      [w.client.userId],
    );
    expect(shares).toHaveLength(1);
    expect(shares[0]?.entry_id).toBeNull();
    expect(shares[0]?.withdrawn_at).not.toBeNull();
    // A dream deleted is no longer linked from later dreams.
    expect((await call(w.clientCookie, 'DELETE', entryUrl(dream))).statusCode).toBe(200);
    expect((await call(w.clientCookie, 'GET', entryUrl(later))).json().entry.recursIds).toEqual([]);
    const actions = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'journal.entry_deleted');
    expect(actions.map((e) => e.outcome)).toEqual(['failure', 'success', 'success']);
  });
});
