import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { AccessLayer } from './access/access-layer.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { KeyRing } from './crypto/key-ring.js';
import { loadOrCreateMasterKey } from './crypto/master-key.js';
import { assertSchema } from './db/assert-schema.js';
import { lockDataDir, type DataDirLock } from './db/data-dir-lock.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createPools, type Pools } from './db/pool.js';
import { cookieSettings } from './http/authenticate.js';
import { LOG_REDACTIONS, LOG_SERIALIZERS } from './logging.js';
import { backgroundJobs } from './jobs/background-jobs.js';
import { startJobs, type JobRunner } from './jobs/runner.js';
import { VERSION } from './version.js';

/**
 * Brings the whole product up: data-directory lock, master key, database (embedded or external),
 * migrations and schema check, the HTTP app, background jobs. `stop()` takes it all down in order.
 */
export interface Running {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  jobs: JobRunner;
  stop(): Promise<void>;
}

export interface Started {
  ctx: AppContext;
  log: Logger;
  close(): Promise<void>;
}

/**
 * Everything but HTTP: used by the server and by the admin CLI. The data-directory lock is always
 * taken for the embedded database (one process per cluster); with DATABASE_URL the admin CLI may
 * skip it (`lockDataDir: false`) to run alongside the servers.
 */
export async function openCore(config: Config, log: Logger, options: { lockDataDir?: boolean } = {}): Promise<Started> {
  const lock: DataDirLock =
    options.lockDataDir === false && config.databaseUrl ? { release: () => undefined } : lockDataDir(config.dataDir);
  let embedded: EmbeddedDatabase | undefined;
  let pools: Pools | undefined;
  try {
    const master = loadOrCreateMasterKey(config.dataDir, config.masterKey);
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedDatabase(
        config.dataDir,
        (msg) => log.info(msg),
        (msg) => log.debug({ postgres: msg }),
      );
      url = embedded.url;
    } else {
      log.info('using the external PostgreSQL from DATABASE_URL');
    }
    pools = createPools(url);
    const migrationVersion = await migrate(pools.owner);
    await assertSchema(pools.owner, migrationVersion);
    log.info({ migration: migrationVersion }, 'database schema is current');
    const ctx: AppContext = {
      config,
      pools,
      access: new AccessLayer(pools, new KeyRing(master)),
      cookie: cookieSettings(config.publicUrl),
      database: { mode: embedded ? 'embedded' : 'external', migrationVersion },
      version: VERSION,
    };
    const openPools = pools;
    const openEmbedded = embedded;
    return {
      ctx,
      log,
      async close() {
        await openPools.end().catch(() => undefined);
        await openEmbedded?.stop();
        lock.release();
      },
    };
  } catch (error) {
    await pools?.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    lock.release();
    throw error;
  }
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, redact: LOG_REDACTIONS, serializers: LOG_SERIALIZERS });
}

export async function startUndercurrent(config: Config, log = createLogger(config)): Promise<Running> {
  const core = await openCore(config, log);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(core.ctx, { loggerInstance: log.child({ component: 'http' }) });
    const address = await app.listen({ host: config.host, port: config.port });
    const jobs = startJobs(backgroundJobs(core.ctx), (job, error) => log.error({ err: error, job }, 'job failed'));
    const url = config.publicUrl;
    log.info(`Undercurrent is ready at ${url} (listening on ${address})`);
    const openApp = app;
    let stopping: Promise<void> | undefined;
    return {
      app: openApp,
      ctx: core.ctx,
      url,
      jobs,
      stop() {
        stopping ??= (async () => {
          await openApp.close();
          await jobs.stop();
          await jobs.runAll().catch(() => undefined); // seal what was written last
          await core.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await core.close();
    throw error;
  }
}
