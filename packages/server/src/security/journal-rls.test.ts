import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { createPracticeFixture } from '../test-support/fixtures.js';
import { carePair } from '../test-support/frame-fixtures.js';
import { seedEntry } from '../test-support/journal-fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** The journal's row-level security beyond the sweep in journal-privacy.test.ts, and the indexes its foreign keys need. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('journal row-level security', () => {
  it('a share row made by someone else never opens a client’s private entry to their therapist', async () => {
    const practiceId = await createPracticeFixture(t.ctx, 'RLS Review');
    const pair = await carePair(t, practiceId);
    // Another client of the same therapist.
    const other = (await carePair(t, practiceId, { therapist: pair.therapist })).client;
    const privateId = await seedEntry(t.ctx, practiceId, pair.client.userId, {
      body: `private ${crypto.randomUUID()}`,
    });
    // Another client, in SQL with their own settings, tries to point a live share of theirs at the
    // entry: the composite foreign key refuses it (a share is always of its own client's entry)…
    const asOther: Actor = { practiceId, userId: other.userId, roles: ['client'] };
    await expect(
      t.ctx.access.run(asOther, async (tx) => {
        await tx.query(
          `INSERT INTO journal_shares (practice_id, client_id, entry_id, kind) VALUES (app_practice_id(), $1, $2, 'reflection')`,
          [other.userId, privateId],
        );
      }),
    ).rejects.toThrow(/foreign key/);
    // …and even a row forced in by the owner (no foreign-key check, as a restore might) opens nothing:
    // the read policy asks that the share be the entry's own client's.
    const owner = await t.ctx.pools.owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(`SET LOCAL session_replication_role = replica`);
      await owner.query(
        `INSERT INTO journal_shares (practice_id, client_id, entry_id, kind) VALUES ($1, $2, $3, 'reflection')`,
        [practiceId, other.userId, privateId],
      );
      await owner.query('COMMIT');
    } finally {
      owner.release();
    }
    const asTherapist: Actor = { practiceId, userId: pair.therapist.userId, roles: ['therapist'] };
    const seen = await t.ctx.access.run(
      asTherapist,
      async (tx) => (await tx.query('SELECT id FROM journal_entries WHERE id = $1', [privateId])).rowCount,
    );
    expect(seen).toBe(0);
  });
});

describe('journal foreign keys', () => {
  it('each has an index led by its columns, so deleting an entry, a tag or a share does not scan the table', async () => {
    const owner = await t.ctx.pools.owner.connect();
    try {
      const result = await owner.query<{ fk: string }>(`
        SELECT c.conrelid::regclass || '(' || array_to_string(ARRAY(
                 SELECT a.attname FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k), ',') || ')' AS fk
          FROM pg_constraint c
         WHERE c.contype = 'f' AND c.conrelid::regclass::text LIKE 'journal\\_%'
           AND NOT EXISTS (
             SELECT 1 FROM pg_index i
              WHERE i.indrelid = c.conrelid AND i.indpred IS NULL
                AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
         ORDER BY 1`);
      expect(result.rows.map((r) => r.fk)).toEqual([]);
    } finally {
      owner.release();
    }
  });
});
