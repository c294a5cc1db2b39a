import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../access/actor.js';
import { reencryptColumn } from '../../cli/reencrypt.js';
import { ENCRYPTED_COLUMNS } from '../../crypto/encrypted-columns.js';
import { scopedQuery } from '../../test-support/fixtures.js';
import { letterCalls, lettersWorld, type LettersWorld } from '../../test-support/letters-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Named security test: a letter filed in the record refuses every change, at the API (each
 * mutating route) and in the database (the app role's UPDATE or DELETE of a filed row raises, even
 * for its author and even as the table owner), except key rotation by the system actor rewriting
 * ciphertext only. Its texts are encrypted at rest.
 */
let t: TestApp;
let calls: ReturnType<typeof letterCalls>;
beforeAll(async () => {
  t = await createTestApp();
  calls = letterCalls(t.app);
});
afterAll(async () => t.close());

interface Filed {
  w: LettersWorld;
  letterId: string;
}

async function filedLetter(): Promise<Filed> {
  const w = await lettersWorld(t);
  const letterId = (await calls.start(w, 'gp_starting')).json().letter.id as string;
  const saved = await calls.send('PUT', `/api/letters/${letterId}`, w.pair.therapistCookie, {
    baseVersion: 1,
    recipientName: 'FILED-RECIPIENT',
    recipientAddress: 'FILED-ADDRESS',
    subject: 'FILED-SUBJECT',
    body: 'FILED-BODY',
  });
  expect(saved.statusCode).toBe(200);
  const fin = await calls.send('POST', `/api/letters/${letterId}/finalise`, w.pair.therapistCookie, { baseVersion: 2 });
  expect(fin.statusCode, fin.body).toBe(200);
  return { w, letterId };
}

const asAuthor = (f: Filed): Actor => ({
  practiceId: f.w.practiceId,
  userId: f.w.pair.therapist.userId,
  roles: ['therapist'],
});

/** As the database owner, scoped to the practice and a person (none: the system actor). */
async function asOwner(f: Filed, sql: string, userId: string = f.w.pair.therapist.userId): Promise<string> {
  const client = await t.ctx.pools.owner.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.practice_id', $1, true), set_config('app.user_id', $2, true)`, [
      f.w.practiceId,
      userId,
    ]);
    await client.query(sql, [f.letterId]);
    return '';
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

describe('a filed letter', () => {
  it('refuses a save, a second filing and discarding at the API', async () => {
    const f = await filedLetter();
    const cookie = f.w.pair.therapistCookie;
    const text = { recipientName: 'NEW', recipientAddress: '', subject: 'NEW', body: 'NEW' };
    for (const res of [
      await calls.send('PUT', `/api/letters/${f.letterId}`, cookie, { baseVersion: 3, ...text }),
      await calls.send('PUT', `/api/letters/${f.letterId}`, cookie, { baseVersion: 2, ...text }),
      await calls.send('POST', `/api/letters/${f.letterId}/finalise`, cookie, { baseVersion: 3 }),
      await calls.send('DELETE', `/api/letters/${f.letterId}`, cookie),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        error: 'final',
        message: 'This letter is filed in the record and cannot be changed. Write a new letter instead.',
      });
    }
    const letter = (await calls.send('GET', `/api/letters/${f.letterId}`, cookie)).json().letter;
    expect(letter).toMatchObject({ status: 'final', version: 3, body: 'FILED-BODY', recipientName: 'FILED-RECIPIENT' });
  });

  it('cannot be changed or deleted in the database, by its author or the owner', async () => {
    const f = await filedLetter();
    for (const sql of [
      `UPDATE letters SET body_enc = body_enc WHERE id = $1`,
      `UPDATE letters SET status = 'draft', finalised_at = NULL, letterhead = NULL WHERE id = $1`,
      `UPDATE letters SET letterhead = '{"name":"Forged"}'::jsonb WHERE id = $1`,
      `DELETE FROM letters WHERE id = $1`,
    ]) {
      const error = await t.ctx.access
        .run(asAuthor(f), (tx) => tx.query(sql, [f.letterId]))
        .then(
          () => '',
          (e: unknown) => (e as Error).message,
        );
      expect(error, sql).toMatch(/finalised letter is filed in the record/);
      expect(await asOwner(f, sql), sql).toMatch(/finalised letter is filed in the record/);
      // The system actor (no person) may not do it either: it is not a re-keying.
      if (!sql.startsWith('UPDATE letters SET body_enc = body_enc')) {
        expect(await asOwner(f, sql, ''), sql).toMatch(/finalised letter is filed in the record/);
      }
    }
    for (const sql of [
      `UPDATE letters SET body_enc = subject_enc WHERE id = $1`,
      `UPDATE letters SET body_enc = 'plain words' WHERE id = $1`,
    ]) {
      expect(await asOwner(f, sql, ''), sql).toMatch(/finalised letter is filed in the record/);
    }
    // A draft, by contrast, can be changed and deleted by its author.
    const draftId = (await calls.start(f.w, 'attendance')).json().letter.id as string;
    await t.ctx.access.run(asAuthor(f), (tx) => tx.query('DELETE FROM letters WHERE id = $1', [draftId]));
    const left = await scopedQuery(t.ctx, f.w.practiceId, 'SELECT status FROM letters ORDER BY status');
    expect(left).toEqual([{ status: 'final' }]);
  });

  it('holds its texts only as ciphertext, and key rotation re-encrypts them', async () => {
    const f = await filedLetter();
    const [stored] = await scopedQuery<Record<string, string>>(
      t.ctx,
      f.w.practiceId,
      'SELECT recipient_name_enc, recipient_address_enc, subject_enc, body_enc FROM letters WHERE id = $1',
      [f.letterId],
    );
    expect(Object.values(stored ?? {})).toHaveLength(4);
    for (const value of Object.values(stored ?? {})) {
      expect(value).toMatch(/^uc1\.clinical\.1\./);
      expect(value).not.toContain('FILED');
    }
    await t.ctx.access.run(systemActor(f.w.practiceId), (tx) =>
      t.ctx.access.keys.rotate(tx.client, f.w.practiceId, 'clinical'),
    );
    const columns = ENCRYPTED_COLUMNS.filter((c) => c.table === 'letters');
    expect(columns.map((c) => c.column).sort()).toEqual(
      ['body_enc', 'recipient_address_enc', 'recipient_name_enc', 'subject_enc'].sort(),
    );
    for (const column of columns) {
      const result = await reencryptColumn(t.ctx.access, f.w.practiceId, column);
      expect(result.rewritten, column.column).toBe(1);
    }
    const [after] = await scopedQuery<Record<string, string>>(
      t.ctx,
      f.w.practiceId,
      'SELECT recipient_name_enc, recipient_address_enc, subject_enc, body_enc FROM letters WHERE id = $1',
      [f.letterId],
    );
    for (const value of Object.values(after ?? {})) expect(value).toMatch(/^uc1\.clinical\.2\./);
    const letter = (await calls.send('GET', `/api/letters/${f.letterId}`, f.w.pair.therapistCookie)).json().letter;
    expect(letter).toMatchObject({
      status: 'final',
      recipientName: 'FILED-RECIPIENT',
      recipientAddress: 'FILED-ADDRESS',
      subject: 'FILED-SUBJECT',
      body: 'FILED-BODY',
    });
  });
});
