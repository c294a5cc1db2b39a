import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { addPerson, auditEventsOf, createPracticeFixture, sessionCookie } from '../../test-support/fixtures.js';
import { letterCalls, lettersWorld, type LettersWorld } from '../../test-support/letters-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Who reaches a letter: its author and the therapists currently caring for the client. The
 * practice admin, a supervisor and the client get 403 (not their role), another therapist 404 (not
 * a client they look after), every role of another practice 403 or 404, on every letters route; and
 * row-level security shows none of them a letter row.
 */
let t: TestApp;
let calls: ReturnType<typeof letterCalls>;
beforeAll(async () => {
  t = await createTestApp();
  calls = letterCalls(t.app);
});
afterAll(async () => t.close());

const MARKER = 'ACCESS-MARKER';

async function world() {
  const w = await lettersWorld(t);
  const cookie = w.pair.therapistCookie;
  const draft = (await calls.start(w, 'gp_starting')).json().letter;
  await calls.send('PUT', `/api/letters/${draft.id}`, cookie, {
    baseVersion: 1,
    recipientName: 'Dr Patel',
    recipientAddress: '',
    subject: `${MARKER} subject`,
    body: `${MARKER} body`,
  });
  const final = (await calls.start(w, 'attendance')).json().letter;
  await calls.send('POST', `/api/letters/${final.id}/finalise`, cookie, { baseVersion: 1 });
  const templateId = (await calls.templates(cookie)).templates[0]?.id ?? '';
  return { w, draftId: draft.id as string, finalId: final.id as string, templateId };
}

/** Every therapist-only letters route, with a body that would succeed for the author. */
function letterRoutes(w: LettersWorld, draftId: string, finalId: string, templateId: string) {
  const client = w.pair.client.userId;
  const text = { recipientName: 'Dr X', recipientAddress: '' };
  return [
    ['GET', `/api/letters/clients/${client}/letters`, undefined],
    ['POST', `/api/letters/clients/${client}/letters`, { templateId, ...text }],
    ['GET', `/api/letters/${draftId}`, undefined],
    ['PUT', `/api/letters/${draftId}`, { baseVersion: 2, ...text, subject: 'CHANGED', body: 'CHANGED' }],
    ['POST', `/api/letters/${draftId}/finalise`, { baseVersion: 2 }],
    ['DELETE', `/api/letters/${draftId}`, undefined],
    ['GET', `/api/letters/${finalId}/pdf`, undefined],
    ['GET', `/api/letters/${finalId}`, undefined],
  ] as const;
}

