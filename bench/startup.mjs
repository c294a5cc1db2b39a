#!/usr/bin/env node
// Budget: `npm start` ready in < 10 s after the first initialisation of the embedded database.
// Measures, on a fresh data directory, the first start (initdb + migrations) and then N later
// starts, each from process spawn to the first 200 from /api/health. Baseline in the same run: a
// bare `node -e` that starts and exits (the cost of starting Node itself). Needs `npm run build`.
// Usage: node bench/startup.mjs [later-starts]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const main = new URL('../packages/server/dist/main.js', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 5);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-startup-'));
fs.chmodSync(dataDir, 0o755);

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function timeStart() {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), UNDERCURRENT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, [main], { env, stdio: 'ignore' });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) break;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = performance.now() - t0;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  return ms;
}

async function nodeBaseline() {
  const t0 = performance.now();
  await new Promise((r) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', r));
  return performance.now() - t0;
}

const first = await timeStart();
const later = [];
const baseline = [];
for (let i = 0; i < runs; i += 1) {
  baseline.push(await nodeBaseline());
  later.push(await timeStart());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`first start (initdb + migrations): ${(first / 1000).toFixed(2)} s`);
console.log(
  `later starts: ${later.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; median ${(median(later) / 1000).toFixed(2)} s (budget < 10 s)`,
);
console.log(
  `bare node start: median ${median(baseline).toFixed(0)} ms; later start = ${(median(later) / median(baseline)).toFixed(1)} × bare node`,
);
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(median(later) < 10_000 ? 0 : 1);
