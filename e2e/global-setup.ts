import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isoToday } from './support/dates';

/**
 * Once per e2e run: one PostgreSQL for every spec's own server (the machine's, when DATABASE_URL is set;
 * otherwise an embedded cluster in its own process, e2e/cluster.mjs) and the demo practice seeded once
 * into a template database. A spec's own server then gets a fresh database on that PostgreSQL — for the
 * demo, a copy of the template (CREATE DATABASE … TEMPLATE, with the template's master key) — instead
 * of starting a cluster and seeding the demo again, which took 30–70 s per spec on two cores.
 * The shared server of journeys.spec.ts still starts the product's own embedded PostgreSQL.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

async function sql(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function startCluster(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(here, 'cluster.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, child }));
    child.once('exit', (code) => reject(new Error(`the e2e PostgreSQL cluster stopped (exit ${code})`)));
  });
}

async function stopCluster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  const template = `uc_e2e_demo_${crypto.randomBytes(6).toString('hex')}`;
  const demoData = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-e2e-demo-'));
  const cleanUp = async () => {
    try {
      await sql(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      fs.rmSync(demoData, { recursive: true, force: true });
      if (cluster) await stopCluster(cluster.child);
    }
  };
  try {
    await sql(serverUrl, `CREATE DATABASE ${template}`);
    const target = new URL(serverUrl);
    target.pathname = `/${template}`;
    // The demo dates its records relative to the day it is seeded (London time): the specs that look
    // for one by its date read this day, not their own, which may be the next one by the time they run.
    process.env.UC_E2E_DEMO_SEEDED_ON = isoToday('Europe/London');
    const seed = spawnSync(process.execPath, [path.join(root, 'packages/server/dist/demo/main.js'), '--prepare-only'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: target.toString(),
        UNDERCURRENT_DATA_DIR: demoData,
        UNDERCURRENT_PUBLIC_URL: 'http://localhost',
        LOG_LEVEL: 'warn',
      },
    });
    if (seed.status !== 0) throw new Error(`seeding the demo template failed (exit ${seed.status ?? seed.signal})`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  process.env.UC_E2E_CLUSTER_URL = serverUrl;
  process.env.UC_E2E_DEMO_TEMPLATE = template;
  process.env.UC_E2E_DEMO_DATA = demoData;
  console.log(
    `e2e: PostgreSQL for own servers and the demo template ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return cleanUp;
}
