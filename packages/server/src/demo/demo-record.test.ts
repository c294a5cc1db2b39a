import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defenceById } from '@undercurrent/clinical';
import { systemActor } from '../access/actor.js';
import { scopedQuery, sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoRecord } from './demo-record.js';
import { seedDemoFormulation } from './demo-formulation.js';

/**
 * The demo record: Ruth's progress notes on Priya (signed, late, amended, a draft, defences, dreams),
 * two process notes, and Ruth's case formulation of Priya's episode with two dated reviews.
 */
let t: TestApp;
let demo: SeededDemo;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await seedDemoPractice(t.ctx, { slug: `northside-demo-${crypto.randomBytes(3).toString('hex')}` });
});
afterAll(async () => t.close());

const q = <R extends Record<string, unknown>>(sql: string, values: unknown[] = []) =>
  scopedQuery<R>(t.ctx, demo.practiceId, sql, values);

async function cookieOf(key: string): Promise<string> {
  const person = DEMO_PEOPLE.find((p) => p.key === key);
  return sessionCookie(t.ctx, {
    practiceId: demo.practiceId,
    userId: demo.userIds[key] ?? '',
    email: person?.email ?? '',
    password: DEMO_PASSWORD,
    roles: person?.roles ?? [],
  });
}

async function get(url: string, cookie: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.json() };
}

interface NoteRow extends Record<string, unknown> {
  id: string;
  appointment_id: string;
  status: string;
  version: number;
  signed_late: boolean | null;
  defences: { defence: string; level: number }[];
  interventions: string[];
  dream_entry_ids: string[];
  material_entry_ids: string[];
}

