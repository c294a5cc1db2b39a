import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { AccessLayer } from '../access/access-layer.js';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { AppContext } from '../context.js';
import { KeyRing } from '../crypto/key-ring.js';
import { masterKeyFromBytes, type MasterKey } from '../crypto/master-key.js';
import { readMigrations } from '../db/migrate.js';
import { createPools } from '../db/pool.js';
import { cookieSettings } from '../http/authenticate.js';
import { VERSION } from '../version.js';

/**
 * An app built on the test run's real database, listening nowhere (tests use `app.inject`).
 * Each test file builds its own; each test creates its own practice.
 */
export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  master: MasterKey;
  close(): Promise<void>;
}

export const TEST_MASTER_KEY: MasterKey = masterKeyFromBytes(
  crypto.createHash('sha256').update('undercurrent-tests').digest(),
);

/** `databaseUrl`: another database than the run's own (a test that needs an empty one). */
export async function createTestApp(overrides: Partial<Config> = {}, databaseUrl?: string): Promise<TestApp> {
  const config: Config = {
    ...loadConfig({ UNDERCURRENT_PUBLIC_URL: 'http://localhost:8080' }),
    logLevel: 'silent',
    ...overrides,
  };
  const pools = createPools(databaseUrl ?? inject('databaseUrl'), 6);
  const ctx: AppContext = {
    config,
    pools,
    access: new AccessLayer(pools, new KeyRing(TEST_MASTER_KEY)),
    cookie: cookieSettings(config.publicUrl),
    database: { mode: inject('databaseMode'), migrationVersion: readMigrations().at(-1)?.version ?? 0 },
    version: VERSION,
  };
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  return {
    app,
    ctx,
    master: TEST_MASTER_KEY,
    async close() {
      await app.close();
      await pools.end();
    },
  };
}

/** Headers every state-changing request from the web app carries. */
export const CSRF = { 'x-undercurrent-csrf': '1' } as const;

export function uniqueSlug(prefix = 'practice'): string {
  return `${prefix}-${crypto.randomBytes(5).toString('hex')}`;
}
