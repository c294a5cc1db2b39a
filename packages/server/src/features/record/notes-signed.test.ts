import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../access/actor.js';
import { reencryptColumn } from '../../cli/reencrypt.js';
import { ENCRYPTED_COLUMNS } from '../../crypto/encrypted-columns.js';
import { createPracticeFixture, scopedQuery } from '../../test-support/fixtures.js';
import { addSession, carePair, DAY, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Named security test: a signed progress note refuses every change, at the API (each mutating
 * route) and in the database (the app role's UPDATE or DELETE of a signed row raises; version and
 * amendment rows are append-only).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Signed {
  practiceId: string;
  pair: CarePair;
  noteId: string;
  version: number;
}

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

const CONTENT = {
  narrative: 'SIGNED-NARRATIVE',
  fields: {},
  materialEntryIds: [],
  dreamEntryIds: [],
  defences: [],
  interventions: [],
};

async function signedNote(): Promise<Signed> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  const appointmentId = await addSession(t, practiceId, pair, new Date(Date.now() - DAY));
  const cookie = pair.therapistCookie;
  const noteId = (
    await send('POST', `/api/record/clients/${pair.client.userId}/notes`, cookie, { appointmentId })
  ).json().note.id as string;
  expect((await send('PUT', `/api/record/notes/${noteId}`, cookie, { baseVersion: 1, ...CONTENT })).statusCode).toBe(
    200,
  );
  const signed = await send('POST', `/api/record/notes/${noteId}/sign`, cookie, { baseVersion: 2 });
  expect(signed.statusCode, signed.body).toBe(200);
  await send('POST', `/api/record/notes/${noteId}/amendments`, cookie, { reason: 'typo', text: 'AMENDMENT-TEXT' });
  return { practiceId, pair, noteId, version: 3 };
}

const asTherapist = (s: Signed): Actor => ({
  practiceId: s.practiceId,
  userId: s.pair.therapist.userId,
  roles: ['therapist'],
});

async function raisesAsApp(s: Signed, sql: string): Promise<string> {
  const error = await t.ctx.access
    .run(asTherapist(s), (tx) => tx.query(sql, [s.noteId]))
    .then(
      () => undefined,
      (e: unknown) => e as Error,
    );
  expect(error, sql).toBeInstanceOf(Error);
  return error?.message ?? '';
}

describe('a signed progress note', () => {
  it('refuses a save, a second signing and a re-signing at the API, naming amendments', async () => {
    const s = await signedNote();
    const cookie = s.pair.therapistCookie;
    const attempts = [
      send('PUT', `/api/record/notes/${s.noteId}`, cookie, { baseVersion: s.version, ...CONTENT, narrative: 'NEW' }),
      send('PUT', `/api/record/notes/${s.noteId}`, cookie, { baseVersion: 2, ...CONTENT, narrative: 'NEW' }),
      send('POST', `/api/record/notes/${s.noteId}/sign`, cookie, { baseVersion: s.version }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: 'signed', message: 'This note is signed. Add an amendment instead.' });
    }
    const note = (await send('GET', `/api/record/notes/${s.noteId}`, cookie)).json().note;
    expect(note).toMatchObject({ status: 'signed', version: s.version, narrative: 'SIGNED-NARRATIVE' });
  });

  it('cannot be changed or deleted in the database, even by its author through the app role', async () => {
    const s = await signedNote();
    expect(await raisesAsApp(s, `UPDATE progress_notes SET narrative_enc = narrative_enc WHERE id = $1`)).toMatch(
      /signed progress note cannot be changed/,
    );
    expect(await raisesAsApp(s, `UPDATE progress_notes SET status = 'draft', signed_at = NULL WHERE id = $1`)).toMatch(
      /signed progress note cannot be changed/,
    );
    expect(await raisesAsApp(s, `DELETE FROM progress_notes WHERE id = $1`)).toMatch(
      /signed progress note cannot be changed or deleted/,
    );
    // Versions and amendments: the app role may not even try; the owner is stopped by the trigger.
    for (const sql of [
      `UPDATE progress_note_versions SET kind = 'draft' WHERE note_id = $1`,
      `DELETE FROM progress_note_versions WHERE note_id = $1`,
      `UPDATE progress_note_amendments SET text_enc = reason_enc WHERE note_id = $1`,
      `DELETE FROM progress_note_amendments WHERE note_id = $1`,
    ]) {
      expect(await raisesAsApp(s, sql)).toMatch(/permission denied|append-only/);
      const asOwner = await scopedOwner(s, sql).then(
        () => '',
        (e: unknown) => (e as Error).message,
      );
      expect(asOwner, sql).toMatch(/append-only/);
    }
    // The system actor (key rotation: no signed-in person) may rewrite ciphertext only — never anything else.
    for (const sql of [
      `UPDATE progress_notes SET status = 'draft', signed_at = NULL WHERE id = $1`,
      `UPDATE progress_notes SET signed_late = NOT coalesce(signed_late, false), narrative_enc = narrative_enc WHERE id = $1`,
      `UPDATE progress_note_versions SET kind = 'draft' WHERE note_id = $1`,
      `UPDATE progress_note_amendments SET created_at = now() WHERE note_id = $1`,
      `DELETE FROM progress_note_versions WHERE note_id = $1`,
    ]) {
      const asSystem = await scopedOwner(s, sql, '').then(
        () => '',
        (e: unknown) => (e as Error).message,
      );
      expect(asSystem, sql).toMatch(/append-only|signed progress note cannot be changed/);
    }
    for (const sql of [
      `UPDATE progress_notes SET narrative_enc = narrative_enc WHERE id = $1`,
      `UPDATE progress_note_versions SET snapshot_enc = snapshot_enc WHERE note_id = $1`,
      `UPDATE progress_note_amendments SET text_enc = text_enc, reason_enc = reason_enc WHERE note_id = $1`,
    ]) {
      await expect(scopedOwner(s, sql, ''), sql).resolves.toBeUndefined();
    }
    const left = await scopedQuery<{ versions: number; amendments: number; status: string }>(
      t.ctx,
      s.practiceId,
      `SELECT n.status, (SELECT count(*)::int FROM progress_note_versions v WHERE v.note_id = n.id) AS versions,
              (SELECT count(*)::int FROM progress_note_amendments a WHERE a.note_id = n.id) AS amendments
         FROM progress_notes n WHERE n.id = $1`,
      [s.noteId],
    );
    expect(left).toEqual([{ status: 'signed', versions: 3, amendments: 1 }]);
  });
});