describe('the demo record', () => {
  it('Ruth has a note for each of Priya’s attended sessions but the newest: signed, one late, one amended, one draft', async () => {
    const priya = demo.userIds['priya.nair'];
    const ruth = demo.userIds['ruth.mensah'];
    const sessions = await q<{ id: string }>(
      `SELECT id FROM appointments WHERE client_id = $1 AND status = 'attended' AND ends_at <= now()
        ORDER BY starts_at DESC`,
      [priya],
    );
    const notes = await q<NoteRow>(
      `SELECT n.id, n.appointment_id, n.status, n.version, n.signed_late, n.defences, n.interventions,
              n.dream_entry_ids, n.material_entry_ids
         FROM progress_notes n JOIN appointments a ON a.id = n.appointment_id
        WHERE n.client_id = $1 AND n.author_id = $2 ORDER BY a.starts_at DESC`,
      [priya, ruth],
    );
    expect(notes.length).toBeGreaterThanOrEqual(10);
    expect(notes.map((n) => n.appointment_id)).toEqual(sessions.slice(1, notes.length + 1).map((s) => s.id));
    expect(notes.map((n) => n.status)).toEqual(['draft', ...notes.slice(1).map(() => 'signed')]);
    expect(notes.filter((n) => n.signed_late === true)).toHaveLength(1);
    expect(notes.slice(1).every((n) => n.signed_late !== null && n.version === 3)).toBe(true);
    expect(notes[0]?.version).toBe(2);

    const rated = notes.filter((n) => n.defences.length > 0);
    expect(rated.length).toBeGreaterThanOrEqual(3);
    for (const rating of rated.flatMap((n) => n.defences)) {
      expect(defenceById(rating.defence)?.level, rating.defence).toBe(rating.level);
    }
    expect(notes.filter((n) => n.interventions.length > 0).length).toBeGreaterThan(notes.length / 2);

    // Dreams discussed are dreams Priya shared (and still shares), brought before that session.
    const dreamLinks = notes.flatMap((n) => n.dream_entry_ids);
    expect(dreamLinks.length).toBeGreaterThanOrEqual(1);
    const live = await q<{ entry_id: string; kind: string }>(
      `SELECT entry_id, kind FROM journal_shares WHERE client_id = $1 AND withdrawn_at IS NULL`,
      [priya],
    );
    const liveDreams = new Set(live.filter((s) => s.kind === 'dream').map((s) => s.entry_id));
    for (const id of dreamLinks) expect(liveDreams.has(id), id).toBe(true);
    for (const n of notes) for (const id of n.dream_entry_ids) expect(n.material_entry_ids).toContain(id);

    // Every version kept; the signing is the last.
    const versions = await q<{ note_id: string; versions: number[]; kinds: string[] }>(
      `SELECT note_id, array_agg(version ORDER BY version) AS versions, array_agg(kind ORDER BY version) AS kinds
         FROM progress_note_versions WHERE note_id = ANY ($1) GROUP BY note_id`,
      [notes.map((n) => n.id)],
    );
    const byNote = new Map(versions.map((v) => [v.note_id, v]));
    for (const n of notes) {
      expect(byNote.get(n.id)?.versions).toEqual(n.status === 'signed' ? [1, 2, 3] : [1, 2]);
      expect(byNote.get(n.id)?.kinds.at(-1)).toBe(n.status === 'signed' ? 'signed' : 'draft');
    }
  });

  it('reads through Ruth’s record routes: the amendment with its reason, the history, the session still to write', async () => {
    const priya = demo.userIds['priya.nair'] ?? '';
    const ruth = await cookieOf('ruth.mensah');
    const list = await get(`/api/record/clients/${priya}/notes`, ruth);
    expect(list.status).toBe(200);
    expect(list.body.notes.length).toBeGreaterThanOrEqual(10);
    expect(list.body.sessionsWithoutNote.length).toBeGreaterThanOrEqual(1);
    expect(list.body.myProcessNoteAppointmentIds).toHaveLength(1);
    const amended = list.body.notes.filter((n: { amendmentCount: number }) => n.amendmentCount > 0);
    expect(amended).toHaveLength(1);
    const note = await get(`/api/record/notes/${amended[0].id}`, ruth);
    expect(note.status).toBe(200);
    expect(note.body.note.status).toBe('signed');
    expect(note.body.note.narrative).toContain('missed');
    expect(note.body.note.amendments).toHaveLength(1);
    expect(note.body.note.amendments[0].reason).toContain('Thursday');
    const history = await get(`/api/record/notes/${amended[0].id}/versions`, ruth);
    expect(history.status).toBe(200);
    expect(history.body.versions.map((v: { kind: string }) => v.kind)).toEqual(['draft', 'draft', 'signed']);
    expect(list.body.notes.some((n: { odf: number | null }) => n.odf !== null)).toBe(true);
    // A note that links a shared dream shows it as still available to Ruth.
    const [withDream] = await q<{ id: string }>(
      `SELECT id FROM progress_notes WHERE client_id = $1 AND cardinality(dream_entry_ids) > 0 LIMIT 1`,
      [priya],
    );
    const dreamNote = await get(`/api/record/notes/${withDream?.id}`, ruth);
    expect(dreamNote.body.note.linkedEntries.length).toBeGreaterThanOrEqual(1);
    expect(dreamNote.body.note.linkedEntries.every((e: { available: boolean }) => e.available)).toBe(true);
  });

  it('Ruth has two process notes about Priya, under the process key, that only she can read', async () => {
    const priya = demo.userIds['priya.nair'] ?? '';
    const rows = await q<{ author_id: string; body_enc: string; appointment_id: string | null }>(
      'SELECT author_id, body_enc, appointment_id FROM process_notes WHERE client_id = $1',
      [priya],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.author_id === demo.userIds['ruth.mensah'])).toBe(true);
    expect(rows.every((r) => r.body_enc.startsWith('uc1.process.'))).toBe(true);
    expect(rows.filter((r) => r.appointment_id !== null)).toHaveLength(1);
    const mine = await get(`/api/record/clients/${priya}/process-notes`, await cookieOf('ruth.mensah'));
    expect(mine.status).toBe(200);
    expect(mine.body.notes).toHaveLength(2);
    expect(mine.body.notes.some((n: { body: string }) => n.body.includes('supervision'))).toBe(true);
    const tom = await get(`/api/record/clients/${priya}/process-notes`, await cookieOf('tom.adeyemi'));
    expect(tom.status).toBe(404);
  });

  it('Ruth’s formulation of Priya’s episode: CCRT, goals, two versions, two dated reviews, and the ODF trend of her notes', async () => {
    const priya = demo.userIds['priya.nair'] ?? '';
    const ruth = await cookieOf('ruth.mensah');
    const [episode] = await q<{ id: string }>(`SELECT episode_id AS id FROM formulations WHERE client_id = $1`, [
      priya,
    ]);
    expect(episode?.id).toBeTruthy();
    const url = `/api/record/episodes/${episode?.id}/formulation`;
    const read = await get(url, ruth);
    expect(read.status).toBe(200);
    const f = read.body.formulation;
    expect(f.version).toBe(2);
    expect(f.presentingDifficulties).toContain('the reliable one');
    expect(f.history).toContain('father’s watch');
    expect(f.ccrt.W.clusterIds).toContain('w-loved-understood');
    expect(f.ccrt.W.words).toContain('looked after');
    expect(f.ccrt.RS.words).toContain('anger at being left');
    expect(f.goals.map((g: { status: string }) => g.status)).toEqual(['partly_met', 'partly_met', 'open', 'open']);
    expect(f.reviews).toHaveLength(2);
    expect(f.reviews[0].reviewedOn > f.reviews[1].reviewedOn).toBe(true);
    expect(f.reviews.every((r: { author: { displayName: string } }) => r.author.displayName === 'Dr Ruth Mensah')).toBe(
      true,
    );
    const versions = await get(`${url}/versions`, ruth);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Every chosen cluster is one of the practice's (the standard set in the demo).
    const set = await get('/api/record/ccrt-categories', ruth);
    const known = new Set(set.body.clusters.map((c: { id: string }) => c.id));
    for (const c of ['W', 'RO', 'RS']) for (const id of f.ccrt[c].clusterIds) expect(known.has(id), id).toBe(true);
    // The ODF trend comes from the defences Ruth rated in her notes of this episode.
    const odf = await get(`/api/record/episodes/${episode?.id}/defensive-functioning`, ruth);
    expect(odf.status).toBe(200);
    expect(odf.body.points.length).toBeGreaterThanOrEqual(3);
    expect(odf.body.overall).toBeGreaterThan(1);
    expect(await get(url, await cookieOf('tom.adeyemi'))).toMatchObject({ status: 404 });
    // Seeding again changes nothing.
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoFormulation(tx, demo.userIds));
    expect(again).toEqual({ formulations: 1, reviews: 2 });
  });

  it('seeding again changes nothing', async () => {
    const before = await q('SELECT count(*)::int AS n FROM progress_notes');
    const summary = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoRecord(tx, demo.userIds));
    expect(summary.progressNotes).toBe(before[0]?.n);
    expect(summary.processNotes).toBe(2);
    expect(summary.amendments).toBe(1);
  });
});
