import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { HttpError } from '../../access/errors.js';
import { addDays } from '../../frame/zoned-time.js';
import {
  addPerson,
  auditEventsOf,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { placeInCare, pretendNowIs } from '../../test-support/frame-fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { assertNoClash } from './clash.js';
import type { Appointment, Episode } from './frame-schemas.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
}

async function setup() {
  const p = await practiceWithEveryRole(t.ctx);
  const client = await addPerson(t.ctx, p.practiceId, ['client'], { displayName: 'Marguerite Oakhampton' });
  await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, client.userId);
  await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, p.people.client.userId);
  const room = await call(p.cookies.admin, 'POST', '/api/frame/locations', { name: 'Room 2', kind: 'room' });
  const online = await call(p.cookies.admin, 'POST', '/api/frame/locations', { name: 'Video', kind: 'online' });
  return { ...p, roomId: room.json().id as string, onlineId: online.json().id as string, firstClient: client.userId };
}

async function openEpisode(cookie: string, clientId: string): Promise<Episode> {
  return (await call(cookie, 'POST', `/api/frame/clients/${clientId}/episodes`, {})).json();
}

function agreement(locationId: string, weekday: number, time: string, extra: object = {}) {
  return { kind: 'open', slots: [{ weekday, time }], locationId, feePence: 7000, startDate: '2027-01-11', ...extra };
}

async function appointments(cookie: string, episodeId: string): Promise<Appointment[]> {
  return (await call(cookie, 'GET', `/api/frame/episodes/${episodeId}/appointments`)).json();
}

