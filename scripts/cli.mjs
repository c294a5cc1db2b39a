#!/usr/bin/env node
// `npm run cli -- <command>`: the Undercurrent admin CLI. Compiles the server first when the build is
// missing or older than the sources (messages go to stderr, so the command's output can be piped).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'packages/server/dist/cli/main.js');

function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    if (item.name === 'node_modules' || item.name === 'dist') continue;
    const full = path.join(dir, item.name);
    latest = Math.max(latest, item.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
const sources = Math.max(
  newest(path.join(root, 'packages/server/src')),
  newest(path.join(root, 'packages/clinical/src')),
);
if (!built || sources > built) {
  process.stderr.write('Compiling the Undercurrent server (first use, or the sources changed)…\n');
  const tsc = spawnSync('npx', ['tsc', '-b', 'packages/clinical', 'packages/server'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // tsc -b leaves unchanged outputs alone; mark the build as newer than the sources it was made from.
  const now = new Date();
  fs.utimesSync(entry, now, now);
}

// The CLI reads process.argv.slice(2): the same arguments this script was given.
await import(pathToFileURL(entry).href);
