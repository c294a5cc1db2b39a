import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../../access/actor.js';
import {
  addPerson,
  auditEventsOf,
  practiceWithEveryRole,
  scopedQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { placeInCare, pretendNowIs } from '../../test-support/frame-fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
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

async function agree(cookie: string, clientId: string, agreement: object): Promise<Episode> {
  const episode = await call(cookie, 'POST', `/api/frame/clients/${clientId}/episodes`, {});
  const res = await call(cookie, 'POST', `/api/frame/episodes/${episode.json().id}/agreement`, agreement);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A therapist with two clients (one with a weekly frame in Room 2), a colleague with one, breaks and an absence. */
async function practice() {
  const p = await practiceWithEveryRole(t.ctx);
  const therapistId = p.people.therapist.userId;
  const ada = await addPerson(t.ctx, p.practiceId, ['client'], { displayName: 'Ada Quillfeather' });
  const bea = await addPerson(t.ctx, p.practiceId, ['client'], { displayName: 'Bea Marchbanks' });
  await placeInCare(t.ctx, p.practiceId, therapistId, ada.userId);
  await placeInCare(t.ctx, p.practiceId, therapistId, bea.userId);
  const colleague = await addPerson(t.ctx, p.practiceId, ['therapist'], { displayName: 'Dr Colleague' });
  const colleagueCookie = await sessionCookie(t.ctx, colleague);
  const theirs = await addPerson(t.ctx, p.practiceId, ['client'], { displayName: 'Cyril Pennywhistle' });
  await placeInCare(t.ctx, p.practiceId, colleague.userId, theirs.userId);
  await scopedQuery(t.ctx, p.practiceId, `UPDATE users SET display_name = 'Dr Therapist' WHERE id = $1`, [therapistId]);
  const room = (await call(p.cookies.admin, 'POST', '/api/frame/locations', { name: 'Room 2', kind: 'room' })).json();
  const online = (
    await call(p.cookies.admin, 'POST', '/api/frame/locations', { name: 'Video', kind: 'online' })
  ).json();
  return {
    ...p,
    therapistId,
    ada,
    bea,
    colleague,
    colleagueCookie,
    theirs,
    roomId: room.id as string,
    onlineId: online.id as string,
  };
}

describe('the week calendar', () => {
  it('shows my sessions of every status, the breaks that apply to me and my clients’ absences', async () => {
    const p = await practice();
    pretendNowIs('2027-01-04T12:00:00Z');
    const ada = await agree(p.cookies.therapist, p.ada.userId, {
      kind: 'open',
      slots: [{ weekday: 2, time: '09:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-01-05',
    });
    await agree(p.colleagueCookie, p.theirs.userId, {
      kind: 'open',
      slots: [{ weekday: 2, time: '09:00' }],
      locationId: p.onlineId,
      feePence: 7000,
      startDate: '2027-01-05',
    });
    const [, second] = (
      await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${ada.id}/appointments`)
    ).json() as Appointment[];
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `UPDATE appointments SET status = 'cancelled_client', late = true WHERE id = $1`,
      [second?.id],
    );
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `INSERT INTO breaks (practice_id, therapist_id, kind, title, starts_on, ends_on) VALUES
         ($1, $2, 'therapist', 'My leave', '2027-01-13', '2027-01-14'),
         ($1, $3, 'therapist', 'Their leave', '2027-01-13', '2027-01-14'),
         ($1, NULL, 'practice', 'Closure', '2027-01-15', '2027-01-15'),
         ($1, NULL, 'practice', 'Much later', '2027-03-01', '2027-03-02')`,
      [p.practiceId, p.therapistId, p.colleague.userId],
    );
    await t.ctx.access.run(systemActor(p.practiceId), async (tx) => {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO client_absences (practice_id, client_id, starts_on, ends_on) VALUES ($1, $2, '2027-01-16', '2027-01-20'),
           ($1, $3, '2027-01-16', '2027-01-20') RETURNING id`,
        [p.practiceId, p.bea.userId, p.theirs.userId],
      );
      const id = inserted.rows[0]?.id as string;
      await tx.query('UPDATE client_absences SET note_enc = $2 WHERE id = $1', [
        id,
        await tx.encrypt('clinical', `client_absences.note_enc:${id}`, 'Visiting my sister'),
      ]);
    });

    const res = await call(p.cookies.therapist, 'GET', '/api/frame/calendar?from=2027-01-11&to=2027-01-17');
    expect(res.statusCode).toBe(200);
    const week = res.json();
    expect(week.appointments.map((a: Appointment) => [a.localStart, a.status, a.clientName])).toEqual([
      ['2027-01-12T09:00', 'cancelled_client', 'Ada Quillfeather'],
    ]);
    expect(week.breaks.map((b: { title: string }) => b.title)).toEqual(['My leave', 'Closure']);
    expect(week.absences).toEqual([
      expect.objectContaining({
        clientId: p.bea.userId,
        startsOn: '2027-01-16',
        endsOn: '2027-01-20',
        note: 'Visiting my sister',
      }),
    ]);
    expect(res.body).not.toContain('Cyril');
    const twoWeeks = await call(p.cookies.therapist, 'GET', '/api/frame/calendar?from=2027-01-04&to=2027-01-19');
    expect(twoWeeks.json().appointments).toHaveLength(3);

    const tooLong = await call(p.cookies.therapist, 'GET', '/api/frame/calendar?from=2027-01-01&to=2027-03-04');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0]).toEqual({ field: 'to', message: 'Ask for at most 62 days at a time.' });
    expect(
      (await call(p.cookies.therapist, 'GET', '/api/frame/calendar?from=2027-01-10&to=2027-01-09')).statusCode,
    ).toBe(400);
    expect(
      (await call(p.cookies.therapist, 'GET', '/api/frame/calendar?from=2027-01-01&to=2027-03-03')).statusCode,
    ).toBe(200);
    expect((await call(p.cookies.client, 'GET', '/api/frame/calendar?from=2027-01-11&to=2027-01-17')).statusCode).toBe(
      403,
    );
    const event = (await auditEventsOf(t.ctx, p.practiceId)).find((e) => e.action === 'frame.calendar_viewed');
    expect(event?.details).toMatchObject({ from: '2027-01-11', to: '2027-01-17', appointments: 1 });
  });
});

