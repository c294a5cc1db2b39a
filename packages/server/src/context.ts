import type { AccessLayer } from './access/access-layer.js';
import type { Config } from './config.js';
import type { Pools } from './db/pool.js';
import type { CookieSettings } from './http/authenticate.js';

/** What the app factory is given: no globals, everything passed in (tests build several apps at once). */
export interface AppContext {
  config: Config;
  pools: Pools;
  access: AccessLayer;
  cookie: CookieSettings;
  database: { mode: 'embedded' | 'external'; migrationVersion: number };
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
