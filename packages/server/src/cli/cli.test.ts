import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { AccessLayer } from '../access/access-layer.js';
import { decryptText } from '../crypto/envelope.js';
import { ENCRYPTED_COLUMNS } from '../crypto/encrypted-columns.js';
import { KeyRing } from '../crypto/key-ring.js';
import { masterKeyFromBytes } from '../crypto/master-key.js';
import { createPools } from '../db/pool.js';
import { enqueueEmail } from '../mail/enqueue-email.js';
import {
  addPerson,
  auditEventsOf,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
} from '../test-support/fixtures.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../test-support/test-app.js';
import { EXIT, type CliIo } from './cli-io.js';
import { rewrapPractice } from './commands/rotate-master-key.js';
import { runCli } from './run-cli.js';

/**
 * The admin CLI run for real: `runCli` parses the arguments, opens the test database through
 * openCore (DATABASE_URL, as an operator with an external database would) and runs the command.
 * Commands that act on every practice are always given --practice here: the test database is shared
 * with other test files running at the same time.
 */
let t: TestApp;
let dataDir: string;
let superuser: pg.Pool;

beforeAll(async () => {
  t = await createTestApp();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'undercurrent-cli-test-'));
  superuser = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
});
afterAll(async () => {
  await superuser.end();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], stdin?: { text: string; tty?: boolean }): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readStdin: async () => stdin?.text ?? '',
    stdinIsTTY: stdin?.tty ?? false,
  };
  const code = await runCli(argv, {
    io,
    env: {
      DATABASE_URL: inject('databaseUrl'),
      UNDERCURRENT_MASTER_KEY: TEST_MASTER_KEY.key.toString('base64'),
      UNDERCURRENT_DATA_DIR: dataDir,
      UNDERCURRENT_PUBLIC_URL: 'http://localhost:8080',
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function slugOf(practiceId: string): Promise<string> {
  const found = (await t.ctx.access.listPractices()).find((p) => p.id === practiceId);
  if (!found) throw new Error('practice not found');
  return found.slug;
}

describe('undercurrent audit verify', () => {
  it('exits 0 for an intact log and 1, naming the entry, once it has been tampered with', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } });
    const slug = await slugOf(p.practiceId);

    const intact = await cli(['audit', 'verify', '--practice', slug]);
    expect(intact.code).toBe(EXIT.ok);
    expect(intact.out).toMatch(new RegExp(`✓ Test Practice \\(${slug}\\): intact — \\d+ entries checked\\.`));

    const victim = await superuser.query<{ id: string }>(
      `SELECT id FROM audit_events WHERE practice_id = $1 AND action = 'people.listed'`,
      [p.practiceId],
    );
    const client = await superuser.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(`UPDATE audit_events SET actor_user_id = NULL WHERE id = $1`, [victim.rows[0]?.id]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    const tampered = await cli(['audit', 'verify', '--practice', slug]);
    expect(tampered.code).toBe(EXIT.problem);
    expect(tampered.out).toContain(`✗ Test Practice (${slug}): TAMPERED — 1 problem(s)`);
    expect(tampered.out).toMatch(new RegExp(`event id ${victim.rows[0]?.id}: entry was altered after it was sealed`));
    const verified = (await auditEventsOf(t.ctx, p.practiceId)).filter((e) => e.action === 'audit.verified');
    expect(verified.map((e) => e.details.ok)).toEqual([true, false]);
    expect(verified[0]).toMatchObject({ actor_role: 'system', details: { via: 'cli' } });
  });

  it('exits 2 for an unknown practice or a malformed command', async () => {
    const unknown = await cli(['audit', 'verify', '--practice', 'no-such-practice']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toContain('There is no practice with the slug "no-such-practice"');
    expect((await cli(['audit'])).code).toBe(EXIT.usage);
    expect((await cli(['audit', 'verify', '--practise', 'x'])).code).toBe(EXIT.usage);
    expect((await cli(['launch'])).code).toBe(EXIT.usage);
    const help = await cli(['help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toContain('rotate-master-key --new-key-file <path>');
  });
});

describe('undercurrent create-practice', () => {
  it('creates a practice and prints a one-time invitation link for its admin', async () => {
    const name = `Clinic ${crypto.randomBytes(3).toString('hex')}`;
    const run = await cli([
      'create-practice',
      '--name',
      name,
      '--admin-email',
      'Lead@Example.org',
      '--admin-name',
      'Dr Lead',
    ]);
    expect(run.code).toBe(EXIT.ok);
    const link = /http:\/\/localhost:8080\/invite\/(\S+)/.exec(run.out);
    expect(link).not.toBeNull();
    const lookup = await t.app.inject({ method: 'GET', url: `/api/invitations/lookup/${link?.[1]}` });
    expect(lookup.json()).toMatchObject({ practiceName: name, email: 'lead@example.org', role: 'admin', staff: true });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      headers: { 'x-undercurrent-csrf': '1' },
      payload: { token: link?.[1], password: 'quiet orchard lantern 7' },
    });
    expect(accepted.json()).toEqual({ stage: 'mfa_enrolment' });
    const practice = (await t.ctx.access.listPractices()).find((p) => p.name === name);
    expect(practice).toMatchObject({ slug: name.toLowerCase().replace(' ', '-'), isDemo: false });
    const invitations = await t.app.inject({
      method: 'GET',
      url: '/api/invitations',
      headers: { cookie: await sessionCookie(t.ctx, (await adminOf(practice?.id ?? ''))!) },
    });
    expect(invitations.json()[0]).toMatchObject({
      invitedByName: 'The Undercurrent administrator',
      status: 'accepted',
    });
  });

  it('with --password-stdin creates the admin account; refuses weak passwords and a terminal', async () => {
    const name = `Practice ${crypto.randomBytes(3).toString('hex')}`;
    const args = [
      'create-practice',
      '--name',
      name,
      '--admin-email',
      'a@example.org',
      '--admin-name',
      'A',
      '--password-stdin',
    ];
    const weak = await cli(args, { text: 'password1\n' });
    expect(weak.code).toBe(EXIT.usage);
    expect(weak.err).toMatch(/That password cannot be used/);
    const tty = await cli(args, { text: '', tty: true });
    expect(tty.code).toBe(EXIT.usage);
    expect(tty.err).toMatch(/reads the password from a pipe/);
    expect((await t.ctx.access.listPractices()).some((p) => p.name === name)).toBe(false);

    const ok = await cli(
      [...args, '--slug', `p-${crypto.randomBytes(3).toString('hex')}`, '--time-zone', 'Europe/Dublin'],
      {
        text: 'amber river falcon tide\n',
      },
    );
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.out).toMatch(/can sign in at http:\/\/localhost:8080/);
    const practice = (await t.ctx.access.listPractices()).find((p) => p.name === name);
    expect(practice?.timeZone).toBe('Europe/Dublin');
    const signIn = await scopedQuery<{ password_hash: string; roles: string[] }>(
      t.ctx,
      practice?.id ?? '',
      `SELECT u.password_hash, array_agg(m.role) AS roles FROM users u JOIN memberships m ON m.user_id = u.id GROUP BY u.id`,
    );
    expect(signIn).toHaveLength(1);
    expect(signIn[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(signIn[0]?.roles).toEqual(['admin']);

    const clash = await cli([...args.slice(0, -1), '--slug', practice?.slug ?? '']);
    expect(clash.code).toBe(EXIT.usage);
    expect(clash.err).toMatch(/already a practice with the slug/);
    for (const bad of [
      ['create-practice', '--name', 'X', '--admin-email', 'not-an-email', '--admin-name', 'Y'],
      [
        'create-practice',
        '--name',
        'X',
        '--admin-email',
        'x@example.org',
        '--admin-name',
        'Y',
        '--time-zone',
        'Mars/Base',
      ],
      ['create-practice', '--name', 'X', '--admin-email', 'x@example.org', '--admin-name', 'Y', '--slug', 'Bad Slug'],
      ['create-practice', '--admin-email', 'x@example.org'],
    ]) {
      expect((await cli(bad)).code, bad.join(' ')).toBe(EXIT.usage);
    }
  });
});

async function adminOf(practiceId: string) {
  const rows = await scopedQuery<{ id: string; email: string }>(
    t.ctx,
    practiceId,
    `SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id AND m.role = 'admin'`,
  );
  const row = rows[0];
  return row ? { practiceId, userId: row.id, email: row.email, password: '', roles: ['admin' as const] } : undefined;
}

describe('undercurrent reset-mfa', () => {
  it('removes every second factor, signs the person out and records it as done by the system', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const person = p.people.therapist;
    await t.ctx.access.run(systemActor(p.practiceId), async (tx) => {
      await tx.query(
        `INSERT INTO mfa_totp (practice_id, user_id, secret_enc, confirmed_at) VALUES ($1, $2, $3, now())`,
        [p.practiceId, person.userId, await tx.encrypt('clinical', `mfa_totp:${person.userId}`, 'JBSWY3DPEHPK3PXP')],
      );
      await tx.query(
        `INSERT INTO mfa_passkeys (practice_id, user_id, credential_id, public_key, name) VALUES ($1, $2, 'cred', '\\x00', 'Laptop')`,
        [p.practiceId, person.userId],
      );
      for (let i = 0; i < 3; i += 1) {
        await tx.query(`INSERT INTO mfa_recovery_codes (practice_id, user_id, code_hash) VALUES ($1, $2, '\\x01')`, [
          p.practiceId,
          person.userId,
        ]);
      }
    });
    const run = await cli([
      'reset-mfa',
      '--practice',
      await slugOf(p.practiceId),
      '--email',
      person.email.toUpperCase(),
    ]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toContain('removed 1 authenticator app, 1 passkey and 3 recovery codes; signed out of 1 session.');
    const left = await scopedQuery<{ n: number }>(
      t.ctx,
      p.practiceId,
      `SELECT (SELECT count(*) FROM mfa_totp WHERE user_id = $1) + (SELECT count(*) FROM mfa_passkeys WHERE user_id = $1)
            + (SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1)
            + (SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NULL) AS n`,
      [person.userId],
    );
    expect(Number(left[0]?.n)).toBe(0);
    const event = (await auditEventsOf(t.ctx, p.practiceId)).find((e) => e.action === 'mfa.reset_by_admin');
    expect(event).toMatchObject({
      actor_user_id: null,
      actor_role: 'system',
      subject_user_id: person.userId,
      details: { via: 'cli', totpRemoved: 1, passkeysRemoved: 1, recoveryCodesRemoved: 3, sessionsRevoked: 1 },
    });
    // The admin they belong to is untouched.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/people', headers: { cookie: p.cookies.admin } })).statusCode,
    ).toBe(200);
  });

  it('exits 2 for someone who is not there, or missing options', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const run = await cli(['reset-mfa', '--practice', await slugOf(p.practiceId), '--email', 'ghost@example.org']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toMatch(/There is no one with the e-mail ghost@example.org/);
    expect((await cli(['reset-mfa', '--email', 'x@example.org'])).code).toBe(EXIT.usage);
  });
});

describe('undercurrent rotate-data-keys', () => {
  it('starts a new key version and re-encrypts every registered column under it', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const person = await addPerson(t.ctx, p.practiceId, ['therapist']);
    const outboxId = await t.ctx.access.run(systemActor(p.practiceId), async (tx) => {
      await tx.query(`INSERT INTO mfa_totp (practice_id, user_id, secret_enc) VALUES ($1, $2, $3)`, [
        p.practiceId,
        person.userId,
        await tx.encrypt('clinical', `mfa_totp:${person.userId}`, 'GEZDGNBVGY3TQOJQ'),
      ]);
      // A journal entry with no dream details: an empty encrypted column is not "unreadable".
      const entryId = crypto.randomUUID();
      await tx.query(
        `INSERT INTO journal_entries (id, practice_id, client_id, kind, body_enc, excerpt_enc, details_enc)
         VALUES ($1, $2, $3, 'reflection', $4, $5, NULL)`,
        [
          entryId,
          p.practiceId,
          p.people.client.userId,
          await tx.encrypt('clinical', `journal_entries.body_enc:${entryId}`, 'words'),
          await tx.encrypt('clinical', `journal_entries.excerpt_enc:${entryId}`, 'words'),
        ],
      );
      return enqueueEmail(tx, { kind: 'test', to: 'k@example.org', subject: 'S', text: 'the body' }, false);
    });
    const run = await cli(['rotate-data-keys', '--practice', await slugOf(p.practiceId)]);
    expect(run.code, run.out).toBe(EXIT.ok);
    expect(run.out).toContain('journal_entries.body_enc: 1 re-encrypted');
    expect(run.out).toContain('journal_entries.details_enc: 0 re-encrypted');
    expect(run.out).not.toContain('COULD NOT BE DECRYPTED');
    expect(run.out).toContain('new key version clinical v2');
    expect(run.out).toContain('mfa_totp.secret_enc: 1 re-encrypted');
    expect(run.out).toContain('outbox.body_enc: 1 re-encrypted');

    const rows = await scopedQuery<{ secret_enc: string; body_enc: string }>(
      t.ctx,
      p.practiceId,
      `SELECT (SELECT secret_enc FROM mfa_totp WHERE user_id = $1) AS secret_enc,
              (SELECT body_enc FROM outbox WHERE id = $2) AS body_enc`,
      [person.userId, outboxId],
    );
    expect(rows[0]?.secret_enc).toMatch(/^uc1\.clinical\.2\./);
    expect(rows[0]?.body_enc).toMatch(/^uc1\.clinical\.2\./);
    const plain = await t.ctx.access.run(systemActor(p.practiceId), async (tx) => ({
      secret: await tx.decrypt(`mfa_totp:${person.userId}`, rows[0]?.secret_enc ?? ''),
      body: await tx.decrypt(`outbox:${outboxId}`, rows[0]?.body_enc ?? ''),
    }));
    expect(plain).toEqual({ secret: 'GEZDGNBVGY3TQOJQ', body: 'the body' });
    const keys = await scopedQuery<{ version: number; retired: boolean }>(
      t.ctx,
      p.practiceId,
      `SELECT version, retired_at IS NOT NULL AS retired FROM practice_keys ORDER BY version`,
    );
    expect(keys).toEqual([
      { version: 1, retired: true },
      { version: 2, retired: false },
    ]);

    // A second run rotates again; nothing is left behind on an old version.
    const again = await cli(['rotate-data-keys', '--practice', await slugOf(p.practiceId)]);
    expect(again.out).toContain('new key version clinical v3');
    expect(again.out).toContain('outbox.body_enc: 1 re-encrypted');
    const actions = (await auditEventsOf(t.ctx, p.practiceId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'keys.rotated')).toHaveLength(2);
    // One event per registered column per run.
    expect(actions.filter((a) => a === 'keys.data_reencrypted')).toHaveLength(ENCRYPTED_COLUMNS.length * 2);
  });

  it('reports (exit 1) a value that no longer decrypts, and leaves it alone', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const [a, b] = await t.ctx.access.run(systemActor(p.practiceId), async (tx) => [
      await enqueueEmail(tx, { kind: 'test', to: 'a@example.org', subject: 'A', text: 'a' }, false),
      await enqueueEmail(tx, { kind: 'test', to: 'b@example.org', subject: 'B', text: 'b' }, false),
    ]);
    // Moved between rows: the ciphertext is bound to its row, so it no longer opens.
    await scopedQuery(
      t.ctx,
      p.practiceId,
      'UPDATE outbox SET body_enc = (SELECT body_enc FROM outbox WHERE id = $1) WHERE id = $2',
      [a, b],
    );
    const run = await cli(['rotate-data-keys', '--practice', await slugOf(p.practiceId)]);
    expect(run.code).toBe(EXIT.problem);
    expect(run.out).toContain('outbox.body_enc: 1 re-encrypted, 1 COULD NOT BE DECRYPTED');
  });
});

