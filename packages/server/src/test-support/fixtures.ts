import crypto from 'node:crypto';
import { systemActor } from '../access/actor.js';
import { hashPassword } from '../accounts/password-policy.js';
import { createUser } from '../accounts/users.js';
import type { AppContext } from '../context.js';
import type { Role, SessionStage } from '../db/schema.js';
import { createSession } from '../sessions/session-store.js';
import { formatToken } from '../sessions/tokens.js';
import { uniqueSlug } from './test-app.js';

/**
 * Test data made through the real access layer (fresh practice per test, Medplum-style), plus a
 * way to get a session cookie for a person without going through the sign-in screens.
 */
export const FIXTURE_PASSWORD = 'correct horse battery staple 42';
let cachedHash: Promise<string> | undefined;

export async function createPracticeFixture(ctx: AppContext, name = 'Test Practice'): Promise<string> {
  const id = crypto.randomUUID();
  await ctx.access.createPractice(
    { id, name, slug: uniqueSlug(), timeZone: 'Europe/London', isDemo: false },
    (practiceId) => systemActor(practiceId),
    async () => undefined,
  );
  return id;
}

export interface PersonFixture {
  practiceId: string;
  userId: string;
  email: string;
  password: string;
  roles: Role[];
}

export async function addPerson(
  ctx: AppContext,
  practiceId: string,
  roles: Role[],
  options: { email?: string; displayName?: string } = {},
): Promise<PersonFixture> {
  cachedHash ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await cachedHash;
  const email = options.email ?? `${roles[0] ?? 'person'}-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const userId = await ctx.access.run(systemActor(practiceId), (tx) =>
    createUser(tx, { email, displayName: options.displayName ?? `Test ${roles.join(' ')}`, passwordHash, roles }),
  );
  return { practiceId, userId, email, password: FIXTURE_PASSWORD, roles };
}

/** A `cookie` header value for a new session of this person (stage 'active' unless given). */
export async function sessionCookie(
  ctx: AppContext,
  person: PersonFixture,
  stage: SessionStage = 'active',
): Promise<string> {
  const session = await ctx.access.run(systemActor(person.practiceId), (tx) =>
    createSession(tx, {
      userId: person.userId,
      stage,
      roles: person.roles,
      policy: {
        staffIdleMinutes: ctx.config.staffIdleMinutes,
        clientIdleMinutes: ctx.config.clientIdleMinutes,
        absoluteHours: ctx.config.sessionAbsoluteHours,
      },
    }),
  );
  return `${ctx.cookie.name}=${formatToken(person.practiceId, session.secret)}`;
}

/** A practice with one person in each role, each with a signed-in cookie. */
export async function practiceWithEveryRole(ctx: AppContext, name?: string) {
  const practiceId = await createPracticeFixture(ctx, name);
  const people = {
    admin: await addPerson(ctx, practiceId, ['admin']),
    therapist: await addPerson(ctx, practiceId, ['therapist']),
    supervisor: await addPerson(ctx, practiceId, ['supervisor']),
    client: await addPerson(ctx, practiceId, ['client']),
  };
  const cookies = {
    admin: await sessionCookie(ctx, people.admin),
    therapist: await sessionCookie(ctx, people.therapist),
    supervisor: await sessionCookie(ctx, people.supervisor),
    client: await sessionCookie(ctx, people.client),
  };
  return { practiceId, people, cookies };
}

export interface RecordedAuditEvent {
  id: number;
  action: string;
  outcome: string;
  actor_user_id: string | null;
  actor_role: string | null;
  subject_type: string | null;
  subject_id: string | null;
  subject_user_id: string | null;
  details: Record<string, string | number | boolean | null>;
}

/** The audit events of a practice, oldest first, so a test can assert what was recorded. */
export async function auditEventsOf(ctx: AppContext, practiceId: string): Promise<RecordedAuditEvent[]> {
  return ctx.access.run(systemActor(practiceId), async (tx) => {
    const result = await tx.query<RecordedAuditEvent>(
      `SELECT id, action, outcome, actor_user_id, actor_role, subject_type, subject_id, subject_user_id, details
         FROM audit_events ORDER BY id`,
    );
    return result.rows;
  });
}

/** Runs SQL scoped to the practice (as the system), for arranging a test's situation. */
export async function scopedQuery<R extends Record<string, unknown> = Record<string, unknown>>(
  ctx: AppContext,
  practiceId: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  return ctx.access.run(systemActor(practiceId), async (tx) => (await tx.query<R>(sql, values)).rows);
}

// ---- Sign-in, second-factor and session fixtures (auth, mfa, account and security tests) ----
// Imports of this section are kept with it so the file stays append-only.
import type { FastifyInstance } from 'fastify';
import { generateSecret } from 'otplib';
import { CSRF } from './test-app.js';

/** The `cookie` header for the session cookie a response set; undefined when it set none or cleared it. */
export function sessionCookieFrom(
  ctx: AppContext,
  res: { cookies: { name: string; value: string }[] },
): string | undefined {
  const set = res.cookies.filter((c) => c.name === ctx.cookie.name).at(-1);
  return set && set.value ? `${ctx.cookie.name}=${set.value}` : undefined;
}

/** Signs in through the API (as the web app does); the response and the cookie it set. */
export async function signInThroughApi(
  app: FastifyInstance,
  person: { practiceId: string; email: string; password: string },
  options: { cookie?: string; ip?: string; password?: string } = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { ...CSRF, ...(options.cookie ? { cookie: options.cookie } : {}) },
    remoteAddress: options.ip ?? '127.0.0.1',
    payload: { practiceId: person.practiceId, email: person.email, password: options.password ?? person.password },
  });
  return { res, cookie: sessionCookieFrom(app.ctx, res) };
}

/** Gives a person a confirmed authenticator app; returns its secret, for computing codes with otplib. */
export async function addTotpFactor(ctx: AppContext, person: PersonFixture): Promise<string> {
  const secret = generateSecret({ length: 20 });
  await ctx.access.run(systemActor(person.practiceId), async (tx) => {
    const secretEnc = await tx.encrypt('clinical', `mfa_totp:${person.userId}`, secret);
    await tx.query(`INSERT INTO mfa_totp (practice_id, user_id, secret_enc, confirmed_at) VALUES ($1, $2, $3, now())`, [
      person.practiceId,
      person.userId,
      secretEnc,
    ]);
  });
  return secret;
}

/**
 * Runs SQL as the database owner inside a transaction scoped to the practice (row-level security is
 * forced, so even the owner sets app.practice_id): for moving timestamps a test needs in the past.
 */
export async function ownerQuery<R extends Record<string, unknown> = Record<string, unknown>>(
  ctx: AppContext,
  practiceId: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = await ctx.pools.owner.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceId]);
    const result = await client.query<R>(sql, values);
    await client.query('COMMIT');
    return result.rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