describe('the caseload', () => {
  it('lists each current client with their episode, next session and pending move requests', async () => {
    const p = await practice();
    pretendNowIs('2027-01-04T12:00:00Z');
    const ada = await agree(p.cookies.therapist, p.ada.userId, {
      kind: 'brief',
      sessionCount: 6,
      slots: [{ weekday: 3, time: '10:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-01-05',
      reviewEvery: 3,
    });
    const [first] = (
      await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${ada.id}/appointments`)
    ).json() as Appointment[];
    await scopedQuery(
      t.ctx,
      p.practiceId,
      `INSERT INTO move_requests (practice_id, appointment_id, client_id) VALUES ($1, $2, $3)`,
      [p.practiceId, first?.id, p.ada.userId],
    );
    // An earlier, ended episode of Bea's is shown until a new one begins.
    const bea = (
      await call(p.cookies.therapist, 'POST', `/api/frame/clients/${p.bea.userId}/episodes`, {})
    ).json() as Episode;
    await call(p.cookies.therapist, 'POST', `/api/frame/episodes/${bea.id}/end`, {
      closingSummary: 'Did not continue.',
    });

    const res = await call(p.cookies.therapist, 'GET', '/api/frame/caseload');
    expect(res.statusCode).toBe(200);
    const rows = res.json();
    expect(rows.map((r: { clientName: string }) => r.clientName)).toEqual(['Ada Quillfeather', 'Bea Marchbanks']);
    expect(rows[0]).toMatchObject({
      clientId: p.ada.userId,
      episode: { id: ada.id, status: 'active', sessionsRemaining: 6, nextReviewAt: 3, reviewDue: false },
      nextAppointment: { id: first?.id, localStart: '2027-01-06T10:00', moveRequested: true },
      pendingMoveRequests: 1,
    });
    expect(rows[1]).toMatchObject({
      episode: { id: bea.id, status: 'ended' },
      nextAppointment: null,
      pendingMoveRequests: 0,
    });
    expect(rows[0].episode.closingSummary).toBeUndefined();
    expect(res.body).not.toContain('Cyril');

    // Two sessions attended: the next is the third, a review.
    const sessions = (
      await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${ada.id}/appointments`)
    ).json() as Appointment[];
    await scopedQuery(t.ctx, p.practiceId, `UPDATE appointments SET status = 'attended' WHERE id = ANY($1::uuid[])`, [
      sessions.slice(0, 2).map((a) => a.id),
    ]);
    vi.setSystemTime(new Date('2027-01-14T12:00:00Z'));
    const later = (await call(p.cookies.therapist, 'GET', `/api/frame/episodes/${ada.id}`)).json();
    expect(later).toMatchObject({ sessionsHeld: 2, nextReviewAt: 3, reviewDue: true, sessionsRemaining: 4 });
    expect((await auditEventsOf(t.ctx, p.practiceId)).some((e) => e.action === 'frame.caseload_viewed')).toBe(true);
  });
});

describe('room use (admin)', () => {
  it('shows who holds each room when, with therapist names and never client names', async () => {
    const p = await practice();
    pretendNowIs('2027-01-04T12:00:00Z');
    await agree(p.cookies.therapist, p.ada.userId, {
      kind: 'open',
      slots: [{ weekday: 2, time: '09:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-01-05',
    });
    await agree(p.colleagueCookie, p.theirs.userId, {
      kind: 'open',
      slots: [{ weekday: 2, time: '11:00' }],
      locationId: p.roomId,
      feePence: 7000,
      startDate: '2027-01-05',
    });
    const res = await call(p.cookies.admin, 'GET', '/api/frame/rooms/usage?from=2027-01-11&to=2027-01-17');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        location: { id: p.roomId, name: 'Room 2', kind: 'room', address: null, archived: false },
        bookings: [
          {
            startsAt: '2027-01-12T09:00:00.000Z',
            endsAt: '2027-01-12T09:50:00.000Z',
            therapistName: 'Dr Therapist',
            status: 'scheduled',
          },
          {
            startsAt: '2027-01-12T11:00:00.000Z',
            endsAt: '2027-01-12T11:50:00.000Z',
            therapistName: 'Dr Colleague',
            status: 'scheduled',
          },
        ],
      },
    ]);
    for (const name of ['Ada', 'Quillfeather', 'Cyril', 'Pennywhistle']) expect(res.body).not.toContain(name);
    expect(
      (await call(p.cookies.therapist, 'GET', '/api/frame/rooms/usage?from=2027-01-11&to=2027-01-17')).statusCode,
    ).toBe(403);
    expect((await auditEventsOf(t.ctx, p.practiceId)).some((e) => e.action === 'frame.rooms_viewed')).toBe(true);
  });
});