describe('undercurrent rotate-master-key', () => {
  it('re-wraps a practice’s data keys so only the new master key opens them; a repeat is a no-op', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const outboxId = await t.ctx.access.run(systemActor(p.practiceId), (tx) =>
      enqueueEmail(tx, { kind: 'test', to: 'm@example.org', subject: 'M', text: 'wrapped' }, false),
    );
    const next = masterKeyFromBytes(crypto.randomBytes(32));
    expect(await rewrapPractice(t.ctx, p.practiceId, next)).toBe(1);
    expect(await rewrapPractice(t.ctx, p.practiceId, next)).toBe(0);

    const pools = createPools(inject('databaseUrl'), 2);
    try {
      const stored = await scopedQuery<{ body_enc: string; master_key_id: string }>(
        t.ctx,
        p.practiceId,
        'SELECT body_enc, (SELECT master_key_id FROM practice_keys LIMIT 1) AS master_key_id FROM outbox WHERE id = $1',
        [outboxId],
      );
      expect(stored[0]?.master_key_id).toBe(next.id);
      const withNew = new AccessLayer(pools, new KeyRing(next));
      const body = await withNew.run(systemActor(p.practiceId), (tx) =>
        decryptText(withNew.keys, tx.client, p.practiceId, `outbox:${outboxId}`, stored[0]?.body_enc ?? ''),
      );
      expect(body).toBe('wrapped');
      const withOld = new AccessLayer(pools, new KeyRing(TEST_MASTER_KEY));
      await expect(
        withOld.run(systemActor(p.practiceId), (tx) =>
          decryptText(withOld.keys, tx.client, p.practiceId, `outbox:${outboxId}`, stored[0]?.body_enc ?? ''),
        ),
      ).rejects.toThrow(/master key does not match/);
    } finally {
      await pools.end();
    }
  });

  it('refuses a missing, malformed or unchanged key file without touching anything (exit 2)', async () => {
    const missing = await cli(['rotate-master-key', '--new-key-file', path.join(dataDir, 'nope.key')]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toMatch(/Cannot read the new key file/);
    const malformed = path.join(dataDir, 'bad.key');
    fs.writeFileSync(malformed, 'not a key\n', { mode: 0o600 });
    expect((await cli(['rotate-master-key', '--new-key-file', malformed])).err).toMatch(/does not hold a master key/);
    const same = path.join(dataDir, 'same.key');
    fs.writeFileSync(same, TEST_MASTER_KEY.key.toString('base64'), { mode: 0o600 });
    const unchanged = await cli(['rotate-master-key', '--new-key-file', same]);
    expect(unchanged.code).toBe(EXIT.usage);
    expect(unchanged.err).toMatch(/already in use/);
    expect((await cli(['rotate-master-key'])).code).toBe(EXIT.usage);
  });
});

