import crypto from 'node:crypto';
import { systemActor } from '../../access/actor.js';
import { createUser } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import type { Role } from '../../db/schema.js';
import {
  DEFAULT_POLICY,
  type AppointmentStatus,
  type CancellationPolicy,
  type WeeklySlot,
} from '../../frame/frame-types.js';
import { slotRrule } from '../../frame/recurrence.js';
import { utcToLocal } from '../../frame/zoned-time.js';
import { createSession } from '../../sessions/session-store.js';
import { formatToken } from '../../sessions/tokens.js';
import { materialiseEpisode } from './materialise.js';

/**
 * Test data for the charges tests, written straight into the real database (scoped to the practice
 * as the system): a practice, a therapist and client in care with an agreed episode, signed-in
 * sessions for them, and appointments at chosen instants. Series get a real recurring rule
 * materialised by the real materialiser. Built on the production modules only (not test-support,
 * which the server build leaves out), so this file compiles with the server.
 */
interface TestAppLike {
  ctx: AppContext;
}

export interface PersonFixture {
  practiceId: string;
  userId: string;
  email: string;
  roles: Role[];
}

/** Runs SQL scoped to the practice, as the system. */
export async function scopedQuery<R extends Record<string, unknown> = Record<string, unknown>>(
  ctx: AppContext,
  practiceId: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  return ctx.access.run(systemActor(practiceId), async (tx) => (await tx.query<R>(sql, values)).rows);
}

export async function addPerson(
  ctx: AppContext,
  practiceId: string,
  roles: Role[],
  options: { displayName?: string } = {},
): Promise<PersonFixture> {
  const email = `${roles[0] ?? 'person'}-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const userId = await ctx.access.run(systemActor(practiceId), (tx) =>
    createUser(tx, { email, displayName: options.displayName ?? `Test ${roles.join(' ')}`, passwordHash: null, roles }),
  );
  return { practiceId, userId, email, roles };
}

/** The `cookie` header of a new signed-in session of this person. */
export async function sessionCookie(ctx: AppContext, person: PersonFixture): Promise<string> {
  const session = await ctx.access.run(systemActor(person.practiceId), (tx) =>
    createSession(tx, {
      userId: person.userId,
      stage: 'active',
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

async function createPractice(ctx: AppContext): Promise<string> {
  const id = crypto.randomUUID();
  await ctx.access.createPractice(
    {
      id,
      name: 'Charges Practice',
      slug: `charges-${crypto.randomBytes(5).toString('hex')}`,
      timeZone: 'Europe/London',
      isDemo: false,
    },
    (practiceId) => systemActor(practiceId),
    async () => undefined,
  );
  return id;
}
export const ZONE = 'Europe/London';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface CarePair {
  therapist: PersonFixture;
  client: PersonFixture;
  therapistCookie: string;
  clientCookie: string;
  episodeId: string;
}

export interface ChargesWorld {
  practiceId: string;
  admin: PersonFixture;
  adminCookie: string;
  pair: CarePair;
}

export async function setPolicy(t: TestAppLike, practiceId: string, therapistId: string, policy: CancellationPolicy) {
  await scopedQuery(
    t.ctx,
    practiceId,
    `INSERT INTO therapist_settings (practice_id, therapist_id, policy, time_zone)
     VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (practice_id, therapist_id) DO UPDATE SET policy = excluded.policy`,
    [practiceId, therapistId, JSON.stringify(policy), ZONE],
  );
}

/** An active open-ended episode between the two (care assignment, settings with the policy). */
export async function careEpisode(
  t: TestAppLike,
  practiceId: string,
  therapist: PersonFixture,
  client: PersonFixture,
  options: { policy?: CancellationPolicy; feePence?: number } = {},
): Promise<string> {
  await scopedQuery(
    t.ctx,
    practiceId,
    `INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [practiceId, therapist.userId, client.userId],
  );
  await setPolicy(t, practiceId, therapist.userId, options.policy ?? DEFAULT_POLICY);
  const rows = await scopedQuery<{ id: string }>(
    t.ctx,
    practiceId,
    `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, time_zone, fee_pence, session_minutes,
                           start_date, agreed_at)
     VALUES ($1, $2, $3, 'active', 'open', $4, $5, 50, current_date, now()) RETURNING id`,
    [practiceId, therapist.userId, client.userId, ZONE, options.feePence ?? 7000],
  );
  return rows[0]?.id ?? '';
}

