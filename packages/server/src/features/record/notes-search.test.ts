import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { addSession, carePair, careEpisode, DAY, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { foldForSearch } from '../journal/entry-text.js';
import { foldLong, snippetOf } from './notes-search-text.js';

/** Searching the progress notes of my caseload: what is searched, what never is, who may search. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

const search = (cookie: string, q: string) => send('GET', `/api/record/search?q=${encodeURIComponent(q)}`, cookie);

let daysAgo = 1;
/** A note for a new past session of the pair, written and (optionally) signed and amended through the routes. */
async function writeNote(
  pair: CarePair,
  practiceId: string,
  content: { narrative: string; fields?: Record<string, string>; amendment?: string; cookie?: string },
): Promise<string> {
  const cookie = content.cookie ?? pair.therapistCookie;
  const appointmentId = await addSession(t, practiceId, pair, new Date(Date.now() - (daysAgo += 1) * DAY));
  const created = await send('POST', `/api/record/clients/${pair.client.userId}/notes`, cookie, { appointmentId });
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().note.id as string;
  const saved = await send('PUT', `/api/record/notes/${id}`, cookie, {
    baseVersion: 1,
    narrative: content.narrative,
    fields: content.fields ?? {},
    materialEntryIds: [],
    dreamEntryIds: [],
    defences: [],
    interventions: [],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  if (content.amendment) {
    const signed = await send('POST', `/api/record/notes/${id}/sign`, cookie, { baseVersion: 2 });
    expect(signed.statusCode, signed.body).toBe(200);
    const amended = await send('POST', `/api/record/notes/${id}/amendments`, cookie, {
      reason: 'A correction',
      text: content.amendment,
    });
    expect(amended.statusCode, amended.body).toBe(200);
  }
  return id;
}

describe('searching my caseload’s notes', () => {
  it('finds words in the narrative, the fields and amendments, case and accents folded, newest first', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await carePair(t, practiceId);
    const long = `${'Filler words about the week. '.repeat(20)}Then she spoke of the CAFÉ by the river at dusk. ${'More filler. '.repeat(20)}`;
    const inNarrative = await writeNote(pair, practiceId, { narrative: long });
    const inFields = await writeNote(pair, practiceId, {
      narrative: 'Quiet session.',
      fields: { themes: 'Loss', transference: 'Naïve trust of me' },
    });
    const inAmendment = await writeNote(pair, practiceId, {
      narrative: 'Signed then corrected.',
      amendment: 'She mentioned the Zürich trip.',
    });
    const cafe = (await search(pair.therapistCookie, 'cafe RIVER')).json();
    expect(cafe.searched).toBe(3);
    expect(cafe.results).toEqual([
      expect.objectContaining({
        noteId: inNarrative,
        clientId: pair.client.userId,
        clientName: 'Sam Client',
        status: 'draft',
        matchedIn: 'narrative',
      }),
    ]);
    const snippet = cafe.results[0].snippet as string;
    expect(snippet).toContain('CAFÉ by the river');
    expect(Array.from(snippet).length).toBeLessThanOrEqual(162);
    expect(snippet.startsWith('…')).toBe(true);

    expect((await search(pair.therapistCookie, 'NAIVE')).json().results).toEqual([
      expect.objectContaining({ noteId: inFields, matchedIn: 'fields', snippet: 'Naïve trust of me' }),
    ]);
    expect((await search(pair.therapistCookie, 'zurich')).json().results).toEqual([
      expect.objectContaining({ noteId: inAmendment, matchedIn: 'amendment', status: 'signed' }),
    ]);
    // Every word must occur.
    expect((await search(pair.therapistCookie, 'café zurich')).json().results).toEqual([]);
    // Newest first: the first note is the most recent session.
    const all = (await search(pair.therapistCookie, 's')).json().results.map((r: { noteId: string }) => r.noteId);
    expect(all).toEqual([inNarrative, inFields, inAmendment]);

    const events = (await auditEventsOf(t.ctx, practiceId)).filter(
      (e) => e.action === 'record.notes_listed' && (e.details as { search?: boolean }).search,
    );
    expect(events.map((e) => [e.subject_user_id, e.details])).toEqual([
      [pair.client.userId, { search: true, results: 1 }],
      [pair.client.userId, { search: true, results: 1 }],
      [pair.client.userId, { search: true, results: 1 }],
      [pair.client.userId, { search: true, results: 3 }],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/caf|river|zurich|naive/i);
  });

  it('searches colleagues’ notes on my clients, never another caseload, an ended care, process notes or another practice', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const marker = `MARK${crypto.randomBytes(4).toString('hex')}`;
    const mine = await carePair(t, practiceId);
    const other = await carePair(t, practiceId);
    // A colleague who also cares for my client writes a note on them.
    const colleague = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Colleague' });
    await careEpisode(t, practiceId, colleague, mine.client);
    const colleagueCookie = await sessionCookie(t.ctx, colleague);
    const colleagueNote = await writeNote(
      { ...mine, therapist: colleague, therapistCookie: colleagueCookie },
      practiceId,
      { narrative: `${marker} colleague` },
    );
    const myNote = await writeNote(mine, practiceId, { narrative: `${marker} mine` });
    await writeNote(other, practiceId, { narrative: `${marker} other caseload` });
    // A client whose care with me has ended.
    const ended = await carePair(t, practiceId, { therapist: mine.therapist });
    await writeNote({ ...ended, therapistCookie: mine.therapistCookie }, practiceId, { narrative: `${marker} ended` });
    await scopedQuery(
      t.ctx,
      practiceId,
      `UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1 AND client_id = $2`,
      [mine.therapist.userId, ended.client.userId],
    );
    // My own process note on my client.
    const processNote = await send('PUT', `/api/record/process-notes/${crypto.randomUUID()}`, mine.therapistCookie, {
      clientId: mine.client.userId,
      appointmentId: null,
      baseVersion: 0,
      body: `${marker} process`,
    });
    expect(processNote.statusCode, processNote.body).toBe(200);
    // Another practice with the same marker.
    const elsewhere = await createPracticeFixture(t.ctx, 'Elsewhere');
    const far = await carePair(t, elsewhere);
    await writeNote(far, elsewhere, { narrative: `${marker} elsewhere` });

    const found = (await search(mine.therapistCookie, marker)).json();
    expect(found.results.map((r: { noteId: string }) => r.noteId).sort()).toEqual([colleagueNote, myNote].sort());
    expect(JSON.stringify(found)).not.toMatch(/process|other caseload|ended|elsewhere/);
    expect(found.searched).toBe(2);
  });

  it('refuses the admin, a supervisor and the client, and an empty or too long search with a clear 400', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await carePair(t, practiceId);
    for (const role of ['admin', 'supervisor'] as const) {
      const person = await addPerson(t.ctx, practiceId, [role]);
      expect((await search(await sessionCookie(t.ctx, person), 'x')).statusCode).toBe(403);
    }
    expect((await search(pair.clientCookie, 'x')).statusCode).toBe(403);
    for (const q of ['', '   ']) {
      const res = await search(pair.therapistCookie, q);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('Type a word or two to search for.');
    }
    const tooLong = await search(pair.therapistCookie, 'a'.repeat(201));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toMatch(/up to 200 characters/);
    expect((await search(pair.therapistCookie, 'a'.repeat(200))).statusCode).toBe(200);
  });
});

describe('folding and snippets', () => {
  it('folds long texts exactly as foldForSearch does', () => {
    const memo = new Map<string, string>();
    for (const text of [
      'Café NAÏVE Zürich ﬁne ｚｅｐ İstanbul 한국어 カ\u3099 e\u0301 ÅNGSTRÖM Straße Ⅻ — “quoted” it’s',
      'رأيت البحر من النافذة',
      '夢の中で'.repeat(3),
    ]) {
      expect(foldLong(text, memo)).toBe(foldForSearch(text));
    }
  });

  it('cuts about 160 characters around the first match, white space collapsed', () => {
    const text = `${'a '.repeat(200)}the Zürich\n\ntrip ${'b '.repeat(200)}`;
    const snippet = snippetOf(text, ['zurich']);
    expect(snippet).toContain('the Zürich trip');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(Array.from(snippet).length).toBeLessThanOrEqual(162);
    expect(snippetOf('  short   text ', ['x'])).toBe('short text');
  });
});
