// Shared by `npm start`, `npm run demo` and `npm run cli`: compile what is missing or older than its
// sources. A stamp file per output records when it was last built from them (tsc -b leaves unchanged
// outputs alone, so their own times say nothing). Messages go to stderr so command output can be piped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

function stale(stampFile, sourceDirs, output) {
  const stamp = fs.existsSync(stampFile) && fs.existsSync(output) ? fs.statSync(stampFile).mtimeMs : 0;
  return stamp === 0 || Math.max(...sourceDirs.map((d) => newest(path.join(root, d)))) > stamp;
}

function run(what, cmd, args) {
  process.stderr.write(`Building ${what} (first use, or the sources changed)…\n`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function buildIfNeeded({ web }) {
  const serverStamp = path.join(root, 'packages/server/dist/.built');
  if (
    stale(
      serverStamp,
      ['packages/server/src', 'packages/clinical/src'],
      path.join(root, 'packages/server/dist/main.js'),
    )
  ) {
    run('the server', 'npx', ['tsc', '-b', 'packages/clinical', 'packages/server']);
    fs.writeFileSync(serverStamp, new Date().toISOString());
  }
  const webStamp = path.join(root, 'packages/web/dist/.built');
  if (
    web &&
    stale(
      webStamp,
      ['packages/web/src', 'packages/web/public', 'packages/clinical/src'],
      path.join(root, 'packages/web/dist/index.html'),
    )
  ) {
    run('the web app', 'npm', ['run', 'build', '--silent', '-w', '@undercurrent/web']);
    fs.writeFileSync(webStamp, new Date().toISOString());
  }
}