describe('the embedded database in use', () => {
  it('refuses (exit 3) while a server holds the data directory, and says what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'undercurrent-cli-busy-'));
    try {
      fs.mkdirSync(path.join(dir, 'pg'));
      fs.writeFileSync(path.join(dir, 'pg', 'PG_VERSION'), '18\n');
      fs.writeFileSync(path.join(dir, 'master.key'), `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      fs.writeFileSync(path.join(dir, 'undercurrent.pid'), '1\n'); // a process that is certainly alive
      const err: string[] = [];
      const code = await runCli(['audit', 'verify'], {
        env: { UNDERCURRENT_DATA_DIR: dir },
        io: { out: () => undefined, err: (l) => err.push(l), readStdin: async () => '', stdinIsTTY: false },
      });
      expect(code).toBe(EXIT.busy);
      expect(err.join('\n')).toMatch(/Undercurrent is running on this data directory \(process 1\).*Stop the server/);
      expect(fs.readFileSync(path.join(dir, 'undercurrent.pid'), 'utf8')).toBe('1\n');

      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'undercurrent-cli-empty-'));
      const none = await runCli(['audit', 'verify'], {
        env: { UNDERCURRENT_DATA_DIR: empty },
        io: { out: () => undefined, err: (l) => err.push(l), readStdin: async () => '', stdinIsTTY: false },
      });
      expect(none).toBe(EXIT.usage);
      expect(fs.readdirSync(empty)).toEqual([]); // nothing created
      fs.rmSync(empty, { recursive: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
