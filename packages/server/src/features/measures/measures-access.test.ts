import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import type { Role } from '../../db/schema.js';
import { addPerson, auditEventsOf, createPracticeFixture, sessionCookie } from '../../test-support/fixtures.js';
import { carePair, placeInCare, type CarePair } from '../../test-support/frame-fixtures.js';
import { WSAS_SHAPED } from '../../test-support/measures-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Who reaches questionnaire answers: a therapist currently caring for the client, alone. The admin,
 * a supervisor and the client get 403 (not their role), another therapist and another practice's
 * therapist 404 (not a client they look after), and row-level security shows them no row. The
 * catalogue is the practice's staff's; importing and retiring are the admin's.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Who = 'admin' | 'supervisor' | 'otherTherapist' | 'coCarer' | 'foreignTherapist';
interface World {
  practiceId: string;
  pair: CarePair;
  people: Record<Who, { userId: string; cookie: string; roles: Role[] }>;
}

const send = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

const MARKER_ANSWERS = { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 2 };

async function world(): Promise<World> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  const person = async (roles: Role[], practice = practiceId) => {
    const p = await addPerson(t.ctx, practice, roles);
    return { userId: p.userId, cookie: await sessionCookie(t.ctx, p), roles };
  };
  const coCarer = await person(['therapist']);
  await placeInCare(t.ctx, practiceId, coCarer.userId, pair.client.userId);
  const foreignPractice = await createPracticeFixture(t.ctx, 'Elsewhere');
  const people = {
    admin: await person(['admin']),
    supervisor: await person(['supervisor']),
    otherTherapist: await person(['therapist']),
    coCarer,
    foreignTherapist: await person(['therapist', 'admin'], foreignPractice),
  };
  const entered = await send('POST', `/api/measures/clients/${pair.client.userId}/responses`, pair.therapistCookie, {
    instrumentId: 'phq-9',
    completedOn: new Date().toISOString().slice(0, 10),
    answers: MARKER_ANSWERS,
  });
  expect(entered.statusCode).toBe(200);
  return { practiceId, pair, people };
}

function clientRoutes(w: World) {
  const client = w.pair.client.userId;
  return [
    ['GET', `/api/measures/clients/${client}/responses`, undefined],
    [
      'POST',
      `/api/measures/clients/${client}/responses`,
      { instrumentId: 'gad-7', completedOn: new Date().toISOString().slice(0, 10), answers: { 1: 1 } },
    ],
    ['GET', `/api/measures/clients/${client}/fhir`, undefined],
  ] as const;
}

describe('questionnaire answers are the current carers’ alone', () => {
  it('refuses the admin, a supervisor and the client (403), another therapist and another practice (404)', async () => {
    const w = await world();
    const refused = [
      { who: 'admin', cookie: w.people.admin.cookie, status: 403 },
      { who: 'supervisor', cookie: w.people.supervisor.cookie, status: 403 },
      { who: 'client', cookie: w.pair.clientCookie, status: 403 },
      { who: 'another therapist', cookie: w.people.otherTherapist.cookie, status: 404 },
      { who: 'another practice', cookie: w.people.foreignTherapist.cookie, status: 404 },
    ];
    for (const { who, cookie, status } of refused) {
      for (const [method, url, body] of clientRoutes(w)) {
        const res = await send(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(status);
        expect(res.body).not.toMatch(/Severe|"total"/);
      }
    }
    // Nothing was added: the carer still sees the one result.
    const mine = await send('GET', clientRoutes(w)[0][1], w.pair.therapistCookie);
    expect(mine.json().results).toHaveLength(1);
    const denied = (await auditEventsOf(t.ctx, w.practiceId)).filter(
      (e) => e.actor_user_id === w.people.otherTherapist.userId,
    );
    expect(denied.length).toBe(clientRoutes(w).length);
    expect(denied.every((e) => e.outcome === 'failure' && e.details.reason === 'not_found')).toBe(true);
  });

  it('lets a therapist who also cares for the client read, enter and export, until their care ends', async () => {
    const w = await world();
    const cookie = w.people.coCarer.cookie;
    for (const [method, url, body] of clientRoutes(w)) {
      expect((await send(method, url, cookie, body)).statusCode, `${method} ${url}`).toBe(200);
    }
    await t.ctx.access.run({ practiceId: w.practiceId, userId: null, roles: [] }, (tx) =>
      tx.query('UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1', [w.people.coCarer.userId]),
    );
    expect((await send('GET', clientRoutes(w)[0][1], cookie)).statusCode).toBe(404);
  });

  it('shows no answer row in SQL to the admin, a supervisor, the client, another therapist or a former carer', async () => {
    const w = await world();
    const actors: Actor[] = [
      { practiceId: w.practiceId, userId: w.people.admin.userId, roles: ['admin'] },
      { practiceId: w.practiceId, userId: w.people.supervisor.userId, roles: ['supervisor'] },
      { practiceId: w.practiceId, userId: w.pair.client.userId, roles: ['client'] },
      { practiceId: w.practiceId, userId: w.people.otherTherapist.userId, roles: ['therapist'] },
    ];
    const count = (actor: Actor) =>
      t.ctx.access.run(
        actor,
        async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM measure_responses')).rows[0]?.n,
      );
    for (const actor of actors) expect(await count(actor), actor.roles.join()).toBe(0);
    const carer: Actor = { practiceId: w.practiceId, userId: w.pair.therapist.userId, roles: ['therapist'] };
    expect(await count(carer)).toBe(1);
    await t.ctx.access.run({ practiceId: w.practiceId, userId: null, roles: [] }, (tx) =>
      tx.query('UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1', [w.pair.therapist.userId]),
    );
    expect(await count(carer)).toBe(0);
  });
});

describe('the catalogue', () => {
  it('is read by the practice’s staff, not the client; import and retire are the admin’s alone', async () => {
    const w = await world();
    const staff = [w.people.admin.cookie, w.people.supervisor.cookie, w.pair.therapistCookie];
    for (const cookie of staff) {
      expect((await send('GET', '/api/measures/instruments', cookie)).statusCode).toBe(200);
      expect((await send('GET', '/api/measures/instruments/phq-9', cookie)).statusCode).toBe(200);
    }
    expect((await send('GET', '/api/measures/instruments', w.pair.clientCookie)).statusCode).toBe(403);
    expect((await send('GET', '/api/measures/instruments/phq-9', w.pair.clientCookie)).statusCode).toBe(403);
    for (const cookie of [w.people.supervisor.cookie, w.pair.therapistCookie, w.pair.clientCookie]) {
      expect((await send('POST', '/api/measures/instruments', cookie, WSAS_SHAPED)).statusCode).toBe(403);
      expect((await send('POST', '/api/measures/instruments/wsas/retire', cookie)).statusCode).toBe(403);
    }
    expect((await send('POST', '/api/measures/instruments', w.people.admin.cookie, WSAS_SHAPED)).statusCode).toBe(200);
  });

  it('keeps each practice’s imported instruments to itself', async () => {
    const w = await world();
    await send('POST', '/api/measures/instruments', w.people.admin.cookie, { ...WSAS_SHAPED, id: 'wsas-private' });
    const foreign = w.people.foreignTherapist.cookie;
    const list = (await send('GET', '/api/measures/instruments', foreign)).json().instruments;
    expect(list.map((i: { instrumentId: string }) => i.instrumentId)).not.toContain('wsas-private');
    expect((await send('GET', '/api/measures/instruments/wsas-private', foreign)).statusCode).toBe(404);
    expect((await send('POST', '/api/measures/instruments/wsas-private/retire', foreign)).statusCode).toBe(404);
  });
});
