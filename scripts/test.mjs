#!/usr/bin/env node
// `npm test`: every check, in order, failing loudly on the first that fails.
// lint + format → typecheck → build → unit and integration tests (vitest, real PostgreSQL) → end-to-end (Playwright, Chromium).
// Integration and e2e use the embedded PostgreSQL unless DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `\nThe end-to-end tests need Chromium at ${chromium} and it is not there.\n` +
      'Install it with your package manager (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or point CHROMIUM_PATH at a Chromium binary. The tests never download a browser.\n',
  );
  process.exit(1);
}

const steps = [
  ['lint', ['npx', 'eslint', '.']],
  ['format', ['npx', 'prettier', '--check', '.']],
  ['typecheck', ['npm', 'run', 'typecheck', '--silent']],
  ['build', ['npm', 'run', 'build', '--silent']],
  ['unit and integration tests', ['npx', 'vitest', 'run']],
  ['end-to-end tests', ['npx', 'playwright', 'test', '-c', 'e2e/playwright.config.ts']],
];

const mode = process.env.DATABASE_URL ? 'external PostgreSQL (DATABASE_URL)' : 'embedded PostgreSQL';
console.log(`Undercurrent tests on Node ${process.version}, ${mode}`);
const started = Date.now();
for (const [name, [cmd, ...args]] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${secs}s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${secs}s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
