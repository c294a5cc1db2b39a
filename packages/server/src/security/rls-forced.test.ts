import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { readTableSecurity } from '../db/assert-schema.js';
import { APP_ROLE } from '../db/pool.js';
import { addPerson, createPracticeFixture } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Invariant 1 and 2: tenant isolation is enforced by PostgreSQL itself, not by the application's WHERE clauses. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('row-level security', () => {
  it('is enabled AND forced on every table with a practice_id column (read from pg_class)', async () => {
    const tables = await readTableSecurity(t.ctx.pools.owner);
    const tenant = tables.filter((table) => table.hasPracticeId);
    expect(tenant.length).toBeGreaterThanOrEqual(13);
    for (const table of tenant) {
      expect({ table: table.table, enabled: table.rlsEnabled, forced: table.rlsForced }).toEqual({
        table: table.table,
        enabled: true,
        forced: true,
      });
    }
  });

  it('the application role owns no table and is not a superuser and cannot bypass RLS', async () => {
    const tables = await readTableSecurity(t.ctx.pools.owner);
    expect(tables.filter((table) => table.owner === APP_ROLE)).toEqual([]);
    const role = await t.ctx.pools.app.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user',
    );
    expect(role.rows[0]).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false });
  });

  it('a connection without a practice scope sees no tenant rows at all', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    await addPerson(t.ctx, practiceId, ['therapist']);
    const unscoped = await t.ctx.pools.app.query('SELECT count(*)::int AS n FROM users');
    expect(unscoped.rows[0]).toEqual({ n: 0 });
  });

  it('a transaction scoped to practice B cannot read, change or insert rows of practice A', async () => {
    const a = await createPracticeFixture(t.ctx, 'Practice A');
    const b = await createPracticeFixture(t.ctx, 'Practice B');
    const personA = await addPerson(t.ctx, a, ['client']);
    const seen = await t.ctx.access.run(systemActor(b), async (tx) => {
      const read = await tx.query('SELECT id FROM users WHERE id = $1', [personA.userId]);
      const update = await tx.query(`UPDATE users SET display_name = 'changed' WHERE id = $1`, [personA.userId]);
      const del = await tx.query('DELETE FROM memberships WHERE user_id = $1', [personA.userId]);
      return { read: read.rowCount, update: update.rowCount, del: del.rowCount };
    });
    expect(seen).toEqual({ read: 0, update: 0, del: 0 });
    await expect(
      t.ctx.access.run(systemActor(b), (tx) =>
        tx.query(`INSERT INTO users (practice_id, email, display_name) VALUES ($1, 'x@example.org', 'X')`, [a]),
      ),
    ).rejects.toThrow(/row-level security/);
    const stillThere = await t.ctx.access.run(systemActor(a), (tx) =>
      tx.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [personA.userId]),
    );
    expect(stillThere.rows[0]?.display_name).not.toBe('changed');
  });

  it('refuses to create a practice other than the one named in the transaction', async () => {
    await expect(
      t.ctx.pools.app.query(`INSERT INTO practices (name, slug) VALUES ('Rogue', 'rogue-practice')`),
    ).rejects.toThrow(/row-level security/);
  });
});
