import crypto from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../frame/frame-types.js';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
  type PersonFixture,
} from '../../test-support/fixtures.js';
import { createTestApp, CSRF, type TestApp } from '../../test-support/test-app.js';
import { MAX_FEEDS_PER_PERSON } from './feeds-manage.js';
import { FEED_NOT_FOUND, FEED_READS_PER_MINUTE } from './feeds-public.js';

/**
 * Calendar feeds end to end: links made through the API, read without a cookie the way a calendar
 * app reads them, and every answer parsed by ical.js.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Parsed {
  name: string | null;
  events: {
    uid: string;
    summary: string;
    sequence: number;
    status: string;
    start: Date;
    end: Date;
    location: string | null;
    description: string | null;
  }[];
}

function parseCalendar(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: (calendar.getFirstPropertyValue('x-wr-calname') as string | null) ?? null,
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        sequence: event.sequence,
        status: String(component.getFirstPropertyValue('status')),
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        location: event.location ?? null,
        description: event.description ?? null,
      };
    }),
  };
}

interface Frame {
  practiceId: string;
  therapist: PersonFixture;
  client: PersonFixture;
  otherClient: PersonFixture;
  cookies: { therapist: string; client: string; otherClient: string; otherTherapist: string; supervisor: string };
  episodeId: string;
  roomId: string;
}

/** A practice with a therapist, two clients in their care, another therapist, an episode and a room. */
async function frame(): Promise<Frame> {
  const practiceId = await createPracticeFixture(t.ctx, 'Feeds Practice');
  const therapist = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Ada Byrne' });
  const otherTherapist = await addPerson(t.ctx, practiceId, ['therapist'], { displayName: 'Dr Other' });
  const supervisor = await addPerson(t.ctx, practiceId, ['supervisor']);
  const client = await addPerson(t.ctx, practiceId, ['client'], { displayName: 'Cleo Client' });
  const otherClient = await addPerson(t.ctx, practiceId, ['client'], { displayName: 'Otto Other' });
  for (const c of [client, otherClient]) {
    await scopedQuery(
      t.ctx,
      practiceId,
      'INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES ($1, $2, $3)',
      [practiceId, therapist.userId, c.userId],
    );
  }
  const [room] = await scopedQuery<{ id: string }>(
    t.ctx,
    practiceId,
    `INSERT INTO locations (practice_id, name, kind, address) VALUES ($1, 'Room 2', 'room', '12 High Street') RETURNING id`,
    [practiceId],
  );
  const [episode] = await scopedQuery<{ id: string }>(
    t.ctx,
    practiceId,
    `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, time_zone, slots)
     VALUES ($1, $2, $3, 'active', 'open', 'Europe/London', '[]') RETURNING id`,
    [practiceId, therapist.userId, client.userId],
  );
  return {
    practiceId,
    therapist,
    client,
    otherClient,
    cookies: {
      therapist: await sessionCookie(t.ctx, therapist),
      client: await sessionCookie(t.ctx, client),
      otherClient: await sessionCookie(t.ctx, otherClient),
      otherTherapist: await sessionCookie(t.ctx, otherTherapist),
      supervisor: await sessionCookie(t.ctx, supervisor),
    },
    episodeId: episode?.id ?? '',
    roomId: room?.id ?? '',
  };
}

/** An appointment at `startsAt` (50 minutes), arranged directly in the table. */
async function appointment(
  f: Frame,
  startsAt: Date,
  options: { status?: string; clientId?: string; episodeId?: string; kind?: string } = {},
): Promise<string> {
  let episodeId = options.episodeId ?? f.episodeId;
  if (options.clientId && !options.episodeId) {
    const [other] = await scopedQuery<{ id: string }>(
      t.ctx,
      f.practiceId,
      `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, time_zone)
       VALUES ($1, $2, $3, 'active', 'open', 'Europe/London') RETURNING id`,
      [f.practiceId, f.therapist.userId, options.clientId],
    );
    episodeId = other?.id ?? '';
  }
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(startsAt)
    .replace(' ', 'T');
  const [row] = await scopedQuery<{ id: string }>(
    t.ctx,
    f.practiceId,
    `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at,
                               local_start, time_zone, location_id, fee_pence, status)
     VALUES ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '50 minutes', $7, 'Europe/London', $8, 7000, $9)
     RETURNING id`,
    [
      f.practiceId,
      episodeId,
      f.therapist.userId,
      options.clientId ?? f.client.userId,
      options.kind ?? 'session',
      startsAt,
      local,
      f.roomId,
      options.status ?? 'scheduled',
    ],
  );
  return row?.id ?? '';
}

