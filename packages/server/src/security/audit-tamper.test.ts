import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { sealPending, verifyChain, type ChainReport } from '../audit/chain.js';
import { practiceWithEveryRole } from '../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../test-support/test-app.js';

/**
 * Threat: someone with direct database access (a malicious or careless DBA, a stolen superuser
 * password) edits or deletes audit entries to hide what was done. Invariant 6: the audit log is
 * append-only and hash-chained, and `verify` detects the tampering.
 */
let t: TestApp;
let superuser: pg.Pool;

beforeAll(async () => {
  t = await createTestApp();
  // The test database's own user: the owner of every table, and a superuser (embedded and external runs).
  superuser = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
});
afterAll(async () => {
  await superuser.end();
  await t.close();
});

async function seal(practiceId: string): Promise<void> {
  await t.ctx.access.run(systemActor(practiceId), (tx) => sealPending(tx.client, practiceId));
}

async function verify(practiceId: string): Promise<ChainReport> {
  return t.ctx.access.run(systemActor(practiceId), (tx) => verifyChain(tx.client, practiceId));
}

/** A practice with a sealed chain of ten real events. */
async function practiceWithSealedLog() {
  const p = await practiceWithEveryRole(t.ctx);
  for (let i = 0; i < 8; i += 1) {
    await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
  }
  await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: p.cookies.client } }); // a denial
  await seal(p.practiceId);
  const ids = (
    await superuser.query<{ id: string }>('SELECT id FROM audit_events WHERE practice_id = $1 ORDER BY chain_seq', [
      p.practiceId,
    ])
  ).rows.map((r) => Number(r.id));
  return { ...p, ids };
}

/** What a malicious DBA does: switch triggers off for this session only, then change the table. */
async function asMaliciousDba(sql: string, values: unknown[]): Promise<number> {
  const client = await superuser.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const result = await client.query(sql, values);
    await client.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

describe('audit log tampering', () => {
  it('an untouched, sealed chain verifies', async () => {
    const p = await practiceWithSealedLog();
    expect(p.ids).toHaveLength(10);
    const report = await verify(p.practiceId);
    expect(report).toMatchObject({ ok: true, sealed: p.ids.length, unsealed: 0, problems: [] });
  });

  it('the append-only trigger refuses UPDATE and DELETE even from the table owner', async () => {
    const p = await practiceWithSealedLog();
    const target = p.ids[3];
    await expect(
      superuser.query(`UPDATE audit_events SET action = 'auth.sign_out' WHERE id = $1`, [target]),
    ).rejects.toThrow(/append-only: change refused/);
    await expect(superuser.query('UPDATE audit_events SET hash = NULL WHERE id = $1', [target])).rejects.toThrow(
      /append-only: change refused/,
    );
    await expect(superuser.query('DELETE FROM audit_events WHERE id = $1', [target])).rejects.toThrow(
      /append-only: delete refused/,
    );
    // The application's role cannot even try: it may only seal (set chain columns once).
    await expect(
      t.ctx.access.run(systemActor(p.practiceId), (tx) =>
        tx.query(`UPDATE audit_events SET action = 'auth.sign_out' WHERE id = $1`, [target]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.ctx.access.run(systemActor(p.practiceId), (tx) =>
        tx.query('UPDATE audit_events SET hash = NULL WHERE id = $1', [target]),
      ),
    ).rejects.toThrow(/append-only: change refused/);
    await expect(
      t.ctx.access.run(systemActor(p.practiceId), (tx) => tx.query('DELETE FROM audit_events WHERE id = $1', [target])),
    ).rejects.toThrow(/permission denied/);
    expect((await verify(p.practiceId)).ok).toBe(true);
  });

  it('an entry edited with the trigger switched off fails verification, naming the entry', async () => {
    const p = await practiceWithSealedLog();
    const target = p.ids[4] as number;
    const changed = await asMaliciousDba(
      `UPDATE audit_events SET outcome = 'success', details = '{"listed": 0}'::jsonb WHERE id = $1`,
      [target],
    );
    expect(changed).toBe(1);
    const report = await verify(p.practiceId);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { chainSeq: 5, eventId: target, problem: 'entry was altered after it was sealed' },
    ]);

    // The admin's verify endpoint says the same.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/audit/verify',
      headers: { cookie: p.cookies.admin, ...CSRF },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: false,
      problems: [{ chainSeq: 5, eventId: target, problem: 'entry was altered after it was sealed' }],
    });
  });

  it('re-hashing an edited entry does not help: the next link breaks', async () => {
    const p = await practiceWithSealedLog();
    const target = p.ids[2] as number;
    await asMaliciousDba(`UPDATE audit_events SET actor_role = 'system', hash = sha256(hash) WHERE id = $1`, [target]);
    const report = await verify(p.practiceId);
    expect(report.ok).toBe(false);
    expect(report.problems.map((x) => x.problem)).toEqual([
      'entry was altered after it was sealed',
      'link to the previous entry is broken',
    ]);
  });

  it('a deleted entry fails verification', async () => {
    const p = await practiceWithSealedLog();
    expect(await asMaliciousDba('DELETE FROM audit_events WHERE id = $1', [p.ids[6]])).toBe(1);
    const report = await verify(p.practiceId);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ chainSeq: 7, problem: 'entries 7–7 are missing (deleted)' });
  });

  it('deleting the newest entries fails verification (the chain head remembers the end)', async () => {
    const p = await practiceWithSealedLog();
    const lastTwo = p.ids.slice(-2);
    expect(await asMaliciousDba('DELETE FROM audit_events WHERE id = ANY($1::bigint[])', [lastTwo])).toBe(2);
    const report = await verify(p.practiceId);
    expect(report.ok).toBe(false);
    expect(report.problems.at(-1)?.problem).toMatch(/should end at entry \d+ but ends at \d+/);
  });
});
