import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from './db/free-port.js';

/**
 * The product as a process, the way `npm start` runs it: first start initialises the embedded
 * PostgreSQL, a second start on the same data directory is refused with a clear message, SIGTERM
 * stops everything cleanly, and a restart keeps every committed write. Needs `npm run build`
 * (npm test builds before it runs the tests).
 */
const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'undercurrent-lifecycle-'));
fs.chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(port: number, env: Record<string, string> = {}): Started {
  const baseEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...baseEnv, PORT: String(port), UNDERCURRENT_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(port: number, started: Started, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return (await res.json()) as Record<string, unknown>;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${started.output()}`);
}

describe('the product process (embedded PostgreSQL)', () => {
  it('is built', () => {
    expect(fs.existsSync(MAIN), `${MAIN} is missing: run npm run build first`).toBe(true);
  });

  it('starts, refuses a second instance, stops cleanly on SIGTERM and keeps committed writes', async () => {
    const port = await findFreePort();
    const t0 = Date.now();
    const first = start(port);
    const health = await waitForHealth(port, first, 60_000);
    const firstStartMs = Date.now() - t0;
    expect(health).toMatchObject({ status: 'ok', database: 'embedded' });
    expect(firstStartMs).toBeLessThan(60_000);
    expect(first.output()).toMatch(/embedded PostgreSQL listening on 127\.0\.0\.1:\d+/);
    expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);

    const second = start(await findFreePort());
    expect(await second.exited).toBe(3);
    expect(second.output()).toMatch(/already running on the data directory/);

    const setup = await fetch(`http://127.0.0.1:${port}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-undercurrent-csrf': '1' },
      body: JSON.stringify({
        practiceName: 'Lifecycle Practice',
        admin: { displayName: 'Ada Admin', email: 'ada@example.org', password: 'quiet harbour lantern 1987' },
      }),
    });
    expect(setup.status).toBe(201);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'undercurrent.pid'))).toBe(false);

    const t1 = Date.now();
    const again = start(port);
    await waitForHealth(port, again, 10_000);
    expect(Date.now() - t1).toBeLessThan(10_000);
    const practices = (await (await fetch(`http://127.0.0.1:${port}/api/practices`)).json()) as {
      needsSetup: boolean;
      practices: { name: string }[];
    };
    expect(practices.needsSetup).toBe(false);
    expect(practices.practices.map((p) => p.name)).toEqual(['Lifecycle Practice']);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('recovers when the previous process was killed outright (its PostgreSQL is stopped and restarted)', async () => {
    const port = await findFreePort();
    const killed = start(port);
    await waitForHealth(port, killed, 30_000);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const next = start(port);
    const health = await waitForHealth(port, next, 30_000);
    expect(health.status).toBe('ok');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }, 90_000);

  // Defined only on the DATABASE_URL run (CI runs both), so neither run reports a skipped test.
  if (inject('databaseMode') === 'external')
    it('with DATABASE_URL it runs on the external PostgreSQL and says so', async () => {
      const port = await findFreePort();
      const ext = start(port, {
        DATABASE_URL: inject('databaseUrl'),
        UNDERCURRENT_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'undercurrent-ext-')),
      });
      const health = await waitForHealth(port, ext, 30_000);
      expect(health).toMatchObject({ status: 'ok', database: 'external' });
      ext.child.kill('SIGTERM');
      expect(await ext.exited).toBe(0);
    }, 60_000);
});
