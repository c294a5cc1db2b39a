import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import type { Role } from '../../db/schema.js';
import { addPerson, createPracticeFixture, sessionCookie } from '../../test-support/fixtures.js';
import { carePair, placeInCare, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Who reaches questionnaires. Schedules and request status: a therapist caring for the client alone
 * (the admin, a supervisor and the client 403; another therapist or practice 404). A request's
 * questions and the answers so far: the client it is for alone (staff 403, another client 404). Row-
 * level security agrees; and no body, however odd, gets a 5xx.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const send = (method: Method, url: string, cookie: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

interface World {
  practiceId: string;
  pair: CarePair;
  requestId: string;
  scheduleId: string;
  people: Record<'admin' | 'supervisor' | 'otherTherapist' | 'coCarer' | 'otherClient' | 'foreign', Person>;
}
interface Person {
  userId: string;
  cookie: string;
  roles: Role[];
}

async function world(): Promise<World> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  const person = async (roles: Role[], practice = practiceId): Promise<Person> => {
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
    otherClient: await person(['client']),
    foreign: await person(['therapist', 'admin', 'client'], foreignPractice),
  };
  const sent = await send('POST', `/api/questionnaires/clients/${pair.client.userId}/requests`, pair.therapistCookie, {
    instrumentId: 'phq-9',
  });
  expect(sent.statusCode).toBe(200);
  const scheduled = await send(
    'POST',
    `/api/questionnaires/episodes/${pair.episodeId}/schedules`,
    pair.therapistCookie,
    { instrumentId: 'gad-7', timing: 'every_session' },
  );
  expect(scheduled.statusCode).toBe(200);
  const saved = await send('PUT', `/api/questionnaires/mine/${sent.json().request.id}/answers/1`, pair.clientCookie, {
    value: 2,
    revision: null,
  });
  expect(saved.statusCode).toBe(200);
  return { practiceId, pair, requestId: sent.json().request.id, scheduleId: scheduled.json().schedule.id, people };
}

function therapistRoutes(w: World): [Method, string, unknown][] {
  const client = w.pair.client.userId;
  return [
    ['GET', `/api/questionnaires/clients/${client}`, undefined],
    ['POST', `/api/questionnaires/episodes/${w.pair.episodeId}/schedules`, { instrumentId: 'phq-9', timing: 'ending' }],
    ['POST', `/api/questionnaires/clients/${client}/requests`, { instrumentId: 'gad-7' }],
    ['DELETE', `/api/questionnaires/schedules/${w.scheduleId}`, undefined],
  ];
}

function clientRoutes(w: World): [Method, string, unknown][] {
  return [
    ['GET', `/api/questionnaires/mine/${w.requestId}`, undefined],
    ['PUT', `/api/questionnaires/mine/${w.requestId}/answers/2`, { value: 1, revision: null }],
    ['POST', `/api/questionnaires/mine/${w.requestId}/submit`, undefined],
  ];
}

describe('schedules and request status are the current carers’ alone', () => {
  it('refuses the admin, a supervisor and the client (403), another therapist and another practice (404)', async () => {
    const w = await world();
    const refused: [string, string, number][] = [
      ['admin', w.people.admin.cookie, 403],
      ['supervisor', w.people.supervisor.cookie, 403],
      ['client', w.pair.clientCookie, 403],
      ['another therapist', w.people.otherTherapist.cookie, 404],
      ['another practice', w.people.foreign.cookie, 404],
    ];
    for (const [who, cookie, status] of refused) {
      for (const [method, url, body] of therapistRoutes(w)) {
        const res = await send(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(status);
      }
    }
    for (const [method, url, body] of therapistRoutes(w)) {
      expect((await send(method, url, w.people.coCarer.cookie, body)).statusCode, `${method} ${url}`).toBe(200);
    }
  });
});

describe('a request’s questions and answers are its client’s alone', () => {
  it('refuses staff (403) and another client or practice (404); the list shows only one’s own', async () => {
    const w = await world();
    const refused: [string, string, number][] = [
      ['therapist', w.pair.therapistCookie, 403],
      ['admin', w.people.admin.cookie, 403],
      ['supervisor', w.people.supervisor.cookie, 403],
      ['another client', w.people.otherClient.cookie, 404],
      ['another practice', w.people.foreign.cookie, 404],
    ];
    for (const [who, cookie, status] of refused) {
      for (const [method, url, body] of clientRoutes(w)) {
        const res = await send(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(status);
        expect(res.body).not.toContain('Little interest');
      }
    }
    expect((await send('GET', '/api/questionnaires/mine', w.people.otherClient.cookie)).json().questionnaires).toEqual(
      [],
    );
    expect((await send('GET', '/api/questionnaires/mine', w.pair.therapistCookie)).statusCode).toBe(403);
    expect((await send('GET', '/api/questionnaires/mine', w.pair.clientCookie)).json().questionnaires).toHaveLength(1);
  });

  it('row-level security: drafts are the client’s, requests the client’s and carers’, responses never read by the client', async () => {
    const w = await world();
    const count = (actor: Actor, table: string) =>
      t.ctx.access.run(
        actor,
        async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n,
      );
    const as = (userId: string, roles: Role[]): Actor => ({ practiceId: w.practiceId, userId, roles });
    const client = as(w.pair.client.userId, ['client']);
    const carer = as(w.pair.therapist.userId, ['therapist']);
    const others = [
      as(w.people.admin.userId, ['admin']),
      as(w.people.supervisor.userId, ['supervisor']),
      as(w.people.otherTherapist.userId, ['therapist']),
      as(w.people.otherClient.userId, ['client']),
    ];
    expect(await count(client, 'questionnaire_answers')).toBe(1);
    expect(await count(carer, 'questionnaire_answers')).toBe(0);
    expect(await count(client, 'questionnaire_requests')).toBe(1);
    expect(await count(carer, 'questionnaire_requests')).toBe(1);
    expect(await count(client, 'questionnaire_schedules')).toBe(0);
    expect(await count(carer, 'questionnaire_schedules')).toBe(1);
    for (const actor of others) {
      for (const table of ['questionnaire_answers', 'questionnaire_requests', 'questionnaire_schedules']) {
        expect(await count(actor, table), `${actor.roles.join()} ${table}`).toBe(0);
      }
    }
    // A client cannot write a response of their own as paper, nor as portal without an open request.
    const insert = (actor: Actor, source: string) =>
      t.ctx.access.run(actor, (tx) =>
        tx.query(
          `INSERT INTO measure_responses (practice_id, client_id, instrument_id, source, completed_on, entered_by,
                                          answers_enc, score_enc)
           VALUES (app_practice_id(), $1, 'phq-9', $2, current_date, $1, 'x', 'x')`,
          [actor.userId, source],
        ),
      );
    await expect(insert(client, 'paper')).rejects.toThrow(/row-level security/);
    await expect(insert(as(w.people.otherClient.userId, ['client']), 'portal')).rejects.toThrow(/row-level security/);
    const submitted = await send('POST', `/api/questionnaires/mine/${w.requestId}/submit`, w.pair.clientCookie);
    expect(submitted.statusCode).toBe(400); // not all answered yet: nothing stored
    expect(await count(client, 'measure_responses')).toBe(0);
  });
});

describe('odd input', () => {
  it('never answers 5xx to random bodies and ids', async () => {
    const w = await world();
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ value: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), revision: fc.anything() }),
      fc.record({
        instrumentId: fc.oneof(fc.constantFrom('phq-9', 'gad-7', 'x'), fc.string()),
        timing: fc.oneof(fc.constantFrom('every_session', 'every_n_sessions', 'follow_up', 'reviews'), fc.string()),
        everyN: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
        monthsAfter: fc.oneof(fc.integer(), fc.constant(null)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(anything, fc.constantFrom('1', '9', 'difficulty', 'zz'), async (body, linkId) => {
        const results = [
          await send(
            'POST',
            `/api/questionnaires/episodes/${w.pair.episodeId}/schedules`,
            w.pair.therapistCookie,
            body,
          ),
          await send(
            'POST',
            `/api/questionnaires/clients/${w.pair.client.userId}/requests`,
            w.pair.therapistCookie,
            body,
          ),
          await send('PUT', `/api/questionnaires/mine/${w.requestId}/answers/${linkId}`, w.pair.clientCookie, body),
        ];
        for (const res of results) expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect((await send('GET', '/api/questionnaires/mine/not-a-uuid', w.pair.clientCookie)).statusCode).toBe(400);
  });
});
