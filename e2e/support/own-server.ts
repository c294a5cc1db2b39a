import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';

/**
 * A server of a spec's own (e2e/start-server.mjs: fresh data directory and database), for specs
 * that must set up a practice from scratch — the first-run setup screen exists once per server, and
 * the shared server's belongs to journeys.spec.ts.
 */
export interface OwnServer {
  origin: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
}

/** `demo`: the demo practice, seeded (sign in as its people with DEMO_PASSWORD, no two-step verification). */
export async function startOwnServer(options: { demo?: boolean } = {}): Promise<OwnServer> {
  // A free port is only free until someone takes it: with two workers, another spec's server may take
  // it first. The server then stops at once, and it is started again on another port.
  for (let attempt = 1; ; attempt += 1) {
    const started = await startOnce(options, await freePort());
    if (started !== 'stopped early') return started;
    if (attempt === 3) throw new Error('the server stopped at once three times (see its output above)');
  }
}

async function startOnce(options: { demo?: boolean }, port: number): Promise<OwnServer | 'stopped early'> {
  const origin = `http://localhost:${port}`;
  const child = spawn(process.execPath, [fileURLToPath(new URL('../start-server.mjs', import.meta.url))], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      UNDERCURRENT_PUBLIC_URL: origin,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      UC_E2E_DEMO: options.demo ? '1' : '',
      // The run's shared PostgreSQL (e2e/global-setup.ts): a fresh database on it, not a cluster of its own.
      ...(process.env.UC_E2E_CLUSTER_URL ? { DATABASE_URL: process.env.UC_E2E_CLUSTER_URL } : {}),
    },
    stdio: 'inherit',
  });
  // Should the worker itself be stopped, the server goes with it.
  process.once('exit', () => child.kill('SIGTERM'));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return 'stopped early';
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (health.ok) return { origin, stop: () => stop(child) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop(child);
  throw new Error('the server did not start within 2 minutes');
}

/**
 * A spec file's own server, started before its first test and stopped after its last: call once at
 * the top of the file and read `origin` inside the tests.
 */
export function ownServerForFile(options: { demo?: boolean } = {}): { readonly origin: string } {
  let server: OwnServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    server = await startOwnServer(options);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return {
    get origin() {
      return server?.origin ?? '';
    },
  };
}
