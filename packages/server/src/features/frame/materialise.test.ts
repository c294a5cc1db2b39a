import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../../access/actor.js';
import { addDays, utcToLocal, weekdayOf } from '../../frame/zoned-time.js';
import { addPerson, auditEventsOf, practiceWithEveryRole, scopedQuery } from '../../test-support/fixtures.js';
import { placeInCare, pretendNowIs } from '../../test-support/frame-fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { extendFrameJob, extendPractice } from '../../jobs/extend-frame.js';
import type { Appointment, Episode } from './frame-schemas.js';
import { HORIZON_DAYS, materialiseEpisode } from './materialise.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Pins the clock the routes read (sessions are made before, on the real clock). */

function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
}

async function setup() {
  const p = await practiceWithEveryRole(t.ctx);
  await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, p.people.client.userId);
  const room = await call(p.cookies.admin, 'POST', '/api/frame/locations', { name: 'Room 2', kind: 'room' });
  return { ...p, roomId: room.json().id as string, clientId: p.people.client.userId };
}

async function agree(cookie: string, clientId: string, agreement: object): Promise<Episode> {
  const episode = await call(cookie, 'POST', `/api/frame/clients/${clientId}/episodes`, {});
  const res = await call(cookie, 'POST', `/api/frame/episodes/${episode.json().id}/agreement`, agreement);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function appointments(cookie: string, episodeId: string): Promise<Appointment[]> {
  return (await call(cookie, 'GET', `/api/frame/episodes/${episodeId}/appointments`)).json();
}

/** localStart → UTC instant, for the sessions of an episode. */
async function instants(cookie: string, episodeId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await appointments(cookie, episodeId)).map((a) => [a.localStart, a.startsAt]));
}

