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