describe('double-booking', () => {
  it('refuses a frame that overlaps or crowds another session of the therapist, without naming the other client', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const first = await openEpisode(p.cookies.therapist, p.firstClient);
    expect(
      (
        await call(
          p.cookies.therapist,
          'POST',
          `/api/frame/episodes/${first.id}/agreement`,
          agreement(p.roomId, 4, '09:00'),
        )
      ).statusCode,
    ).toBe(200);

    const second = await openEpisode(p.cookies.therapist, p.people.client.userId);
    const overlap = await call(
      p.cookies.therapist,
      'POST',
      `/api/frame/episodes/${second.id}/agreement`,
      agreement(p.onlineId, 4, '09:30'),
    );
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toEqual({
      error: 'clash',
      message: 'Thursday 14 January 2027 at 09:30 clashes with another session of yours (09:00–09:50).',
    });
    expect(overlap.body).not.toContain('Marguerite');
    const close = await call(
      p.cookies.therapist,
      'POST',
      `/api/frame/episodes/${second.id}/agreement`,
      agreement(p.onlineId, 4, '09:55'),
    );
    expect(close.statusCode).toBe(409);
    expect(close.json().message).toBe(
      'Thursday 14 January 2027 at 09:55 is too close to another session of yours (09:00–09:50): you keep 10 minutes between sessions.',
    );
    // Nothing of the refused agreement was kept; a time after the gap is fine.
    expect((await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${second.id}`)).json().status).toBe(
      'assessment',
    );
    expect(await appointments(p.cookies.therapist, second.id)).toEqual([]);
    expect(
      (
        await call(
          p.cookies.therapist,
          'POST',
          `/api/frame/episodes/${second.id}/agreement`,
          agreement(p.onlineId, 4, '10:00'),
        )
      ).statusCode,
    ).toBe(200);
    const refused = (await auditEventsOf(t.ctx, p.practiceId)).filter(
      (e) => e.action === 'frame.episode_agreed' && e.outcome === 'failure',
    );
    expect(refused.map((e) => e.details.reason)).toEqual(['clash', 'clash']);
  });

  it('refuses a room two therapists would hold at once; online places never clash', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const first = await openEpisode(p.cookies.therapist, p.firstClient);
    await call(
      p.cookies.therapist,
      'POST',
      `/api/frame/episodes/${first.id}/agreement`,
      agreement(p.roomId, 4, '09:00'),
    );
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${first.id}/pause`, { from: '2027-02-01' });
    const colleague = await addPerson(t.ctx, p.practiceId, ['therapist']);
    const cookie = await sessionCookie(t.ctx, colleague);
    const theirClient = await addPerson(t.ctx, p.practiceId, ['client']);
    await placeInCare(t.ctx, p.practiceId, colleague.userId, theirClient.userId);
    const theirs = await openEpisode(cookie, theirClient.userId);
    const room = await call(
      cookie,
      'POST',
      `/api/frame/episodes/${theirs.id}/agreement`,
      agreement(p.roomId, 4, '09:40'),
    );
    expect(room.statusCode).toBe(409);
    expect(room.json().message).toBe(
      'Thursday 14 January 2027 at 09:40 clashes with another booking: Room 2 is booked then (09:00–09:50).',
    );
    expect(room.body).not.toContain('Marguerite');
    // Online at the same time is fine; so is the room once the first frame is paused (from 1 February).
    expect(
      (await call(cookie, 'POST', `/api/frame/episodes/${theirs.id}/agreement`, agreement(p.onlineId, 4, '09:00')))
        .statusCode,
    ).toBe(200);
    const other = await addPerson(t.ctx, p.practiceId, ['client']);
    await placeInCare(t.ctx, p.practiceId, colleague.userId, other.userId);
    const later = await openEpisode(cookie, other.userId);
    const fromFebruary = agreement(p.roomId, 4, '11:00', { startDate: '2027-02-01' });
    expect((await call(cookie, 'POST', `/api/frame/episodes/${later.id}/agreement`, fromFebruary)).statusCode).toBe(
      200,
    );
    const extra = await call(cookie, 'POST', `/api/frame/episodes/${later.id}/appointments`, {
      kind: 'session',
      date: '2027-02-05',
      time: '09:00',
      locationId: p.roomId,
    });
    expect(extra.statusCode).toBe(200);
    expect(extra.json()).toMatchObject({ feePence: 7000, kind: 'session', locationName: 'Room 2' });
    // assertNoClash, as other features call it.
    const check = (startsAt: string, ignoreAppointmentId?: string) =>
      t.ctx.access.run(systemActor(p.practiceId), (tx) =>
        assertNoClash(tx, {
          therapistId: p.people.therapist.userId,
          locationId: p.roomId,
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 50 * 60_000),
          ...(ignoreAppointmentId ? { ignoreAppointmentId } : {}),
        }),
      );
    await expect(check('2027-02-05T09:20:00Z')).rejects.toThrow(HttpError);
    await expect(check('2027-02-05T09:20:00Z', extra.json().id)).resolves.toBeUndefined();
  });

  it('books beyond the horizon only after materialising the frame up to that date', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const first = await openEpisode(p.cookies.therapist, p.firstClient);
    await call(
      p.cookies.therapist,
      'POST',
      `/api/frame/episodes/${first.id}/agreement`,
      agreement(p.roomId, 4, '09:00'),
    );
    const second = await openEpisode(p.cookies.therapist, p.people.client.userId);
    // 2 December 2027 is a Thursday well beyond the 26-week horizon (5 July 2027).
    const res = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${second.id}/appointments`, {
      kind: 'assessment',
      date: '2027-12-02',
      time: '09:15',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      'Thursday 2 December 2027 at 09:15 clashes with another session of yours (09:00–09:50).',
    );
    // The refusal kept nothing; a booking that fits keeps the frame materialised up to its date.
    expect((await appointments(p.cookies.therapist, first.id)).at(-1)?.localStart).toBe('2027-07-01T09:00');
    const fits = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${second.id}/appointments`, {
      kind: 'assessment',
      date: '2027-12-02',
      time: '11:00',
    });
    expect(fits.statusCode).toBe(200);
    expect((await appointments(p.cookies.therapist, first.id)).at(-1)?.localStart).toBe('2027-12-02T09:00');
  });
});