export async function carePair(
  t: TestAppLike,
  practiceId: string,
  options: { policy?: CancellationPolicy; feePence?: number; therapist?: PersonFixture } = {},
): Promise<CarePair> {
  const therapist =
    options.therapist ?? (await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Ada Field' }));
  const client = await addPerson(t.ctx, practiceId, ['client'], { displayName: 'Sam Client' });
  const episodeId = await careEpisode(t, practiceId, therapist, client, options);
  return {
    therapist,
    client,
    therapistCookie: await sessionCookie(t.ctx, therapist),
    clientCookie: await sessionCookie(t.ctx, client),
    episodeId,
  };
}

export async function chargesWorld(
  t: TestAppLike,
  options: { policy?: CancellationPolicy; feePence?: number } = {},
): Promise<ChargesWorld> {
  const practiceId = await createPractice(t.ctx);
  const admin = await addPerson(t.ctx, practiceId, ['admin']);
  const therapist = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Test therapist' });
  const pair = await carePair(t, practiceId, { ...options, therapist });
  return { practiceId, admin, adminCookie: await sessionCookie(t.ctx, admin), pair };
}

/** A session of the pair's episode starting at `startsAt` (50 minutes, London wall time). */
export async function addSession(
  t: TestAppLike,
  practiceId: string,
  pair: CarePair,
  startsAt: Date,
  options: { status?: AppointmentStatus; feePence?: number; minutes?: number; locationId?: string } = {},
): Promise<string> {
  const local = utcToLocal(startsAt, ZONE);
  const rows = await scopedQuery<{ id: string }>(
    t.ctx,
    practiceId,
    `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at, local_start,
                               time_zone, fee_pence, status, location_id)
     VALUES ($1, $2, $3, $4, 'session', $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      practiceId,
      pair.episodeId,
      pair.therapist.userId,
      pair.client.userId,
      startsAt,
      new Date(startsAt.getTime() + (options.minutes ?? 50) * 60_000),
      `${local.date}T${local.time}`,
      ZONE,
      options.feePence ?? 7000,
      options.status ?? 'scheduled',
      options.locationId ?? null,
    ],
  );
  return rows[0]?.id ?? '';
}

/**
 * Gives the pair's episode a real weekly series on `slot` from `startDate` — brief with
 * `sessionCount` sessions, or open-ended when it is null — materialised by the real materialiser.
 */
export async function agreeSeries(
  t: TestAppLike,
  practiceId: string,
  pair: CarePair,
  slot: WeeklySlot,
  startDate: string,
  sessionCount: number | null,
): Promise<void> {
  await t.ctx.access.run(systemActor(practiceId), async (tx) => {
    await tx.query(
      `UPDATE episodes SET kind = $2, session_count = $3, slots = $4::jsonb, start_date = $5 WHERE id = $1`,
      [pair.episodeId, sessionCount === null ? 'open' : 'brief', sessionCount, JSON.stringify([slot]), startDate],
    );
    await tx.query(
      `INSERT INTO session_series (practice_id, episode_id, rrule, weekday, local_time, time_zone, starts_on,
                                   materialised_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7::date - 1)`,
      [practiceId, pair.episodeId, slotRrule(slot, {}), slot.weekday, slot.time, ZONE, startDate],
    );
    await materialiseEpisode(tx, pair.episodeId);
  });
}

export async function makeBrief(
  t: TestAppLike,
  practiceId: string,
  pair: CarePair,
  slot: WeeklySlot,
  startDate: string,
  sessionCount: number,
): Promise<void> {
  await agreeSeries(t, practiceId, pair, slot, startDate, sessionCount);
}

/** The ledger rows of a client straight from the database, oldest first. */
export async function ledgerRows(t: TestAppLike, practiceId: string, clientId: string) {
  return scopedQuery<{ kind: string; amount_pence: number; appointment_id: string | null; reverses_id: string | null }>(
    t.ctx,
    practiceId,
    `SELECT kind, amount_pence, appointment_id, reverses_id FROM ledger_entries WHERE client_id = $1
      ORDER BY created_at, (kind <> 'reversal'), id`,
    [clientId],
  );
}

/** The outbox messages of a practice (recipient, subject, decrypted body). */
export async function outboxMessages(t: TestAppLike, practiceId: string, kind: string) {
  return t.ctx.access.run(systemActor(practiceId), async (tx) => {
    const rows = await tx.query<{ id: string; to_address: string; subject: string; body_enc: string }>(
      'SELECT id, to_address, subject, body_enc FROM outbox WHERE kind = $1 ORDER BY created_at, id',
      [kind],
    );
    const messages = [];
    for (const row of rows.rows) {
      messages.push({
        to: row.to_address,
        subject: row.subject,
        text: await tx.decrypt(`outbox:${row.id}`, row.body_enc),
      });
    }
    return messages;
  });
}
