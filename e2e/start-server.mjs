#!/usr/bin/env node
// Starts the real Undercurrent server for the e2e run: a fresh temporary data directory, and when
// DATABASE_URL is set, a fresh database on that server (uc_e2e_<random>), so the run never meets
// practices left by an earlier one. Everything is removed again when Playwright stops the server.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// UC_E2E_DEMO=1 starts the demo instead (demo/main.js: seeds the demo practice, then serves as usual;
// with UC_E2E_DEMO_TEMPLATE set by the global set-up, the demo is already in the copied database).
const demo = process.env.UC_E2E_DEMO === '1';
const main = path.join(root, demo ? 'packages/server/dist/demo/main.js' : 'packages/server/dist/main.js');
if (!fs.existsSync(main) || !fs.existsSync(path.join(root, 'packages/web/dist/index.html'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-e2e-'));
// mkdtemp makes the directory private to us; when we run as root, the embedded PostgreSQL runs as
// its own user and must be able to reach its cluster inside (the key file stays 0600 regardless).
fs.chmodSync(dataDir, 0o755);
const env = { ...process.env, UNDERCURRENT_DATA_DIR: dataDir };
let dropDatabase = async () => {};

if (process.env.DATABASE_URL) {
  const serverUrl = process.env.DATABASE_URL;
  const name = `uc_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // A demo server on the run's shared PostgreSQL starts from the demo seeded once by
  // e2e/global-setup.ts: a copy of its template database, with the master key its data keys are sealed by.
  const template = demo ? process.env.UC_E2E_DEMO_TEMPLATE : undefined;
  if (template && process.env.UC_E2E_DEMO_DATA) {
    await run(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    fs.copyFileSync(path.join(process.env.UC_E2E_DEMO_DATA, 'master.key'), path.join(dataDir, 'master.key'));
  } else {
    await run(`CREATE DATABASE ${name}`);
  }
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  env.DATABASE_URL = target.toString();
  dropDatabase = () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  console.log(`e2e: using a fresh database ${name}`);
}

const server = spawn(process.execPath, [main], { cwd: root, env, stdio: 'inherit' });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.on('exit', async (code) => {
  try {
    await dropDatabase();
  } catch (error) {
    console.error('e2e: could not drop the test database:', error instanceof Error ? error.message : error);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? 1));
});
