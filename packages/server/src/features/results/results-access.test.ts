import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.js';
import { addPerson, createPracticeFixture, sessionCookie } from '../../test-support/fixtures.js';
import { carePair, placeInCare, type CarePair } from '../../test-support/frame-fixtures.js';
import { daysAgo, enter } from '../../test-support/results-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Who reaches each results route. A client's charts, sharing and episode outcomes: a therapist
 * currently caring for the client (403 for the admin, a supervisor and the client; 404 for another
 * therapist and another practice). The client's own charts: the client alone. The practice report
 * and its CSV: the admin alone (403 for everyone else). Nobody signed in: 401.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Who = 'carer' | 'coCarer' | 'client' | 'admin' | 'supervisor' | 'otherTherapist' | 'foreign' | 'anonymous';

async function world() {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair: CarePair = await carePair(t, practiceId);
  await enter(t, pair, 'phq-9', 12, daysAgo(3));
  const person = async (roles: Role[], practice = practiceId) => {
    const p = await addPerson(t.ctx, practice, roles);
    return { ...p, cookie: await sessionCookie(t.ctx, p) };
  };
  const coCarer = await person(['therapist']);
  await placeInCare(t.ctx, practiceId, coCarer.userId, pair.client.userId);
  const foreignPractice = await createPracticeFixture(t.ctx, 'Elsewhere');
  const cookies: Record<Who, string> = {
    carer: pair.therapistCookie,
    coCarer: coCarer.cookie,
    client: pair.clientCookie,
    admin: (await person(['admin'])).cookie,
    supervisor: (await person(['supervisor'])).cookie,
    otherTherapist: (await person(['therapist'])).cookie,
    foreign: (await person(['therapist', 'admin'], foreignPractice)).cookie,
    anonymous: '',
  };
  return { pair, cookies };
}

const send = (method: 'GET' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...CSRF }, ...(payload ? { payload } : {}) });

describe('every results route refuses whoever it is not for', () => {
  it('answers each person with the status of the matrix', async () => {
    const { pair, cookies } = await world();
    const c = pair.client.userId;
    const carerOnly = {
      carer: 200,
      coCarer: 200,
      client: 403,
      admin: 403,
      supervisor: 403,
      otherTherapist: 404,
      foreign: 404,
      anonymous: 401,
    };
    const routes: [string, 'GET' | 'PUT', string, object | undefined, Record<Who, number>][] = [
      ['series', 'GET', `/api/results/clients/${c}/series`, undefined, carerOnly],
      ['share', 'PUT', `/api/results/clients/${c}/shares/phq-9`, { shared: true }, carerOnly],
      ['episodes', 'GET', `/api/results/clients/${c}/episodes`, undefined, carerOnly],
      [
        'mine',
        'GET',
        '/api/results/mine',
        undefined,
        {
          carer: 403,
          coCarer: 403,
          client: 200,
          admin: 403,
          supervisor: 403,
          otherTherapist: 403,
          foreign: 403,
          anonymous: 401,
        },
      ],
      ...(['/api/results/report', '/api/results/report.csv'] as const).map(
        (url) =>
          [
            url,
            'GET',
            url,
            undefined,
            {
              carer: 403,
              coCarer: 403,
              client: 403,
              admin: 200,
              supervisor: 403,
              otherTherapist: 403,
              foreign: 200,
              anonymous: 401,
            },
          ] as [string, 'GET', string, undefined, Record<Who, number>],
      ),
    ];
    const mismatches: string[] = [];
    for (const [name, method, url, payload, expected] of routes) {
      for (const who of Object.keys(expected) as Who[]) {
        const res = await send(method, url, cookies[who], payload);
        if (res.statusCode !== expected[who])
          mismatches.push(`${name} as ${who}: ${res.statusCode} ≠ ${expected[who]}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
