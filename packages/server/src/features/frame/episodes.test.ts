import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../frame/zoned-time.js';
import {
  addPerson,
  auditEventsOf,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { placeInCare } from '../../test-support/frame-fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { addMonths } from './episodes-end.js';
import type { Appointment, Episode } from './frame-schemas.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
function call(cookie: string, method: Method, url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
}

/** A practice with a therapist caring for a client, and a room. */
async function setup() {
  const p = await practiceWithEveryRole(t.ctx);
  await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, p.people.client.userId);
  const room = await call(p.cookies.admin, 'POST', '/api/frame/locations', {
    name: 'Room 2',
    kind: 'room',
    address: '12 High St',
  });
  return { ...p, roomId: room.json().id as string, clientId: p.people.client.userId };
}

async function openEpisode(cookie: string, clientId: string): Promise<Episode> {
  const res = await call(cookie, 'POST', `/api/frame/clients/${clientId}/episodes`, {});
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function appointments(cookie: string, episodeId: string): Promise<Appointment[]> {
  const res = await call(cookie, 'GET', `/api/frame/episodes/${episodeId}/appointments`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

const today = () => todayIn('Europe/London');

describe('episodes', () => {
  it('opens an episode in assessment, books a consultation at the therapist’s fee, one episode at a time', async () => {
    const p = await setup();
    await call(p.cookies.therapist, 'PUT', '/api/frame/settings', {
      timeZone: 'Europe/London',
      sessionMinutes: 50,
      minGapMinutes: 10,
      workingHours: [],
      fees: { consultation: 9000, session: 7000 },
      policy: {
        mode: 'hour_is_yours',
        noticeHours: 48,
        chargeLateCancellation: true,
        chargeDidNotAttend: true,
        lateFeePercent: 100,
        freeMissedPerYear: 0,
      },
      reminderLeadHours: 24,
      feedShowsClientNames: false,
    });
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    expect(episode).toMatchObject({
      status: 'assessment',
      kind: null,
      clientId: p.clientId,
      therapistId: p.people.therapist.userId,
      timeZone: 'Europe/London',
      sessionsRemaining: null,
      sessionsHeld: 0,
      closingSummary: null,
      policy: null,
      effectivePolicy: { mode: 'hour_is_yours' },
    });
    const again = await call(p.cookies.therapist, 'POST', `/api/frame/clients/${p.clientId}/episodes`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      'This client already has an episode in progress; end it before starting another.',
    );

    const date = addDays(today(), 3);
    const consultation = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/appointments`, {
      kind: 'consultation',
      date,
      time: '10:00',
      locationId: p.roomId,
    });
    expect(consultation.statusCode).toBe(200);
    expect(consultation.json()).toMatchObject({
      kind: 'consultation',
      feePence: 9000,
      localStart: `${date}T10:00`,
      status: 'scheduled',
      locationName: 'Room 2',
      number: 1,
    });
    const endsAt = new Date(consultation.json().endsAt).getTime();
    expect(endsAt - new Date(consultation.json().startsAt).getTime()).toBe(50 * 60_000);
    const past = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/appointments`, {
      kind: 'assessment',
      date: addDays(today(), -1),
      time: '10:00',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields[0].field).toBe('date');

    const list = await call(p.cookies.therapist, 'GET', `/api/frame/clients/${p.clientId}/episodes`);
    expect(list.json().map((e: Episode) => e.id)).toEqual([episode.id]);
    const got = await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${episode.id}`);
    expect(got.json()).toMatchObject({ id: episode.id, status: 'assessment' });
    const events = await auditEventsOf(t.ctx, p.practiceId);
    const viewed = events.filter((e) => e.action === 'frame.episode_viewed');
    expect(viewed.every((e) => e.subject_user_id === p.clientId)).toBe(true);
    expect(events.find((e) => e.action === 'frame.appointment_created')?.subject_user_id).toBe(p.clientId);
  });

  it('refuses an agreement a therapist can correct, naming each field', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const archived = await call(p.cookies.admin, 'POST', '/api/frame/locations', { name: 'Old room', kind: 'room' });
    await call(p.cookies.admin, 'PATCH', `/api/frame/locations/${archived.json().id}`, { archived: true });
    const res = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'brief',
      slots: [
        { weekday: 2, time: '09:00' },
        { weekday: 2, time: '09:00' },
        { weekday: 2, time: '09:30' },
      ],
      locationId: archived.json().id,
      feePence: 7000,
      startDate: addDays(today(), -1),
      plannedEndDate: addDays(today(), -2),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_agreement');
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['slots.1', 'slots.2', 'sessionCount', 'startDate', 'plannedEndDate', 'locationId']),
    );
    const unknown = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'open',
      slots: [{ weekday: 2, time: '09:00' }],
      locationId: crypto.randomUUID(),
      feePence: 7000,
      startDate: today(),
    });
    expect(unknown.json().fields).toEqual([
      { field: 'locationId', message: 'There is no such location; choose one of the practice’s.' },
    ]);
    const tooMany = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'open',
      slots: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, time: '09:00' })),
      locationId: p.roomId,
      feePence: -1,
      startDate: today(),
    });
    expect(tooMany.statusCode).toBe(400);
    // Nothing changed.
    expect((await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${episode.id}`)).json().status).toBe(
      'assessment',
    );
  });

  it('a brief episode gets exactly its sessions, on its weekday, at its fee; ending and ending early', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const start = addDays(today(), 1);
    const weekday = weekdayOf(start);
    const agreed = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'brief',
      sessionCount: 8,
      slots: [{ weekday, time: '11:00' }],
      locationId: p.roomId,
      feePence: 6500,
      startDate: start,
      reviewEvery: 4,
    });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toMatchObject({
      status: 'active',
      kind: 'brief',
      sessionCount: 8,
      sessionsRemaining: 8,
      sessionMinutes: 50,
      nextReviewAt: 4,
      reviewDue: false,
      locationName: 'Room 2',
    });
    const sessions = await appointments(p.cookies.therapist, episode.id);
    expect(sessions.map((a) => a.localStart)).toEqual(
      [0, 7, 14, 21, 28, 35, 42, 49].map((d) => `${addDays(start, d)}T11:00`),
    );
    expect(sessions.every((a) => a.kind === 'session' && a.feePence === 6500 && a.status === 'scheduled')).toBe(true);
    expect(sessions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    // Ending after the fifth session: the last three go, five remain.
    const endingDate = addDays(start, 28);
    const ending = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/ending`, { endingDate });
    expect(ending.statusCode).toBe(200);
    expect(ending.json()).toMatchObject({ status: 'ending', endingDate, sessionsRemaining: 5 });
    expect((await appointments(p.cookies.therapist, episode.id)).map((a) => a.localStart.slice(0, 10))).toEqual(
      [0, 7, 14, 21, 28].map((d) => addDays(start, d)),
    );
    const pastEnding = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/ending`, {
      endingDate: addDays(today(), -1),
    });
    expect(pastEnding.statusCode).toBe(400);
    // The frame cannot be re-agreed once an ending is set.
    const reagree = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'open',
      slots: [{ weekday, time: '11:00' }],
      locationId: p.roomId,
      feePence: 6500,
      startDate: start,
    });
    expect(reagree.statusCode).toBe(409);
    const events = await auditEventsOf(t.ctx, p.practiceId);
    expect(events.find((e) => e.action === 'frame.episode_agreed')).toMatchObject({
      subject_user_id: p.clientId,
      details: { kind: 'brief', sessionsCreated: 8 },
    });
    expect(events.find((e) => e.action === 'frame.episode_ending_set')?.details.sessionsRemoved).toBe(3);
  });

  it('ends an episode with an encrypted closing summary and a proposed follow-up, removing what was to come', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const start = addDays(today(), 2);
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'open',
      slots: [{ weekday: weekdayOf(start), time: '15:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: start,
    });
    const endingDate = addDays(start, 14);
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/ending`, { endingDate });
    const blank = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/end`, {
      closingSummary: '   ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].field).toBe('closingSummary');
    const missing = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/end`, {});
    expect(missing.statusCode).toBe(400);

    const summary = 'Worked through the loss of her father; ending agreed together.';
    const ended = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/end`, {
      closingSummary: summary,
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      status: 'ended',
      closingSummary: summary,
      followUpDate: addMonths(endingDate, 3),
      sessionsRemaining: 0,
    });
    expect(await appointments(p.cookies.therapist, episode.id)).toEqual([]);
    const stored = await scopedQuery<{ closing_summary_enc: string }>(
      t.ctx,
      p.practiceId,
      'SELECT closing_summary_enc FROM episodes WHERE id = $1',
      [episode.id],
    );
    expect(stored[0]?.closing_summary_enc).not.toContain('father');
    const series = await scopedQuery<{ n: number }>(
      t.ctx,
      p.practiceId,
      'SELECT count(*)::int AS n FROM session_series WHERE episode_id = $1 AND ended_at IS NULL',
      [episode.id],
    );
    expect(series[0]?.n).toBe(0);
    expect((await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${episode.id}`)).json().closingSummary).toBe(
      summary,
    );
    const twice = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/end`, {
      closingSummary: 'x',
    });
    expect(twice.statusCode).toBe(409);
    // A new episode can now begin.
    expect((await call(p.cookies.therapist, 'POST', `/api/frame/clients/${p.clientId}/episodes`, {})).statusCode).toBe(
      200,
    );
    const ev = (await auditEventsOf(t.ctx, p.practiceId)).find((e) => e.action === 'frame.episode_ended');
    expect(JSON.stringify(ev)).not.toContain('father');
  });

  it('pauses from a date (later sessions go) and resumes from a date on the same slots', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const start = addDays(today(), 1);
    const slots = [
      { weekday: weekdayOf(start), time: '09:00' },
      { weekday: weekdayOf(addDays(start, 3)), time: '18:15' },
    ];
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      kind: 'open',
      slots,
      locationId: p.roomId,
      feePence: 7000,
      startDate: start,
    });
    const before = await appointments(p.cookies.therapist, episode.id);
    const pauseFrom = addDays(start, 14);
    const paused = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/pause`, {
      from: pauseFrom,
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().status).toBe('paused');
    const during = await appointments(p.cookies.therapist, episode.id);
    expect(during.map((a) => a.id)).toEqual(before.filter((a) => a.localStart < pauseFrom).map((a) => a.id));
    expect(during).toHaveLength(4);
    expect(
      (await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/pause`, { from: pauseFrom }))
        .statusCode,
    ).toBe(409);

    const resumeFrom = addDays(start, 35);
    const resumed = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/resume`, {
      from: resumeFrom,
    });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().status).toBe('active');
    const after = await appointments(p.cookies.therapist, episode.id);
    const resumedSessions = after.filter((a) => a.localStart >= resumeFrom);
    expect(resumedSessions[0]?.localStart).toBe(`${resumeFrom}T09:00`);
    expect(resumedSessions[1]?.localStart).toBe(`${addDays(resumeFrom, 3)}T18:15`);
    expect(after.filter((a) => a.localStart >= pauseFrom && a.localStart < resumeFrom)).toEqual([]);
    const series = await scopedQuery<{ open: boolean; starts_on: string; ends_on: string | null }>(
      t.ctx,
      p.practiceId,
      `SELECT ended_at IS NULL AS open, starts_on::text, ends_on::text FROM session_series WHERE episode_id = $1
        ORDER BY created_at, weekday`,
      [episode.id],
    );
    expect(series.filter((s) => !s.open).every((s) => s.ends_on === addDays(pauseFrom, -1))).toBe(true);
    expect(series.filter((s) => s.open).map((s) => s.starts_on)).toEqual([resumeFrom, resumeFrom]);
  });

  it('re-agreeing replaces the frame from the new start and keeps what came before', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const start = addDays(today(), 1);
    const agreement = {
      kind: 'open',
      slots: [{ weekday: weekdayOf(start), time: '09:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: start,
    };
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, agreement);
    const newStart = addDays(start, 21);
    const changed = await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, {
      ...agreement,
      slots: [{ weekday: weekdayOf(addDays(newStart, 1)), time: '10:00' }],
      feePence: 8000,
      startDate: newStart,
    });
    expect(changed.statusCode).toBe(200);
    const all = await appointments(p.cookies.therapist, episode.id);
    const old = all.filter((a) => a.localStart < newStart);
    expect(old.map((a) => a.localStart)).toEqual([0, 7, 14].map((d) => `${addDays(start, d)}T09:00`));
    expect(old.every((a) => a.feePence === 7000)).toBe(true);
    const fresh = all.filter((a) => a.localStart >= newStart);
    expect(fresh[0]?.localStart).toBe(`${addDays(newStart, 1)}T10:00`);
    expect(fresh.every((a) => a.feePence === 8000 && a.localStart.endsWith('T10:00'))).toBe(true);
  });
});

describe('who may act on episodes', () => {
  it('a therapist cannot see or touch another therapist’s client (404); clients and admins are refused (403)', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const other = await addPerson(t.ctx, p.practiceId, ['therapist']);
    const otherCookie = await sessionCookie(t.ctx, other);
    const attempts: [Method, string, object?][] = [
      ['GET', `/api/frame/clients/${p.clientId}/episodes`],
      ['POST', `/api/frame/clients/${p.clientId}/episodes`, {}],
      ['GET', `/api/frame/episodes/${episode.id}`],
      ['GET', `/api/frame/episodes/${episode.id}/appointments`],
      [
        'POST',
        `/api/frame/episodes/${episode.id}/agreement`,
        { kind: 'open', slots: [{ weekday: 1, time: '09:00' }], locationId: p.roomId, feePence: 1, startDate: today() },
      ],
      ['POST', `/api/frame/episodes/${episode.id}/pause`, { from: today() }],
      ['POST', `/api/frame/episodes/${episode.id}/resume`, { from: today() }],
      ['POST', `/api/frame/episodes/${episode.id}/ending`, { endingDate: today() }],
      ['POST', `/api/frame/episodes/${episode.id}/end`, { closingSummary: 'x' }],
      [
        'POST',
        `/api/frame/episodes/${episode.id}/appointments`,
        { kind: 'session', date: addDays(today(), 2), time: '09:00' },
      ],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await call(otherCookie, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      for (const cookie of [p.cookies.client, p.cookies.admin, p.cookies.supervisor]) {
        expect((await call(cookie, method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
      }
    }
    // Once the colleague has the client in their care they can read the episode, but not change it.
    await placeInCare(t.ctx, p.practiceId, other.userId, p.clientId);
    expect((await call(otherCookie, 'GET', `/api/frame/episodes/${episode.id}`)).statusCode).toBe(200);
    const change = await call(otherCookie, 'POST', `/api/frame/episodes/${episode.id}/end`, { closingSummary: 'x' });
    expect(change.statusCode).toBe(403);
    // And another practice never sees it.
    const q = await practiceWithEveryRole(t.ctx);
    expect((await call(q.cookies.therapist, 'GET', `/api/frame/episodes/${episode.id}`)).statusCode).toBe(404);
    const denied = (await auditEventsOf(t.ctx, p.practiceId)).filter(
      (e) => e.outcome === 'failure' && e.action === 'frame.episode_viewed',
    );
    expect(denied.length).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('property: random agreements, bookings, endings and calendar ranges never get a 5xx', async () => {
    const p = await setup();
    const episode = await openEpisode(p.cookies.therapist, p.clientId);
    const date = fc.oneof(
      fc.constantFrom('2027-02-30', '2027-13-01', '0000-01-01', '9999-12-31', 'tomorrow', '', addDays(today(), 3)),
      fc.string({ maxLength: 12 }),
    );
    const time = fc.constantFrom('09:00', '24:00', '9:00', '23:59', '00:00', 'noon');
    const slot = fc.record({ weekday: fc.integer({ min: -1, max: 9 }), time });
    const agreement = fc.record(
      {
        kind: fc.constantFrom('brief', 'open', 'long'),
        sessionCount: fc.integer({ min: -2, max: 300 }),
        slots: fc.array(slot, { maxLength: 7 }),
        locationId: fc.constantFrom(p.roomId, crypto.randomUUID(), 'room'),
        feePence: fc.integer({ min: -5, max: 20_000_000 }),
        sessionMinutes: fc.integer({ min: 0, max: 300 }),
        startDate: date,
        reviewEvery: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 200 })),
        plannedEndDate: fc.oneof(fc.constant(null), date),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(agreement, date, time, date, async (body, day, at, until) => {
        const results = [
          await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/agreement`, body),
          await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/appointments`, {
            kind: 'assessment',
            date: day,
            time: at,
          }),
          await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${episode.id}/ending`, { endingDate: day }),
          await call(
            p.cookies.therapist,
            'GET',
            `/api/frame/calendar?from=${encodeURIComponent(day)}&to=${encodeURIComponent(until)}`,
          ),
          await call(
            p.cookies.admin,
            'GET',
            `/api/frame/rooms/usage?from=${encodeURIComponent(day)}&to=${encodeURIComponent(until)}`,
          ),
        ];
        for (const res of results) expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