describe('letters are their author’s and the current carers’ alone', () => {
  it('refuses the admin, a supervisor and the client (403) and another therapist (404) on every route', async () => {
    const { w, draftId, finalId, templateId } = await world();
    const refused = [
      { who: 'admin', cookie: w.people.admin.cookie, status: 403 },
      { who: 'supervisor', cookie: w.people.supervisor.cookie, status: 403 },
      { who: 'client', cookie: w.pair.clientCookie, status: 403 },
      { who: 'another therapist', cookie: w.people.otherTherapist.cookie, status: 404 },
    ];
    const routes = letterRoutes(w, draftId, finalId, templateId);
    for (const { who, cookie, status } of refused) {
      for (const [method, url, body] of routes) {
        const res = await calls.send(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(status);
        expect(res.body).not.toContain(MARKER);
        expect(res.headers['content-type']).not.toContain('pdf');
      }
    }
    const letter = (await calls.send('GET', `/api/letters/${draftId}`, w.pair.therapistCookie)).json().letter;
    expect(letter).toMatchObject({ status: 'draft', version: 2, body: `${MARKER} body` });
    const list = (
      await calls.send('GET', `/api/letters/clients/${w.pair.client.userId}/letters`, w.pair.therapistCookie)
    ).json();
    expect(list.letters).toHaveLength(2);
    const denied = (await auditEventsOf(t.ctx, w.practiceId)).filter(
      (e) => e.actor_user_id === w.people.otherTherapist.userId,
    );
    expect(denied.length).toBe(routes.length);
    expect(denied.every((e) => e.outcome === 'failure' && e.details.reason === 'not_found')).toBe(true);
  });

  it('keeps the letterhead and templates for the admin to change (therapists read them)', async () => {
    const { w, templateId } = await world();
    const template = { name: 'Another', subject: 'S', body: 'Dear {{recipient.name}},' };
    const head = { name: 'X', addressLines: [], phone: '', email: '', website: '', footer: '' };
    const adminOnly = [
      ['PUT', '/api/letters/letterhead', head],
      ['POST', '/api/letters/templates', template],
      ['PUT', `/api/letters/templates/${templateId}`, template],
      ['DELETE', `/api/letters/templates/${templateId}`, undefined],
    ] as const;
    for (const cookie of [w.pair.therapistCookie, w.people.supervisor.cookie, w.pair.clientCookie]) {
      for (const [method, url, body] of adminOnly) {
        expect((await calls.send(method, url, cookie, body)).statusCode, `${method} ${url}`).toBe(403);
      }
    }
    for (const cookie of [w.people.supervisor.cookie, w.pair.clientCookie]) {
      expect((await calls.send('GET', '/api/letters/letterhead', cookie)).statusCode).toBe(403);
      expect((await calls.send('GET', '/api/letters/templates', cookie)).statusCode).toBe(403);
    }
    expect((await calls.send('GET', '/api/letters/templates', w.pair.therapistCookie)).statusCode).toBe(200);
    expect((await calls.send('GET', '/api/letters/letterhead', w.pair.therapistCookie)).statusCode).toBe(200);
  });

  it('refuses every role of another practice on every letters route, and changes nothing', async () => {
    const { w, draftId, finalId, templateId } = await world();
    const other = await createPracticeFixture(t.ctx, 'Other Practice');
    const routes = [
      ...letterRoutes(w, draftId, finalId, templateId),
      ['PUT', `/api/letters/templates/${templateId}`, { name: 'Hijack', subject: '', body: 'x' }],
      ['DELETE', `/api/letters/templates/${templateId}`, undefined],
    ] as const;
    for (const role of ['admin', 'therapist', 'supervisor', 'client'] as const) {
      const cookie = await sessionCookie(t.ctx, await addPerson(t.ctx, other, [role]));
      for (const [method, url, body] of routes) {
        const res = await calls.send(method, url, cookie, body);
        expect([403, 404], `${role} ${method} ${url}`).toContain(res.statusCode);
        expect(res.body).not.toContain(MARKER);
        expect(res.body).not.toContain(w.pair.client.userId);
      }
      // Their own letterhead is their own practice's.
      if (role === 'admin') {
        const head = (await calls.send('GET', '/api/letters/letterhead', cookie)).json();
        expect(head.name).toBe('Other Practice');
      }
    }
    const templates = (await calls.templates(w.pair.therapistCookie)).templates;
    expect(templates.find((x) => x.id === templateId)?.name).not.toBe('Hijack');
    const letter = (await calls.send('GET', `/api/letters/${draftId}`, w.pair.therapistCookie)).json().letter;
    expect(letter).toMatchObject({ status: 'draft', version: 2 });
  });

  it('lets a therapist who also cares for the client read and download, but not change, file or discard', async () => {
    const { w, draftId, finalId } = await world();
    const cookie = w.people.coCarer.cookie;
    expect((await calls.send('GET', `/api/letters/${draftId}`, cookie)).statusCode).toBe(200);
    expect((await calls.send('GET', `/api/letters/${finalId}/pdf`, cookie)).statusCode).toBe(200);
    const list = await calls.send('GET', `/api/letters/clients/${w.pair.client.userId}/letters`, cookie);
    expect(list.json().letters).toHaveLength(2);
    const save = await calls.send('PUT', `/api/letters/${draftId}`, cookie, {
      baseVersion: 2,
      recipientName: 'Dr X',
      recipientAddress: '',
      subject: '',
      body: 'mine now',
    });
    expect(save.statusCode).toBe(403);
    expect(save.json().error).toBe('not_author');
    expect((await calls.send('POST', `/api/letters/${draftId}/finalise`, cookie, { baseVersion: 2 })).statusCode).toBe(
      403,
    );
    expect((await calls.send('DELETE', `/api/letters/${draftId}`, cookie)).statusCode).toBe(403);
  });

  it('shows no letter row in SQL to the admin, a supervisor, the client or another therapist', async () => {
    const { w } = await world();
    const actors: Actor[] = [
      { practiceId: w.practiceId, userId: w.people.admin.userId, roles: ['admin'] },
      { practiceId: w.practiceId, userId: w.people.supervisor.userId, roles: ['supervisor'] },
      { practiceId: w.practiceId, userId: w.pair.client.userId, roles: ['client'] },
      { practiceId: w.practiceId, userId: w.people.otherTherapist.userId, roles: ['therapist'] },
    ];
    const count = (actor: Actor) =>
      t.ctx.access.run(
        actor,
        async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM letters')).rows[0]?.n,
      );
    for (const actor of actors) expect(await count(actor), actor.roles.join()).toBe(0);
    expect(await count({ practiceId: w.practiceId, userId: w.pair.therapist.userId, roles: ['therapist'] })).toBe(2);
  });

  it('a carer whose care ended no longer sees letters they did not write', async () => {
    const { w, draftId } = await world();
    const cookie = w.people.coCarer.cookie;
    expect((await calls.send('GET', `/api/letters/${draftId}`, cookie)).statusCode).toBe(200);
    await t.ctx.access.run({ practiceId: w.practiceId, userId: null, roles: [] }, (tx) =>
      tx.query('UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1', [w.people.coCarer.userId]),
    );
    expect((await calls.send('GET', `/api/letters/${draftId}`, cookie)).statusCode).toBe(404);
  });
});
