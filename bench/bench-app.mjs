// What the HTTP benches share: a fresh embedded PostgreSQL in a temporary directory, migrated; the
// real app (built, from packages/server/dist) listening on a free port; an audit sealer running as
// on a real node; a practice; a signed-in person's cookie; and the percentile summary the reports
// print. Needs `npm run build`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, percentile } from './frame-data.mjs';

const { startEmbeddedDatabase } = await load('db/embedded.js');
const { createPools } = await load('db/pool.js');
const { migrate, readMigrations } = await load('db/migrate.js');
const { AccessLayer } = await load('access/access-layer.js');
const { KeyRing } = await load('crypto/key-ring.js');
const { masterKeyFromBytes } = await load('crypto/master-key.js');
const { loadConfig } = await load('config.js');
const { cookieSettings } = await load('http/authenticate.js');
const { buildApp } = await load('app.js');
const { systemActor } = await load('access/actor.js');
const { createSession } = await load('sessions/session-store.js');
const { formatToken } = await load('sessions/tokens.js');
const { sealAllPractices } = await load('jobs/seal-audit.js');

export { systemActor };

/** Starts the database and the app; `stop()` takes both down and removes the data directory. */
export async function startBenchApp(name) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `uc-bench-${name}-`));
  fs.chmodSync(dataDir, 0o755);
  const db = await startEmbeddedDatabase(dataDir, () => undefined);
  const pools = createPools(db.url, 20);
  await migrate(pools.owner);
  const config = { ...loadConfig({}), logLevel: 'silent' };
  const access = new AccessLayer(pools, new KeyRing(masterKeyFromBytes(crypto.randomBytes(32))));
  const ctx = {
    config,
    pools,
    access,
    cookie: cookieSettings(config.publicUrl),
    database: { mode: 'embedded', migrationVersion: readMigrations().at(-1).version },
    version: 'bench',
  };
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const sealer = setInterval(() => void sealAllPractices(access).catch(() => undefined), 1000);
  return {
    ctx,
    access,
    base: `http://127.0.0.1:${app.server.address().port}`,
    async stop() {
      clearInterval(sealer);
      await app.close();
      await pools.end();
      await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new practice (London time), its id. */
export async function benchPractice(access) {
  const practiceId = crypto.randomUUID();
  await access.createPractice(
    {
      id: practiceId,
      name: 'Bench',
      slug: `bench-${practiceId.slice(0, 8)}`,
      timeZone: 'Europe/London',
      isDemo: false,
    },
    (id) => systemActor(id),
    async () => undefined,
  );
  return practiceId;
}

/** A person with one role, in the practice (as the system, in the caller's transaction). */
export async function addBenchPerson(tx, practiceId, email, name, role) {
  const user = await tx.query(`INSERT INTO users (practice_id, email, display_name) VALUES ($1, $2, $3) RETURNING id`, [
    practiceId,
    email,
    name,
  ]);
  const id = user.rows[0].id;
  await tx.query(`INSERT INTO memberships (practice_id, user_id, role) VALUES ($1, $2, $3)`, [practiceId, id, role]);
  return id;
}

/** A signed-in session (past two-step verification) for the person: the Cookie header's value. */
export async function benchCookie(bench, practiceId, userId, roles) {
  return bench.access.run(systemActor(practiceId), async (tx) => {
    const s = await createSession(tx, {
      userId,
      stage: 'active',
      roles,
      policy: { staffIdleMinutes: 30, clientIdleMinutes: 60, absoluteHours: 12 },
    });
    return `${bench.ctx.cookie.name}=${formatToken(practiceId, s.secret)}`;
  });
}

/** p50, p95, p99 and the slowest of a list of milliseconds, and how the reports print them. */
export function stats(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) };
}
export const fmt = (x) =>
  `p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms, max ${x.max.toFixed(1)} ms`;