describe('key rotation of a signed note', () => {
  it('lets the system actor re-key the ciphertext under a new key version, and nothing more', async () => {
    const s = await signedNote();
    // Adding, blanking, replacing or swapping a signed note's texts is no re-keying.
    for (const sql of [
      `UPDATE progress_notes SET fields_enc = narrative_enc WHERE id = $1`,
      `UPDATE progress_notes SET narrative_enc = 'plain words, no ciphertext' WHERE id = $1`,
      `UPDATE progress_notes SET narrative_enc = narrative_enc || 'AAAA' WHERE id = $1`,
      `UPDATE progress_note_versions SET snapshot_enc = 'uc1.clinical.1.AAAA' WHERE note_id = $1`,
      `UPDATE progress_note_amendments SET text_enc = reason_enc WHERE note_id = $1`,
    ]) {
      const asSystem = await scopedOwner(s, sql, '').then(
        () => '',
        (e: unknown) => (e as Error).message,
      );
      expect(asSystem, sql).toMatch(/append-only|signed progress note cannot be changed/);
    }
    // A real rotation re-encrypts every text of the signed note, which still reads as it was signed.
    await t.ctx.access.run(systemActor(s.practiceId), (tx) =>
      t.ctx.access.keys.rotate(tx.client, s.practiceId, 'clinical'),
    );
    for (const column of ENCRYPTED_COLUMNS.filter((c) => c.table.startsWith('progress_note'))) {
      const result = await reencryptColumn(t.ctx.access, s.practiceId, column);
      // (fields_enc is null: this note has no structured fields.)
      if (column.column !== 'fields_enc')
        expect(result.rewritten, `${column.table}.${column.column}`).toBeGreaterThan(0);
    }
    const stored = await scopedQuery<{ narrative_enc: string }>(
      t.ctx,
      s.practiceId,
      'SELECT narrative_enc FROM progress_notes WHERE id = $1',
      [s.noteId],
    );
    expect(stored[0]?.narrative_enc).toMatch(/^uc1\.clinical\.2\./);
    const note = (await send('GET', `/api/record/notes/${s.noteId}`, s.pair.therapistCookie)).json().note;
    expect(note).toMatchObject({ status: 'signed', narrative: 'SIGNED-NARRATIVE' });
    expect(note.amendments[0]).toMatchObject({ reason: 'typo', text: 'AMENDMENT-TEXT' });
  });
});

/**
 * As the database owner (who holds every grant), scoped to the practice and to a signed-in person
 * (the author, or none: the system actor): only the triggers stand in the way.
 */
async function scopedOwner(s: Signed, sql: string, userId: string = s.pair.therapist.userId) {
  const client = await t.ctx.pools.owner.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true)`, [
      s.practiceId,
      userId,
    ]);
    await client.query(sql, [s.noteId]);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
