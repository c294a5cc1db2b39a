import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { DEFAULT_POLICY } from '../../frame/frame-types.js';
import { addDays, localToUtc, todayIn, weekdayOf } from '../../frame/zoned-time.js';
import { auditEventsOf, scopedQuery } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { lockFrame } from './clash.js';
import { materialiseEpisode } from './materialise.js';
import {
  addSession,
  agreeSeries,
  chargesWorld,
  DAY,
  HOUR,
  ledgerRows,
  makeBrief,
  ZONE,
  type ChargesWorld,
} from '../../test-support/frame-fixtures.js';

/**
 * Regressions found in a review of the frame's server side: money (what a client confirms is what
 * is charged) and the number of sessions a brief episode offers.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function mark(w: ChargesWorld, id: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/attendance`,
    headers: { cookie: w.pair.therapistCookie, ...CSRF },
    payload,
  });
}

function cancel(w: ChargesWorld, id: string, expectedAmountPence: number) {
  return t.app.inject({
    method: 'POST',
    url: `/api/frame/appointments/${id}/cancel`,
    headers: { cookie: w.pair.clientCookie, ...CSRF },
    payload: { expectedAmountPence },
  });
}

async function offeredSessions(w: ChargesWorld): Promise<number> {
  const rows = await scopedQuery<{ n: number }>(
    t.ctx,
    w.practiceId,
    `SELECT count(*)::int AS n FROM appointments
      WHERE episode_id = $1 AND kind = 'session' AND status NOT IN ('cancelled_therapist', 'moved')`,
    [w.pair.episodeId],
  );
  return rows[0]?.n ?? -1;
}

describe('frame review regressions', () => {
  it('a brief episode still offers exactly its number after a therapist’s cancellation is re-marked', async () => {
    const w = await chargesWorld(t);
    // One session today (already held), then a brief frame of three in all from next week.
    const today = await addSession(t, w.practiceId, w.pair, new Date(Date.now() - 2 * HOUR));
    const start = addDays(todayIn(ZONE), 7);
    await makeBrief(t, w.practiceId, w.pair, { weekday: weekdayOf(start), time: '10:00' }, start, 3);
    expect(await offeredSessions(w)).toBe(3);
    // The therapist cancels today's: one is added at the end so three are still offered.
    expect((await mark(w, today, { status: 'cancelled_therapist' })).statusCode).toBe(200);
    expect(await offeredSessions(w)).toBe(3);
    // It was a mistake: the session was held after all. The extra one is no longer owed.
    expect((await mark(w, today, { status: 'attended' })).statusCode).toBe(200);
    expect(await offeredSessions(w)).toBe(3);
  });

  it('two cancellations confirmed at once never charge what the client was not shown', async () => {
    const w = await chargesWorld(t, { policy: { ...DEFAULT_POLICY, mode: 'hour_is_yours', freeMissedPerYear: 1 } });
    const first = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 9 * DAY));
    const second = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 10 * DAY));
    // Both previews said "free" (one free miss left). Hold the client's charges lock meanwhile, so
    // both confirmations are in flight together, then let them go.
    const answers = await t.ctx.access.run(systemActor(w.practiceId), async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-charges:${w.pair.client.userId}`]);
      const both = Promise.all([cancel(w, first, 0), cancel(w, second, 0)]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { both }; // not awaited here: the lock is released when this transaction ends
    });
    const [a, b] = await answers.both;
    const ok = [a, b].filter((r) => r?.statusCode === 200);
    const refused = [a, b].filter((r) => r?.statusCode === 409);
    // One is free as shown; the other is refused with the new charge, not charged silently.
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.json()).toMatchObject({ error: 'charge_changed' });
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).map((r) => [r.kind, r.amount_pence])).toEqual([
      ['free_missed', 0],
    ]);
  });

  it('a therapist’s calendar read of a client’s absence note is in that client’s record-access trail', async () => {
    const w = await chargesWorld(t);
    const day = addDays(todayIn(ZONE), 3);
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/frame/me/absences',
      headers: { cookie: w.pair.clientCookie, ...CSRF },
      payload: { startsOn: day, endsOn: day, note: 'At the hospital with my mother' },
    });
    expect(recorded.statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/frame/calendar?from=${todayIn(ZONE)}&to=${addDays(todayIn(ZONE), 6)}`,
      headers: { cookie: w.pair.therapistCookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().absences[0]).toMatchObject({ note: 'At the hospital with my mother' });
    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'frame.calendar_viewed');
    expect(events.some((e) => e.subject_user_id === w.pair.client.userId)).toBe(true);
  });
});

describe('one-off bookings and breaks', () => {
  it('refuses an extra session or a move into the therapist’s break, saying which break and what to do', async () => {
    const w = await chargesWorld(t);
    const day = addDays(todayIn(ZONE), 10);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/frame/breaks',
      headers: { cookie: w.pair.therapistCookie, ...CSRF },
      payload: { title: 'Summer leave', startsOn: day, endsOn: addDays(day, 6), scope: 'own' },
    });
    expect(created.statusCode).toBe(200);
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/frame/episodes/${w.pair.episodeId}/appointments`,
      headers: { cookie: w.pair.therapistCookie, ...CSRF },
      payload: { kind: 'session', date: addDays(day, 2), time: '11:00' },
    });
    expect(extra.statusCode).toBe(409);
    expect(extra.json()).toMatchObject({ error: 'in_break' });
    expect(extra.json().message).toContain('falls in your break “Summer leave”');
    // The day after the break is free.
    const after = await t.app.inject({
      method: 'POST',
      url: `/api/frame/episodes/${w.pair.episodeId}/appointments`,
      headers: { cookie: w.pair.therapistCookie, ...CSRF },
      payload: { kind: 'session', date: addDays(day, 7), time: '11:00' },
    });
    expect(after.statusCode).toBe(200);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/frame/appointments/${after.json().id}/move`,
      headers: { cookie: w.pair.therapistCookie, ...CSRF },
      payload: { date: day, time: '11:00' },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ error: 'in_break' });
  });
});

describe('a planned absence beyond the materialised horizon', () => {
  it('cancels the sessions made later in it, free, with the notice the client gave when recording it', async () => {
    const w = await chargesWorld(t);
    const today = todayIn(ZONE);
    const start = addDays(today, 1);
    await agreeSeries(t, w.practiceId, w.pair, { weekday: weekdayOf(start), time: '10:00' }, start, null);
    // Weeks 30 and 31 from now: beyond the 26-week horizon, so no session exists there yet.
    const awayFrom = addDays(start, 7 * 30);
    const awayTo = addDays(start, 7 * 31);
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/frame/me/absences',
      headers: { cookie: w.pair.clientCookie, ...CSRF },
      payload: { startsOn: awayFrom, endsOn: awayTo, expectedTotalPence: 0 },
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().affected).toEqual([]);
    await t.ctx.access.run(systemActor(w.practiceId), (tx) =>
      materialiseEpisode(tx, w.pair.episodeId, addDays(start, 7 * 33)),
    );
    const inside = await scopedQuery<{ status: string; cancel_reason: string | null; late: boolean | null }>(
      t.ctx,
      w.practiceId,
      `SELECT status, cancel_reason, late FROM appointments
        WHERE episode_id = $1 AND left(local_start, 10) BETWEEN $2 AND $3`,
      [w.pair.episodeId, awayFrom, awayTo],
    );
    expect(inside.length).toBe(2);
    expect(inside).toEqual(
      inside.map(() => ({ status: 'cancelled_client', cancel_reason: 'client_absence', late: false })),
    );
    const after = await scopedQuery<{ status: string }>(
      t.ctx,
      w.practiceId,
      `SELECT status FROM appointments WHERE episode_id = $1 AND left(local_start, 10) > $2`,
      [w.pair.episodeId, awayTo],
    );
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((r) => r.status))).toEqual(new Set(['scheduled']));
    expect((await ledgerRows(t, w.practiceId, w.pair.client.userId)).filter((r) => r.amount_pence > 0)).toEqual([]);
  });
});

describe('a practice closure and a frame agreed at the same moment', () => {
  it('waits for the frame being agreed, then cancels its sessions inside the closure', async () => {
    const w = await chargesWorld(t);
    const day = addDays(todayIn(ZONE), 20);
    let release: () => void = () => undefined;
    let inserted: () => void = () => undefined;
    const wasInserted = new Promise<void>((resolve) => (inserted = resolve));
    // An agreement in progress: the therapist's frame lock held, a session inside the coming closure
    // written but not yet committed (the therapist has no other session there).
    const agreement = t.ctx.access.run(systemActor(w.practiceId), async (tx) => {
      await lockFrame(tx, { therapistIds: [w.pair.therapist.userId] });
      const startsAt = localToUtc(day, '10:00', ZONE);
      await tx.query(
        `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at,
                                   local_start, time_zone, fee_pence)
         VALUES (app_practice_id(), $1, $2, $3, 'session', $4, $5, $6, $7, 7000)`,
        [
          w.pair.episodeId,
          w.pair.therapist.userId,
          w.pair.client.userId,
          startsAt,
          new Date(startsAt.getTime() + 50 * 60_000),
          `${day}T10:00`,
          ZONE,
        ],
      );
      inserted();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await wasInserted;
    const closure = t.app.inject({
      method: 'POST',
      url: '/api/frame/breaks',
      headers: { cookie: w.adminCookie, ...CSRF },
      payload: { title: 'Building works', startsOn: day, endsOn: day, scope: 'practice' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await agreement;
    const created = await closure;
    expect(created.statusCode).toBe(200);
    expect(created.json().cancelledSessions).toBe(1);
    const rows = await scopedQuery<{ status: string }>(
      t.ctx,
      w.practiceId,
      `SELECT status FROM appointments WHERE episode_id = $1 AND left(local_start, 10) = $2`,
      [w.pair.episodeId, day],
    );
    expect(rows).toEqual([{ status: 'cancelled_therapist' }]);
  });
});
