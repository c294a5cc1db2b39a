import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { addPerson, practiceWithEveryRole, sessionCookie } from '../test-support/fixtures.js';
import { placeInCare } from '../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Issue 7, part 8: patterns drawn from a client's private entries never reach any staff role. A
 * client writes private entries (and a withdrawn one) holding a unique marker word and a unique
 * figure's name, and shares one ordinary entry. Every staff role — the client's own therapist,
 * another therapist, the practice administrator, the supervisor, every role of another practice —
 * calls every /api/patterns route (found from the OpenAPI document, so a new route is covered the
 * day it is added) with every id the data has: neither marker nor a private entry's id appears in any
 * answer. Then the client turns on their own view (which does show them), and the sweep runs again.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// Letters only, so the pipeline reads the marker and the name as words.
const run = [...crypto.randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
const MARKER = `privmarker${run}`;
const FIGURE = `Zorvath${run}`;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function call(method: Method, url: string, cookie: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

async function ok(method: Method, url: string, cookie: string, payload?: unknown) {
  const res = await call(method, url, cookie, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json();
}

async function world() {
  const a = await practiceWithEveryRole(t.ctx, `Patterns A ${run}`);
  await placeInCare(t.ctx, a.practiceId, a.people.therapist.userId, a.people.client.userId);
  const otherTherapist = await addPerson(t.ctx, a.practiceId, ['therapist']);
  const b = await practiceWithEveryRole(t.ctx, `Patterns B ${run}`);
  await placeInCare(t.ctx, b.practiceId, b.people.therapist.userId, b.people.client.userId);
  const cookie = a.cookies.client;
  const save = (id: string, content: Record<string, unknown>) =>
    ok('PUT', `/api/journal/entries/${id}`, cookie, { baseVersion: 0, ...content });
  const privateId = crypto.randomUUID();
  await save(privateId, {
    kind: 'reflection',
    body: `${FIGURE} told me I was useless and I felt ashamed. My boss criticised me about the ${MARKER} again. When I was little my father ignored me and I was afraid.`,
  });
  const dreamId = crypto.randomUUID();
  await save(dreamId, {
    kind: 'dream',
    body: `I was in a house with ${FIGURE} and a ${MARKER}; my mother was angry and chased me down the stairs.`,
    dreamtOn: '2026-03-01',
    dreamPeriod: 'night',
  });
  const withdrawnId = crypto.randomUUID();
  await save(withdrawnId, { kind: 'reflection', body: `${FIGURE} and the ${MARKER} after the session.` });
  await ok('POST', `/api/journal/entries/${withdrawnId}/share`, cookie, { bringNext: false });
  await ok('POST', `/api/journal/entries/${withdrawnId}/withdraw`, cookie, {});
  const sharedId = crypto.randomUUID();
  await save(sharedId, {
    kind: 'reflection',
    body: 'My boss criticised me in the meeting and I felt ashamed. My partner comforted me in the evening.',
  });
  await ok('POST', `/api/journal/entries/${sharedId}/share`, cookie, { bringNext: false });
  const staff = [
    { name: 'own therapist', cookie: a.cookies.therapist, own: true },
    { name: 'another therapist', cookie: await sessionCookie(t.ctx, otherTherapist), own: false },
    { name: 'practice admin', cookie: a.cookies.admin, own: false },
    { name: 'supervisor', cookie: a.cookies.supervisor, own: false },
    ...(['admin', 'therapist', 'supervisor', 'client'] as Role[]).map((role) => ({
      name: `${role} of another practice`,
      cookie: b.cookies[role],
      own: false,
    })),
  ];
  return { a, staff, ids: { privateId, dreamId, withdrawnId, sharedId } };
}

function patternsOperations(): { method: Method; path: string }[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/patterns'))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Method, path })),
    );
}

describe('patterns from private entries never reach a staff route', () => {
  it('no staff role sees the private marker, figure or entry ids through any /api/patterns route, before and after the client turns on their own view', async () => {
    const { a, staff, ids } = await world();
    const clientId = a.people.client.userId;
    const ops = patternsOperations();
    const keys = new Set(ops.map((op) => `${op.method} ${op.path}`));
    for (const key of [
      'GET /api/patterns/clients/{clientId}',
      'POST /api/patterns/clients/{clientId}/episodes',
      'GET /api/patterns/me',
      'PUT /api/patterns/me/settings',
    ]) {
      expect(keys, key).toContain(key);
    }
    const privateIds = [ids.privateId, ids.dreamId, ids.withdrawnId];
    const secrets = [MARKER, FIGURE.toLowerCase(), ...privateIds];
    const anyId = [clientId, ...privateIds, ids.sharedId];
    const bodies = [
      {},
      { ownView: true },
      ...privateIds.map((entryId) => ({ entryId, start: 0, end: 10, W: [], RO: [], RS: [] })),
    ];

    const sweep = async () => {
      let calls = 0;
      let ownTherapistSawShared = false;
      for (const who of staff) {
        for (const op of ops) {
          let urls = [op.path];
          for (const [, name] of op.path.matchAll(/\{([^}]+)\}/g)) {
            urls = urls.flatMap((url) => anyId.map((v) => url.replace(`{${name}}`, v)));
          }
          for (const url of urls) {
            for (const payload of op.method === 'GET' || op.method === 'DELETE' ? [undefined] : bodies) {
              for (const query of ['', '?norm=men']) {
                if (query && op.method !== 'GET') continue;
                const res = await call(op.method, url + query, who.cookie, payload);
                calls++;
                expect(res.statusCode, `${who.name} ${op.method} ${url}`).toBeLessThan(500);
                const text = res.body.toLowerCase();
                for (const secret of secrets) {
                  expect(text.includes(secret.toLowerCase()), `${who.name} ${op.method} ${url}: ${secret}`).toBe(false);
                }
                if (who.own && res.statusCode === 200 && text.includes(ids.sharedId)) ownTherapistSawShared = true;
              }
            }
          }
        }
      }
      return { calls, ownTherapistSawShared };
    };

    const before = await sweep();
    expect(before.calls).toBeGreaterThan(100);
    // The positive control: the own therapist's view is made of the shared entry.
    expect(before.ownTherapistSawShared).toBe(true);
    const own = await ok('GET', `/api/patterns/clients/${clientId}`, staff[0]!.cookie);
    expect(own.sources.map((s: { entryId: string }) => s.entryId)).toEqual([ids.sharedId]);
    expect(own.summary.entries).toBe(1);

    // The client's own view is off until they turn it on, then draws on the private entries too.
    expect((await call('GET', '/api/patterns/me', a.cookies.client)).statusCode).toBe(409);
    await ok('PUT', '/api/patterns/me/settings', a.cookies.client, { ownView: true });
    const mine = await ok('GET', '/api/patterns/me', a.cookies.client);
    const mineIds = mine.sources.map((s: { entryId: string }) => s.entryId);
    expect(mineIds).toEqual(expect.arrayContaining([ids.privateId, ids.dreamId, ids.sharedId]));
    expect(mine.summary.entries).toBe(4);
    expect(JSON.stringify(mine).toLowerCase()).toContain(FIGURE.toLowerCase());

    const after = await sweep();
    expect(after.ownTherapistSawShared).toBe(true);
  }, 180_000);
});
