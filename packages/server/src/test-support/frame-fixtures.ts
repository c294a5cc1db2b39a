import { vi } from 'vitest';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import {
  DEFAULT_POLICY,
  type AppointmentStatus,
  type CancellationPolicy,
  type WeeklySlot,
} from '../frame/frame-types.js';
import { slotRrule } from '../frame/recurrence.js';
import { utcToLocal } from '../frame/zoned-time.js';
import { materialiseEpisode } from '../features/frame/materialise.js';

/**
 * Frame test data, written straight into the real database (scoped to the practice as the system):
 * a practice, a therapist and client in care with an agreed episode, signed-in sessions for them,
 * and appointments at chosen instants. Series get a real recurring rule materialised by the real
 * materialiser.
 */
interface TestAppLike {
  ctx: AppContext;
}

import { addPerson, createPracticeFixture, scopedQuery, sessionCookie, type PersonFixture } from './fixtures.js';

export { addPerson, scopedQuery, sessionCookie, type PersonFixture };

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
  const practiceId = await createPracticeFixture(t.ctx, 'Charges Practice');
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

/** Puts a client in a therapist's care (what inviting a client does), for tests that build people directly. */
export async function placeInCare(ctx: AppContext, practiceId: string, therapistId: string, clientId: string) {
  await scopedQuery(
    ctx,
    practiceId,
    `INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES ($1, $2, $3)`,
    [practiceId, therapistId, clientId],
  );
}

/** Fixes "now" for Date only (timers keep running); undo with vi.useRealTimers(). */
export function pretendNowIs(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
