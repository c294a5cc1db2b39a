import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertSchema } from '../../db/assert-schema.js';
import { migrate } from '../../db/migrate.js';
import { auditEventsOf, createPracticeFixture, scopedQuery, sessionCookieFrom } from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { isTimeZone, slugFromName } from './slug.js';

/**
 * First-run setup needs an instance with no practice at all, so these tests get a database of their
 * own (created, migrated, dropped) on the same PostgreSQL server as the rest of the run. Several
 * apps on one such database stand in for several app nodes.
 */
async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(inject('databaseUrl'));
  const name = `uc_setup_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const owner = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await assertSchema(owner, await migrate(owner));
  await owner.end();
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: base.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

function appOn(url: string): Promise<TestApp> {
  return createTestApp({}, url);
}

const PASSWORD = 'juniper lantern seventy harbour';
const body = (overrides: Record<string, unknown> = {}) => ({
  practiceName: 'Ørsted & Hale Rooms',
  admin: { displayName: 'Dr Maya Hale', email: 'Maya@Example.org', password: PASSWORD },
  ...overrides,
});

describe('POST /api/setup on a new instance', () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    t = await appOn(database.url);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('refuses bad input with 400s a person can act on, creating nothing', async () => {
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: CSRF,
      payload: body({ admin: { displayName: 'Dr Maya Hale', email: 'maya@example.org', password: 'password1' } }),
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toBe('weak_password');
    expect(weak.json().fields).toEqual([{ field: 'admin.password', message: weak.json().message }]);
    expect(weak.json().message).toMatch(/at least 10 characters/);

    const zone = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: CSRF,
      payload: body({ timeZone: 'Mars/Olympus_Mons' }),
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().message).toMatch(/not a time zone we know/);
    expect(zone.json().fields[0].field).toBe('timeZone');

    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: CSRF,
      payload: { practiceName: 'X' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/admin is required/);

    const practices = await t.app.inject({ method: 'GET', url: '/api/practices' });
    expect(practices.json().needsSetup).toBe(true);
  });

  it('creates the practice and its admin, whose session must enrol a second factor first', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: CSRF,
      payload: body({ timeZone: 'Europe/Dublin' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ stage: 'mfa_enrolment' });
    const cookie = sessionCookieFrom(t.ctx, res) ?? '';
    expect(cookie).toMatch(/^uc_session=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

    const practices = (await t.app.inject({ method: 'GET', url: '/api/practices' })).json();
    expect(practices.needsSetup).toBe(false);
    expect(practices.practices).toEqual([
      { id: expect.any(String), name: 'Ørsted & Hale Rooms', slug: 'orsted-and-hale-rooms', isDemo: false },
    ]);

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      user: { email: 'maya@example.org', displayName: 'Dr Maya Hale', roles: ['admin'] },
      session: { stage: 'mfa_enrolment' },
      mfa: { required: true },
    });
    const people = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie } });
    expect(people.statusCode).toBe(401);
    expect(people.json().error).toBe('session_mfa_enrolment');

    const practiceId = practices.practices[0].id as string;
    const actions = (await auditEventsOf(t.ctx, practiceId)).map((e) => e.action);
    // The enrolment session's try at /api/me/sessions above is recorded as a denial.
    expect(actions).toEqual(['practice.created', 'account.created', 'auth.sign_in', 'access.denied']);

    const again = await t.app.inject({ method: 'POST', url: '/api/setup', headers: CSRF, payload: body() });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already been set up/);
  });
});

describe('POST /api/setup racing itself', () => {
  let nodes: TestApp[];
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    nodes = [await appOn(database.url), await appOn(database.url)];
  });
  afterAll(async () => {
    for (const node of nodes) await node.close();
    await database.drop();
  });

  it('lets exactly one of several concurrent setups on two app nodes succeed, whatever their names', async () => {
    const names = ['North Practice', 'South Practice', 'North Practice', 'East Rooms', 'West Rooms', 'South Practice'];
    const results = await Promise.all(
      names.map((practiceName, i) =>
        (nodes[i % 2] as TestApp).app.inject({
          method: 'POST',
          url: '/api/setup',
          headers: CSRF,
          payload: body({ practiceName }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error).toBe('already_set_up');
    }
    const practices = await nodes[0]?.ctx.access.listPractices();
    expect(practices).toHaveLength(1);
    const users = await scopedQuery<{ n: number }>(
      (nodes[1] as TestApp).ctx,
      practices?.[0]?.id ?? '',
      'SELECT count(*)::int AS n FROM users',
    );
    expect(users[0]?.n).toBe(1);
  });
});

describe('POST /api/setup once practices exist', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers 409 and creates nothing', async () => {
    await createPracticeFixture(t.ctx);
    const before = (await t.ctx.access.listPractices()).length;
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', headers: CSRF, payload: body() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('already_set_up');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await t.ctx.access.listPractices()).length).toBe(before);
  });
});

describe('practice slugs and time zones', () => {
  it('derives a URL-safe slug from any name', () => {
    expect(slugFromName('The Tavistock Rooms')).toBe('the-tavistock-rooms');
    expect(slugFromName('  Café Æsop — Straße 12 ')).toBe('cafe-aesop-strasse-12');
    expect(slugFromName('心理療法')).toBe('practice');
    const long = slugFromName('a'.repeat(59) + ' b');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9](-?[a-z0-9])*$/);
  });

  it('knows real time zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Nowhere/Special')).toBe(false);
  });
});
