#!/usr/bin/env node
// `npm start` (and `npm run demo`): build what is missing or out of date, then run the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');

function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const stamp = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const serverBuilt = stamp(path.join(root, 'packages/server/dist/main.js'));
const webBuilt = stamp(path.join(root, 'packages/web/dist/index.html'));
const sources = Math.max(
  newest(path.join(root, 'packages/server/src')),
  newest(path.join(root, 'packages/clinical/src')),
);
if (!serverBuilt || !webBuilt || sources > serverBuilt || newest(path.join(root, 'packages/web/src')) > webBuilt) {
  console.log('Building Undercurrent (first start, or the sources changed)…');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

if (demo) {
  process.env.UNDERCURRENT_DEMO = '1';
  process.env.UNDERCURRENT_DATA_DIR ??= path.join(root, 'demo-data');
}
// Run the server in this process, so signals from the terminal or a supervisor reach it directly.
// Demo mode first seeds the demo practice (on first start) and prints how to sign in.
const entry = demo ? 'packages/server/dist/demo/main.js' : 'packages/server/dist/main.js';
await import(pathToFileURL(path.join(root, entry)).href);
