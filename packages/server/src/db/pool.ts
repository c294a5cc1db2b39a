import pg from 'pg';

/** The role every request runs as: owns no table, cannot bypass row-level security. */
export const APP_ROLE = 'undercurrent_app';

export interface Pools {
  /** Connects as DATABASE_URL's user (the owner): migrations, schema checks, the admin CLI. */
  owner: pg.Pool;
  /** Connects as the same user but switched to APP_ROLE at connection start: every request. */
  app: pg.Pool;
  end(): Promise<void>;
}

// Timestamps come back as Date, bigint (int8) as string; keep numeric counts exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});

export function createPools(url: string, appMax = 20): Pools {
  const owner = new pg.Pool({ connectionString: url, max: 4, application_name: 'undercurrent-owner' });
  const app = new pg.Pool({
    connectionString: url,
    max: appMax,
    application_name: 'undercurrent-app',
    options: `-c role=${APP_ROLE}`,
  });
  const ignore = () => undefined;
  owner.on('error', ignore);
  app.on('error', ignore);
  let ended = false;
  return {
    owner,
    app,
    async end() {
      if (ended) return;
      ended = true;
      await Promise.all([owner.end(), app.end()]);
    },
  };
}