describe('moving one session', () => {
  it('property: moving one session changes nothing else', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const first = await openEpisode(p.cookies.therapist, p.firstClient);
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${first.id}/agreement`, {
      kind: 'open',
      slots: [
        { weekday: 1, time: '09:00' },
        { weekday: 3, time: '09:00' },
      ],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-01-11',
    });
    const second = await openEpisode(p.cookies.therapist, p.people.client.userId);
    await call(
      p.cookies.therapist,
      'POST',
      `/api/frame/episodes/${second.id}/agreement`,
      agreement(p.roomId, 2, '17:00'),
    );
    const snapshot = () =>
      scopedQuery<Record<string, unknown>>(
        t.ctx,
        p.practiceId,
        `SELECT id, status, starts_at, ends_at, local_start, location_id, fee_pence, sequence, moved_to_id, moved_from_id,
                series_id, occurrence_key, kind FROM appointments ORDER BY id`,
      );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 150 }),
        fc.constantFrom('07:00', '12:30', '19:45'),
        async (pick, dayOffset, time) => {
          const before = await snapshot();
          const movable = (await appointments(p.cookies.therapist, first.id)).filter((a) => a.status === 'scheduled');
          const target = movable[pick % movable.length] as Appointment;
          const date = addDays('2027-01-11', dayOffset);
          const res = await call(p.cookies.therapist, 'POST', `/api/frame/appointments/${target.id}/move`, {
            date,
            time,
          });
          const after = await snapshot();
          if (res.statusCode !== 200) {
            // Refused (e.g. onto the other client's Tuesday 17:00 is impossible at these times, but a
            // day of the frame itself may clash): then nothing at all changed.
            expect(res.statusCode).toBe(409);
            expect(after).toEqual(before);
            return;
          }
          const moved = res.json() as Appointment;
          expect(moved).toMatchObject({
            localStart: `${date}T${time}`,
            movedFromId: target.id,
            kind: 'session',
            feePence: 7000,
          });
          const untouched = (rows: Record<string, unknown>[]) =>
            rows.filter((r) => r.id !== target.id && r.id !== moved.id);
          expect(untouched(after)).toEqual(untouched(before));
          const original = after.find((r) => r.id === target.id);
          const was = before.find((r) => r.id === target.id);
          expect(original).toMatchObject({
            status: 'moved',
            moved_to_id: moved.id,
            sequence: (was?.sequence as number) + 1,
          });
          expect(after).toHaveLength(before.length + 1);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('moves to a time and place, resolves a pending move request, and refuses what cannot be moved', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const episode = await openEpisode(p.cookies.therapist, p.firstClient);
    await call(
      p.cookies.therapist,
      'POST',
      `/api/frame/episodes/${episode.id}/agreement`,
      agreement(p.roomId, 4, '09:00'),
    );
    const [firstSession, secondSession] = await appointments(p.cookies.therapist, episode.id);
    const request = await scopedQuery<{ id: string }>(
      t.ctx,
      p.practiceId,
      `INSERT INTO move_requests (practice_id, appointment_id, client_id) VALUES ($1, $2, $3) RETURNING id`,
      [p.practiceId, firstSession?.id, p.firstClient],
    );
    const onto = await call(p.cookies.therapist, 'POST', `/api/frame/appointments/${firstSession?.id}/move`, {
      date: '2027-01-21',
      time: '09:30',
    });
    expect(onto.statusCode).toBe(409);
    const moved = await call(p.cookies.therapist, 'POST', `/api/frame/appointments/${firstSession?.id}/move`, {
      date: '2027-01-15',
      time: '14:00',
      locationId: p.onlineId,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      localStart: '2027-01-15T14:00',
      startsAt: '2027-01-15T14:00:00.000Z',
      locationName: 'Video',
      movedFromId: firstSession?.id,
      status: 'scheduled',
    });
    const state = await scopedQuery<{ status: string }>(
      t.ctx,
      p.practiceId,
      'SELECT status FROM move_requests WHERE id = $1',
      [request[0]?.id],
    );
    expect(state[0]?.status).toBe('accepted');
    const again = await call(p.cookies.therapist, 'POST', `/api/frame/appointments/${firstSession?.id}/move`, {
      date: '2027-01-16',
      time: '14:00',
    });
    expect(again.statusCode).toBe(409);
    const past = await call(p.cookies.therapist, 'POST', `/api/frame/appointments/${secondSession?.id}/move`, {
      date: '2027-01-01',
      time: '14:00',
    });
    expect(past.statusCode).toBe(400);
    const colleague = await addPerson(t.ctx, p.practiceId, ['therapist']);
    const stranger = await call(
      await sessionCookie(t.ctx, colleague),
      'POST',
      `/api/frame/appointments/${secondSession?.id}/move`,
      {
        date: '2027-01-16',
        time: '14:00',
      },
    );
    expect(stranger.statusCode).toBe(404);
    expect(
      (
        await call(p.cookies.client, 'POST', `/api/frame/appointments/${secondSession?.id}/move`, {
          date: '2027-01-16',
          time: '14:00',
        })
      ).statusCode,
    ).toBe(403);
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.find((e) => e.action === 'frame.appointment_moved' && e.outcome === 'success')?.subject_user_id).toBe(
      p.firstClient,
    );
    expect(events.find((e) => e.action === 'frame.move_request_resolved')?.details.outcome).toBe('accepted');
  });
});
