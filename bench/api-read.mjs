#!/usr/bin/env node
// Budget: an authenticated, scoped, audited read serves ≥ 50% of the throughput of a bare Fastify + pg
// `SELECT 1` endpoint on the same machine, with p99 < 50 ms at 100 concurrent connections.
// Both run in this process against the same embedded PostgreSQL, one after the other, alternating
// rounds so machine noise hits both. Needs `npm run build`. Usage: node bench/api-read.mjs [seconds] [rounds]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';

const dist = new URL('../packages/server/dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);
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
const { createUser } = await load('accounts/users.js');
const { createSession } = await load('sessions/session-store.js');
const { formatToken } = await load('sessions/tokens.js');
const { sealAllPractices } = await load('jobs/seal-audit.js');

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 2);
const connections = 100;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-bench-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedDatabase(dataDir, () => undefined);
const pools = createPools(db.url, Number(process.env.APP_POOL ?? 20));
await migrate(pools.owner);

// Baseline: bare Fastify + pg, same pool size, same database.
const bare = Fastify({ logger: false });
const barePool = new pg.Pool({ connectionString: db.url, max: 20 });
bare.get('/select1', async () => (await barePool.query('SELECT 1 AS one')).rows[0]);
await bare.listen({ port: 0, host: '127.0.0.1' });

// Undercurrent: the real app, an admin's session, GET /api/people (scoped + audited).
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
const practiceId = crypto.randomUUID();
const cookie = await access.createPractice(
  { id: practiceId, name: 'Bench', slug: `bench-${practiceId.slice(0, 8)}`, timeZone: 'Europe/London', isDemo: false },
  (id) => systemActor(id),
  async (tx) => {
    const admin = await createUser(tx, {
      email: 'admin@bench.test',
      displayName: 'Admin',
      passwordHash: null,
      roles: ['admin'],
    });
    for (let i = 0; i < 20; i += 1) {
      await createUser(tx, {
        email: `c${i}@bench.test`,
        displayName: `Client ${i}`,
        passwordHash: null,
        roles: ['client'],
      });
    }
    const s = await createSession(tx, {
      userId: admin,
      stage: 'active',
      roles: ['admin'],
      policy: { staffIdleMinutes: 30, clientIdleMinutes: 60, absoluteHours: 12 },
    });
    return `${ctx.cookie.name}=${formatToken(practiceId, s.secret)}`;
  },
);
const sealer = setInterval(() => void sealAllPractices(access).catch(() => undefined), 1000);

const check = await fetch(`http://127.0.0.1:${app.server.address().port}/api/people`, { headers: { cookie } });
if (check.status !== 200) throw new Error(`GET /api/people answered ${check.status}: ${await check.text()}`);

// The load generator runs in a child process so it does not share the servers' event loop.
const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));
function run(url, headers = {}) {
  const args = [AUTOCANNON, '-j', '-c', String(connections), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}

const results = { bare: [], app: [] };
for (let round = 0; round < rounds; round += 1) {
  const b = await run(`http://127.0.0.1:${bare.server.address().port}/select1`);
  const a = await run(`http://127.0.0.1:${app.server.address().port}/api/people`, { cookie });
  if (a.non2xx > 0 || b.non2xx > 0) throw new Error(`errors during the run: app ${a.non2xx}, bare ${b.non2xx}`);
  results.bare.push({ rps: b.requests.average, p99: b.latency.p99 });
  results.app.push({ rps: a.requests.average, p99: a.latency.p99 });
  console.log(
    `round ${round + 1}: bare SELECT 1 ${b.requests.average.toFixed(0)} req/s (p99 ${b.latency.p99} ms); ` +
      `GET /api/people ${a.requests.average.toFixed(0)} req/s (p99 ${a.latency.p99} ms)`,
  );
}
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const ratio = mean(results.app.map((r) => r.rps)) / mean(results.bare.map((r) => r.rps));
const p99 = Math.max(...results.app.map((r) => r.p99));
const audited = await access.run(systemActor(practiceId), (tx) =>
  tx.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'people.listed'`),
);
console.log(
  `\nratio (scoped+audited / bare) = ${ratio.toFixed(2)} (budget ≥ 0.50); worst p99 = ${p99} ms (budget < 50 ms); ` +
    `${audited.rows[0].n} audit events written; ${connections} connections, ${seconds}s × ${rounds} rounds, Node ${process.version}, ${os.cpus().length} cores`,
);

clearInterval(sealer);
await app.close();
await bare.close();
await barePool.end();
await pools.end();
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(ratio >= 0.5 && p99 < 50 ? 0 : 1);
