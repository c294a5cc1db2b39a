import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../frame/frame-types.js';
import { auditEventsOf, practiceWithEveryRole } from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function call(cookie: string, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
}

const valid = {
  timeZone: 'Europe/London',
  sessionMinutes: 50,
  minGapMinutes: 10,
  workingHours: [
    { weekday: 1, start: '08:00', end: '12:00' },
    { weekday: 1, start: '13:00', end: '19:00' },
    { weekday: 4, start: '07:30', end: '15:00' },
  ],
  fees: { consultation: 9000, assessment: 8000, session: 7000 },
  policy: { ...DEFAULT_POLICY, noticeHours: 24, freeMissedPerYear: 2 },
  reminderLeadHours: 48,
  feedShowsClientNames: true,
};

describe('therapist settings', () => {
  it('gives the defaults before anything is saved, then what was saved, audited', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const first = await call(p.cookies.therapist, 'GET', '/api/frame/settings');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      timeZone: 'Europe/London',
      sessionMinutes: 50,
      minGapMinutes: 10,
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
      fees: {},
      policy: DEFAULT_POLICY,
      reminderLeadHours: 24,
      feedShowsClientNames: false,
      currency: 'GBP',
    });
    const saved = await call(p.cookies.therapist, 'PUT', '/api/frame/settings', valid);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ...valid, currency: 'GBP' });
    expect((await call(p.cookies.therapist, 'GET', '/api/frame/settings')).json()).toEqual({
      ...valid,
      currency: 'GBP',
    });
    // Saving again replaces.
    const again = await call(p.cookies.therapist, 'PUT', '/api/frame/settings', { ...valid, reminderLeadHours: null });
    expect(again.json().reminderLeadHours).toBeNull();
    const actions = (await auditEventsOf(t.ctx, p.practiceId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'frame.settings_viewed')).toHaveLength(2);
    expect(actions.filter((a) => a === 'frame.settings_changed')).toHaveLength(2);
  });

  it('refuses working hours that end before they start or overlap, an unknown zone and a muddled policy', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const res = await call(p.cookies.therapist, 'PUT', '/api/frame/settings', {
      ...valid,
      timeZone: 'Europe/Londres',
      workingHours: [
        { weekday: 2, start: '10:00', end: '09:00' },
        { weekday: 3, start: '08:00', end: '12:00' },
        { weekday: 3, start: '11:00', end: '14:00' },
      ],
      policy: { ...DEFAULT_POLICY, noticeHours: 0, chargeLateCancellation: true },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('invalid_settings');
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual([
      'timeZone',
      'workingHours.0.end',
      'workingHours.2',
      'policy.noticeHours',
    ]);
    expect(body.fields[1].message).toBe('The working hours on Tuesday must end after they start.');
    expect(body.fields[2].message).toMatch(/overlap on Wednesday/);
    // Nothing was saved.
    expect((await call(p.cookies.therapist, 'GET', '/api/frame/settings')).json().workingHours).toHaveLength(5);
    // Shapes are checked by the schema (a 400 with fields too).
    const shape = await call(p.cookies.therapist, 'PUT', '/api/frame/settings', { ...valid, sessionMinutes: 5 });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().fields[0].field).toBe('sessionMinutes');
    const extra = await call(p.cookies.therapist, 'PUT', '/api/frame/settings', { ...valid, currency: 'EUR' });
    expect(extra.statusCode).toBe(400);
  });

  it('is for therapists only', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    for (const cookie of [p.cookies.client, p.cookies.admin, p.cookies.supervisor]) {
      expect((await call(cookie, 'GET', '/api/frame/settings')).statusCode).toBe(403);
      expect((await call(cookie, 'PUT', '/api/frame/settings', valid)).statusCode).toBe(403);
    }
  });
});

describe('locations', () => {
  it('adds, lists, renames, archives and restores rooms and online places', async () => {
    const p = await practiceWithEveryRole(t.ctx);
    const room = await call(p.cookies.admin, 'POST', '/api/frame/locations', {
      name: ' Room 2 ',
      kind: 'room',
      address: '12 High Street',
    });
    expect(room.statusCode).toBe(200);
    expect(room.json()).toMatchObject({ name: 'Room 2', kind: 'room', address: '12 High Street', archived: false });
    const online = await call(p.cookies.therapist, 'POST', '/api/frame/locations', { name: 'Video', kind: 'online' });
    expect(online.json()).toMatchObject({ name: 'Video', kind: 'online', address: null });

    const dup = await call(p.cookies.therapist, 'POST', '/api/frame/locations', { name: 'room 2', kind: 'room' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toEqual({ field: 'name', message: 'There is already a location called “room 2”.' });

    const id = room.json().id as string;
    const archived = await call(p.cookies.therapist, 'PATCH', `/api/frame/locations/${id}`, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true });
    // Its name is free again; restoring the old one would then clash.
    expect(
      (await call(p.cookies.therapist, 'POST', '/api/frame/locations', { name: 'Room 2', kind: 'room' })).statusCode,
    ).toBe(200);
    const restore = await call(p.cookies.therapist, 'PATCH', `/api/frame/locations/${id}`, { archived: false });
    expect(restore.statusCode).toBe(409);
    const renamed = await call(p.cookies.therapist, 'PATCH', `/api/frame/locations/${id}`, {
      archived: false,
      name: 'Garden room',
      address: null,
    });
    expect(renamed.json()).toMatchObject({ name: 'Garden room', address: null, archived: false });

    const list = await call(p.cookies.therapist, 'GET', '/api/frame/locations');
    expect(list.json().map((l: { name: string }) => l.name)).toEqual(['Garden room', 'Room 2', 'Video']);
    const live = await call(p.cookies.admin, 'GET', '/api/frame/locations?archived=false');
    expect(live.json()).toHaveLength(3);

    expect((await call(p.cookies.client, 'GET', '/api/frame/locations')).statusCode).toBe(403);
    const missing = await call(p.cookies.admin, 'PATCH', `/api/frame/locations/${crypto.randomUUID()}`, { name: 'x' });
    expect(missing.statusCode).toBe(404);
    expect((await call(p.cookies.admin, 'PATCH', `/api/frame/locations/${id}`, {})).statusCode).toBe(400);
    const actions = (await auditEventsOf(t.ctx, p.practiceId)).filter((e) => e.action === 'frame.location_changed');
    expect(actions.map((e) => e.details.change)).toEqual(expect.arrayContaining(['created', 'archived', 'restored']));
  });
});
