import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import { createPracticeFixture } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Invariant 3: clinical free text written through the encryption module never appears in a dump of
 * the database. The dump is every row of every table in the schema, read as a superuser (which
 * bypasses row-level security, as pg_dump does) in PostgreSQL's COPY text format — the same bytes
 * pg_dump writes for table data.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function dumpDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const superuser = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    expect(superuser.rows[0]?.rolsuper, 'the dump must bypass RLS, as pg_dump does').toBe(true);
    const tables = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    let dump = '';
    for (const { relname } of tables.rows) {
      const rows = await client.query(`SELECT t::text AS line FROM ${client.escapeIdentifier(relname)} t`);
      dump += `-- ${relname}\n${rows.rows.map((r: { line: string }) => r.line).join('\n')}\n`;
    }
    return dump;
  } finally {
    await client.end();
  }
}

describe('clinical text at rest', () => {
  it('a database dump contains none of the plaintext written through the encryption module', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const marker = `dream-of-the-drowned-house-${crypto.randomBytes(6).toString('hex')}`;
    await t.ctx.access.run(systemActor(practiceId), async (tx) => {
      await enqueueEmail(tx, { kind: 'test', to: 'client@example.org', subject: 'Hello', text: marker }, false);
    });
    const dump = await dumpDatabase();
    expect(dump).toContain('-- outbox');
    expect(dump).toContain('uc1.clinical.');
    expect(dump).not.toContain(marker);
    expect(dump).not.toContain(Buffer.from(marker).toString('base64').slice(0, 20));
  });

  it('data keys in the database are wrapped: no raw key material is stored', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    await t.ctx.access.run(systemActor(practiceId), (tx) => tx.encrypt('clinical', 'k', 'x'));
    const active = await t.ctx.access.run(systemActor(practiceId), (tx) =>
      t.ctx.access.keys.active(tx.client, practiceId, 'clinical'),
    );
    const dump = await dumpDatabase();
    expect(dump).not.toContain(active.key.toString('base64'));
    expect(dump).not.toContain(active.key.toString('hex'));
  });
});