describe('sessions across the clock changes (Europe/London)', () => {
  it('weekly and twice-weekly series keep their wall time across 28 March 2027', async () => {
    const p = await setup();
    const other = await addPerson(t.ctx, p.practiceId, ['client']);
    await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, other.userId);
    pretendNowIs('2027-01-04T12:00:00Z');
    const weekly = await agree(p.cookies.therapist, p.clientId, {
      kind: 'brief',
      sessionCount: 4,
      slots: [{ weekday: 1, time: '09:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-03-15',
    });
    const twice = await agree(p.cookies.therapist, other.userId, {
      kind: 'brief',
      sessionCount: 6,
      slots: [
        { weekday: 6, time: '01:30' },
        { weekday: 7, time: '01:30' },
      ],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-03-20',
    });
    expect(await instants(p.cookies.therapist, weekly.id)).toEqual({
      '2027-03-15T09:00': '2027-03-15T09:00:00.000Z',
      '2027-03-22T09:00': '2027-03-22T09:00:00.000Z',
      '2027-03-29T09:00': '2027-03-29T08:00:00.000Z', // British Summer Time from 28 March
      '2027-04-05T09:00': '2027-04-05T08:00:00.000Z',
    });
    // Saturday and Sunday at 01:30: on Sunday 28 March 01:30 does not exist; the session is at 02:30 BST.
    const sunday = await appointments(p.cookies.therapist, twice.id);
    expect(sunday.map((a) => [a.localStart, a.startsAt])).toEqual([
      ['2027-03-20T01:30', '2027-03-20T01:30:00.000Z'],
      ['2027-03-21T01:30', '2027-03-21T01:30:00.000Z'],
      ['2027-03-27T01:30', '2027-03-27T01:30:00.000Z'],
      ['2027-03-28T02:30', '2027-03-28T01:30:00.000Z'],
      ['2027-04-03T01:30', '2027-04-03T00:30:00.000Z'],
      ['2027-04-04T01:30', '2027-04-04T00:30:00.000Z'],
    ]);
    // A client in New York (clocks changed on 14 March) sees the London session at 05:00, then 04:00.
    const byLocal = await instants(p.cookies.therapist, weekly.id);
    expect(utcToLocal(new Date(byLocal['2027-03-22T09:00'] as string), 'America/New_York').time).toBe('05:00');
    expect(utcToLocal(new Date(byLocal['2027-03-29T09:00'] as string), 'America/New_York').time).toBe('04:00');
  });

  it('twice-weekly sessions across 31 October 2027, and a therapist working in New York time', async () => {
    const p = await setup();
    pretendNowIs('2027-09-01T12:00:00Z');
    const episode = await agree(p.cookies.therapist, p.clientId, {
      kind: 'brief',
      sessionCount: 4,
      slots: [
        { weekday: 2, time: '08:10' },
        { weekday: 5, time: '17:30' },
      ],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-10-25',
    });
    expect(await instants(p.cookies.therapist, episode.id)).toEqual({
      '2027-10-26T08:10': '2027-10-26T07:10:00.000Z',
      '2027-10-29T17:30': '2027-10-29T16:30:00.000Z',
      '2027-11-02T08:10': '2027-11-02T08:10:00.000Z', // Greenwich Mean Time from 31 October
      '2027-11-05T17:30': '2027-11-05T17:30:00.000Z',
    });

    // Weekly on Sundays at 01:30: on 31 October that time happens twice; the session is at the first.
    const other = await addPerson(t.ctx, p.practiceId, ['client']);
    await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, other.userId);
    const sunday = await agree(p.cookies.therapist, other.userId, {
      kind: 'brief',
      sessionCount: 3,
      slots: [{ weekday: 7, time: '01:30' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-10-24',
    });
    expect(await instants(p.cookies.therapist, sunday.id)).toEqual({
      '2027-10-24T01:30': '2027-10-24T00:30:00.000Z',
      '2027-10-31T01:30': '2027-10-31T00:30:00.000Z',
      '2027-11-07T01:30': '2027-11-07T01:30:00.000Z',
    });

    const q = await setup();
    await call(q.cookies.therapist, 'PUT', '/api/frame/settings', {
      timeZone: 'America/New_York',
      sessionMinutes: 45,
      minGapMinutes: 15,
      workingHours: [],
      fees: {},
      policy: {
        mode: 'notice',
        noticeHours: 24,
        chargeLateCancellation: true,
        chargeDidNotAttend: true,
        lateFeePercent: 100,
        freeMissedPerYear: 0,
      },
      reminderLeadHours: null,
      feedShowsClientNames: false,
    });
    const newYork = await agree(q.cookies.therapist, q.clientId, {
      kind: 'brief',
      sessionCount: 3,
      slots: [{ weekday: 1, time: '09:00' }],
      locationId: q.roomId,
      feePence: 7000,
      startDate: '2027-10-25',
    });
    expect(newYork.timeZone).toBe('America/New_York');
    const sessions = await appointments(q.cookies.therapist, newYork.id);
    // New York falls back on 7 November.
    expect(sessions.map((a) => [a.startsAt, a.endsAt])).toEqual([
      ['2027-10-25T13:00:00.000Z', '2027-10-25T13:45:00.000Z'],
      ['2027-11-01T13:00:00.000Z', '2027-11-01T13:45:00.000Z'],
      ['2027-11-08T14:00:00.000Z', '2027-11-08T14:45:00.000Z'],
    ]);
  });
});

describe('materialising the frame', () => {
  it('an open-ended frame is made 26 weeks ahead, not beyond, and the job carries it forward', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const episode = await agree(p.cookies.therapist, p.clientId, {
      kind: 'open',
      slots: [
        { weekday: 2, time: '10:00' },
        { weekday: 4, time: '10:00' },
      ],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-01-05',
    });
    const horizon = addDays('2027-01-04', HORIZON_DAYS); // 2027-07-05
    let sessions = await appointments(p.cookies.therapist, episode.id);
    expect(sessions).toHaveLength(52);
    expect(sessions.at(-1)?.localStart).toBe('2027-07-01T10:00');
    expect(sessions.every((a) => a.localStart.slice(0, 10) <= horizon)).toBe(true);
    expect(episode.sessionsRemaining).toBeNull();

    // Nothing to do on the same day; two weeks later the job adds exactly the next two weeks.
    const practice = { id: p.practiceId, timeZone: 'Europe/London' };
    expect(await extendPractice(t.ctx.access, practice, new Date('2027-01-04T13:00:00Z'))).toBeUndefined();
    const later = new Date('2027-01-18T12:00:00Z');
    expect(await extendPractice(t.ctx.access, practice, later)).toEqual({
      episodes: 1,
      created: 4,
      skippedForClash: 0,
    });
    sessions = await appointments(p.cookies.therapist, episode.id);
    expect(sessions.slice(-4).map((a) => a.localStart)).toEqual([
      '2027-07-06T10:00',
      '2027-07-08T10:00',
      '2027-07-13T10:00',
      '2027-07-15T10:00',
    ]);
    expect(await extendPractice(t.ctx.access, practice, later)).toBeUndefined();
    const event = (await auditEventsOf(t.ctx, p.practiceId)).find((e) => e.action === 'frame.series_extended');
    expect(event?.details).toMatchObject({ episodes: 1, appointmentsCreated: 4 });
    const job = extendFrameJob(t.ctx);
    expect([job.name, job.intervalMs]).toEqual(['extend-frame', 3_600_000]);
  });

  it('a session a break cancels in a brief episode is added at the end; materialising again changes nothing', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const episode = await agree(p.cookies.therapist, p.clientId, {
      kind: 'brief',
      sessionCount: 3,
      slots: [{ weekday: 3, time: '12:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-02-01',
    });
    const run = (until?: string) =>
      t.ctx.access.run(systemActor(p.practiceId), (tx) =>
        materialiseEpisode(tx, episode.id, until, { now: new Date('2027-01-04T12:00:00Z') }),
      );
    expect(await run()).toEqual({ created: 0, skippedForClash: 0 });
    const before = await appointments(p.cookies.therapist, episode.id);
    expect(before.map((a) => a.localStart)).toEqual(['2027-02-03T12:00', '2027-02-10T12:00', '2027-02-17T12:00']);
    // What the breaks feature does: cancel the second as the therapist's.
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `UPDATE appointments SET status = 'cancelled_therapist', cancel_reason = 'break', sequence = sequence + 1 WHERE id = $1`,
      [before[1]?.id],
    );
    expect(await run()).toEqual({ created: 1, skippedForClash: 0 });
    const after = await appointments(p.cookies.therapist, episode.id);
    expect(after.map((a) => [a.localStart, a.status])).toEqual([
      ['2027-02-03T12:00', 'scheduled'],
      ['2027-02-10T12:00', 'cancelled_therapist'],
      ['2027-02-17T12:00', 'scheduled'],
      ['2027-02-24T12:00', 'scheduled'],
    ]);
    expect(await run('2027-12-31')).toEqual({ created: 0, skippedForClash: 0 });
  });

  it('property: a brief episode yields exactly its sessions, none inside a break, in start order', async () => {
    const p = await setup();
    pretendNowIs('2027-01-04T12:00:00Z');
    const therapistId = p.people.therapist.userId;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 9 })), { maxLength: 2 }),
        async (count, weekdays, breakOffsets) => {
          await scopedQuery(t.ctx, p.practiceId, `DELETE FROM breaks`);
          const breaks = breakOffsets.map(([offset, length]) => ({
            startsOn: addDays('2027-01-11', offset),
            endsOn: addDays('2027-01-11', offset + length),
          }));
          for (const b of breaks) {
            await scopedQuery(
              t.ctx,
              p.practiceId,
              `INSERT INTO breaks (practice_id, therapist_id, kind, title, starts_on, ends_on)
               VALUES ($1, $2, 'therapist', 'Away', $3, $4)`,
              [p.practiceId, therapistId, b.startsOn, b.endsOn],
            );
          }
          const client = await addPerson(t.ctx, p.practiceId, ['client']);
          await placeInCare(t.ctx, p.practiceId, therapistId, client.userId);
          // Each client gets its own hour, so the property's episodes never clash with each other.
          const hour = String(
            7 + ((await scopedQuery(t.ctx, p.practiceId, 'SELECT 1 FROM episodes')).length % 12),
          ).padStart(2, '0');
          const episode = await agree(p.cookies.therapist, client.userId, {
            kind: 'brief',
            sessionCount: count,
            slots: weekdays.map((weekday) => ({ weekday, time: `${hour}:00` })),
            locationId: p.roomId,
            feePence: 5000,
            startDate: '2027-01-11',
          });
          const sessions = await appointments(p.cookies.therapist, episode.id);
          expect(sessions).toHaveLength(count);
          for (const s of sessions) {
            const date = s.localStart.slice(0, 10);
            expect(breaks.some((b) => b.startsOn <= date && date <= b.endsOn)).toBe(false);
            expect(weekdays).toContain(weekdayOf(date));
          }
          const starts = sessions.map((s) => s.startsAt);
          expect([...starts].sort()).toEqual(starts);
          await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/end`, { closingSummary: 'done' });
        },
      ),
      { numRuns: 12 },
    );
  });
});