async function makeFeed(cookie: string): Promise<{ id: string; url: string; path: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/frame/feeds',
    headers: { cookie, ...CSRF },
    payload: {},
  });
  expect(res.statusCode).toBe(201);
  const body = res.json<{ id: string; url: string }>();
  return { ...body, path: new URL(body.url).pathname };
}

async function readFeed(path: string, remoteAddress = '127.0.0.1') {
  return t.app.inject({ method: 'GET', url: path, remoteAddress });
}

/** Midday-ish, whole minutes: tomorrow at 09:00 UTC plus `days`. */
function at(days: number, hour = 9): Date {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

describe('calendar feeds', () => {
  it('gives a therapist a private link, shown once, that a calendar app reads without a cookie', async () => {
    const f = await frame();
    const future = await appointment(f, at(3));
    const past = await appointment(f, at(-10), { status: 'attended' });
    const tooOld = await appointment(f, at(-70), { status: 'attended' });
    const others = await appointment(f, at(4, 11), { clientId: f.otherClient.userId });

    const feed = await makeFeed(f.cookies.therapist);
    expect(feed.url).toMatch(new RegExp(`^http://localhost:8080/calendar/${f.practiceId}\\.[A-Za-z0-9_-]{43}\\.ics$`));

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/frame/feeds',
      headers: { cookie: f.cookies.therapist },
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([{ id: feed.id, createdAt: expect.any(String), lastUsedAt: null }]);
    expect(listed.body).not.toContain(feed.url.split('/').at(-1)?.split('.')[1] ?? 'x');

    const res = await readFeed(feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^private/);
    expect(res.headers['set-cookie']).toBeUndefined();
    const calendar = parseCalendar(res.body);
    expect(calendar.events.map((e) => e.uid)).toEqual([past, future, others].map((id) => `${id}@undercurrent`));
    expect(calendar.events.map((e) => e.uid)).not.toContain(`${tooOld}@undercurrent`);
    const first = calendar.events[1];
    expect(first).toMatchObject({
      summary: 'Session',
      status: 'CONFIRMED',
      sequence: 0,
      location: 'Room 2, 12 High Street',
    });
    expect(first?.start.getTime()).toBe(at(3).getTime());
    expect(first?.end.getTime()).toBe(at(3).getTime() + 50 * 60_000);
    // No client names unless the therapist chose them; nothing clinical in any field.
    for (const name of ['Cleo', 'Otto', 'consultation', 'assessment'])
      expect(res.body.toLowerCase()).not.toContain(name.toLowerCase());

    // Stable identities: a second read gives the same UIDs and sequences.
    const again = parseCalendar((await readFeed(feed.path)).body);
    expect(again.events.map((e) => [e.uid, e.sequence])).toEqual(calendar.events.map((e) => [e.uid, e.sequence]));

    const used = await t.app.inject({
      method: 'GET',
      url: '/api/frame/feeds',
      headers: { cookie: f.cookies.therapist },
    });
    expect(used.json<{ lastUsedAt: string | null }[]>()[0]?.lastUsedAt).toEqual(expect.any(String));

    const events = await auditEventsOf(t.ctx, f.practiceId);
    expect(events.filter((e) => e.action === 'frame.feed_created')).toHaveLength(1);
    const reads = events.filter((e) => e.action === 'frame.feed_read');
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({
      outcome: 'success',
      subject_id: feed.id,
      subject_user_id: null,
      details: { count: 3 },
    });
  });

  it('adds the client’s name to the therapist’s titles only when the therapist chose it', async () => {
    const f = await frame();
    await appointment(f, at(2));
    await scopedQuery(
      t.ctx,
      f.practiceId,
      `INSERT INTO therapist_settings (practice_id, therapist_id, policy, feed_shows_client_names) VALUES ($1, $2, $3, true)`,
      [f.practiceId, f.therapist.userId, JSON.stringify(DEFAULT_POLICY)],
    );
    const therapistFeed = await makeFeed(f.cookies.therapist);
    expect(parseCalendar((await readFeed(therapistFeed.path)).body).events.map((e) => e.summary)).toEqual([
      'Session — Cleo Client',
    ]);
    // The client's own feed never names anyone but the therapist.
    const clientFeed = await makeFeed(f.cookies.client);
    expect(parseCalendar((await readFeed(clientFeed.path)).body).events.map((e) => e.summary)).toEqual([
      'Session with Dr Ada Byrne',
    ]);
  });

  it('gives a client only their own sessions, cancelled ones marked CANCELLED', async () => {
    const f = await frame();
    const mine = await appointment(f, at(2));
    const cancelled = await appointment(f, at(9), { status: 'cancelled_therapist' });
    await appointment(f, at(3), { clientId: f.otherClient.userId });
    const feed = await makeFeed(f.cookies.client);
    const calendar = parseCalendar((await readFeed(feed.path)).body);
    expect(calendar.events.map((e) => [e.uid, e.status, e.summary])).toEqual([
      [`${mine}@undercurrent`, 'CONFIRMED', 'Session with Dr Ada Byrne'],
      [`${cancelled}@undercurrent`, 'CANCELLED', 'Cancelled: Session with Dr Ada Byrne'],
    ]);
    expect(calendar.events[0]?.description).toContain('http://localhost:8080/sessions');
  });

  it('raises SEQUENCE when a session is moved or cancelled, and keeps the moved original as CANCELLED', async () => {
    const f = await frame();
    const toMove = await appointment(f, at(5));
    const toCancel = await appointment(f, at(12));
    const feed = await makeFeed(f.cookies.client);
    const before = parseCalendar((await readFeed(feed.path)).body);
    expect(before.events.map((e) => e.sequence)).toEqual([0, 0]);

    const target = at(6, 14);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/frame/appointments/${toMove}/move`,
      headers: { cookie: f.cookies.therapist, ...CSRF },
      payload: {
        date: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London' }).format(target),
        time: new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/London',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(target),
      },
    });
    expect(moved.statusCode).toBe(200);
    const newId = moved.json<{ id: string }>().id;

    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/frame/appointments/${toCancel}/cancel-preview`,
      headers: { cookie: f.cookies.client, ...CSRF },
      payload: {},
    });
    expect(preview.statusCode).toBe(200);
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/frame/appointments/${toCancel}/cancel`,
      headers: { cookie: f.cookies.client, ...CSRF },
      payload: { expectedAmountPence: preview.json<{ amountPence: number }>().amountPence },
    });
    expect(cancel.statusCode).toBe(200);

    const after = parseCalendar((await readFeed(feed.path)).body);
    const byUid = new Map(after.events.map((e) => [e.uid, e]));
    expect(byUid.get(`${toMove}@undercurrent`)).toMatchObject({
      status: 'CANCELLED',
      summary: 'Moved: Session with Dr Ada Byrne',
    });
    expect(byUid.get(`${toMove}@undercurrent`)?.sequence).toBeGreaterThan(0);
    expect(byUid.get(`${toCancel}@undercurrent`)).toMatchObject({ status: 'CANCELLED' });
    expect(byUid.get(`${toCancel}@undercurrent`)?.sequence).toBeGreaterThan(0);
    expect(byUid.get(`${newId}@undercurrent`)).toMatchObject({
      status: 'CONFIRMED',
      summary: 'Session with Dr Ada Byrne',
    });
    expect(byUid.get(`${newId}@undercurrent`)?.start.getTime()).toBe(target.getTime());
  });

  it('answers 404, the same for each, to a revoked link, a mangled one and another practice’s', async () => {
    const f = await frame();
    const other = await frame();
    await appointment(f, at(2));
    const feed = await makeFeed(f.cookies.therapist);
    const secret = feed.path.split('.').slice(-2, -1)[0] ?? '';
    expect((await readFeed(feed.path)).statusCode).toBe(200);

    const answers = await Promise.all([
      readFeed(`/calendar/${other.practiceId}.${secret}.ics`),
      readFeed(`/calendar/${crypto.randomUUID()}.${secret}.ics`),
      readFeed(`/calendar/${f.practiceId}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}.ics`),
      readFeed(`/calendar/${f.practiceId}.ics`),
      readFeed(`/calendar/not-a-token.ics`),
    ]);
    // Another practice's own valid link does not open this one's data either.
    const otherFeed = await makeFeed(other.cookies.therapist);
    const otherCalendar = parseCalendar((await readFeed(otherFeed.path)).body);
    expect(otherCalendar.events).toEqual([]);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/frame/feeds/${feed.id}`,
      headers: { cookie: f.cookies.therapist, ...CSRF },
    });
    expect(revoked.statusCode).toBe(200);
    answers.push(await readFeed(feed.path));
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found', message: FEED_NOT_FOUND });
    }
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/frame/feeds',
      headers: { cookie: f.cookies.therapist },
    });
    expect(listed.json()).toEqual([]);
    // Turning it off twice, or someone else's, is a 404.
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/frame/feeds/${feed.id}`,
      headers: { cookie: f.cookies.therapist, ...CSRF },
    });
    expect(again.statusCode).toBe(404);
    const theirs = await t.app.inject({
      method: 'DELETE',
      url: `/api/frame/feeds/${otherFeed.id}`,
      headers: { cookie: f.cookies.therapist, ...CSRF },
    });
    expect(theirs.statusCode).toBe(404);
    expect((await readFeed(otherFeed.path)).statusCode).toBe(200);

    const events = await auditEventsOf(t.ctx, f.practiceId);
    expect(events.filter((e) => e.action === 'frame.feed_revoked').map((e) => e.outcome)).toEqual([
      'success',
      'failure',
      'failure',
    ]);
    expect(
      events.filter((e) => e.action === 'frame.feed_read' && e.outcome === 'failure').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('stops the link of a person whose account is switched off', async () => {
    const f = await frame();
    const feed = await makeFeed(f.cookies.client);
    expect((await readFeed(feed.path)).statusCode).toBe(200);
    await scopedQuery(t.ctx, f.practiceId, `UPDATE users SET status = 'disabled' WHERE id = $1`, [f.client.userId]);
    expect((await readFeed(feed.path)).statusCode).toBe(404);
  });

  it('limits links per person, and who may have them', async () => {
    const f = await frame();
    for (let i = 0; i < MAX_FEEDS_PER_PERSON; i += 1) await makeFeed(f.cookies.client);
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/frame/feeds',
      headers: { cookie: f.cookies.client, ...CSRF },
      payload: {},
    });
    expect(extra.statusCode).toBe(409);
    expect(extra.json().message).toMatch(/Turn off one you no longer use/);
    const supervisor = await t.app.inject({
      method: 'POST',
      url: '/api/frame/feeds',
      headers: { cookie: f.cookies.supervisor, ...CSRF },
      payload: {},
    });
    expect(supervisor.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/frame/feeds', headers: CSRF, payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });

  it('limits how often one address may read feeds', async () => {
    const address = '10.77.0.1';
    for (let i = 0; i < FEED_READS_PER_MINUTE; i += 1) {
      expect((await readFeed('/calendar/nothing-here.ics', address)).statusCode).toBe(404);
    }
    const limited = await readFeed('/calendar/nothing-here.ics', address);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await readFeed('/calendar/nothing-here.ics', '10.77.0.2')).statusCode).toBe(404);
  });
});

describe('one session as an .ics file', () => {
  it('is there for the therapist of it and its client, and for no one else', async () => {
    const f = await frame();
    const id = await appointment(f, at(4));
    const url = `/api/frame/appointments/${id}/ics`;
    const asTherapist = await t.app.inject({ method: 'GET', url, headers: { cookie: f.cookies.therapist } });
    expect(asTherapist.statusCode).toBe(200);
    expect(asTherapist.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(asTherapist.headers['content-disposition']).toMatch(
      /^attachment; filename="session-\d{4}-\d{2}-\d{2}\.ics"$/,
    );
    expect(parseCalendar(asTherapist.body).events).toEqual([
      expect.objectContaining({ uid: `${id}@undercurrent`, summary: 'Session', status: 'CONFIRMED' }),
    ]);
    const asClient = await t.app.inject({ method: 'GET', url, headers: { cookie: f.cookies.client } });
    expect(asClient.statusCode).toBe(200);
    expect(parseCalendar(asClient.body).events.map((e) => e.summary)).toEqual(['Session with Dr Ada Byrne']);

    for (const cookie of [f.cookies.otherClient, f.cookies.otherTherapist]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: f.cookies.supervisor } })).statusCode).toBe(
      403,
    );
    const other = await frame();
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: other.cookies.therapist } })).statusCode).toBe(
      404,
    );

    const events = await auditEventsOf(t.ctx, f.practiceId);
    const downloads = events.filter((e) => e.action === 'frame.ics_downloaded');
    expect(downloads.map((e) => [e.outcome, e.subject_user_id])).toEqual([
      ['success', f.client.userId],
      ['success', f.client.userId],
      ['failure', f.client.userId],
      ['failure', f.client.userId],
    ]);
  });
});
