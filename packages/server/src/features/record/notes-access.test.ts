import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import type { Role } from '../../db/schema.js';
import { addPerson, auditEventsOf, createPracticeFixture, sessionCookie } from '../../test-support/fixtures.js';
import { addSession, carePair, DAY, placeInCare, type CarePair } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Who reaches a progress note: its author and the therapists currently caring for the client. The
 * practice admin, a supervisor, the client and another therapist get 403 (not their role) or 404
 * (not a note they look after) on every note route, and row-level security shows them no row.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface World {
  practiceId: string;
  pair: CarePair;
  noteId: string;
  signedId: string;
  draftSession: string;
  spareSession: string;
  people: Record<
    'admin' | 'supervisor' | 'otherTherapist' | 'coCarer',
    { userId: string; cookie: string; roles: Role[] }
  >;
}

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

const CONTENT = {
  narrative: 'ACCESS-MARKER narrative',
  fields: {},
  materialEntryIds: [],
  dreamEntryIds: [],
  defences: [],
  interventions: [],
};

async function world(): Promise<World> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  const cookie = pair.therapistCookie;
  const draftSession = await addSession(t, practiceId, pair, new Date(Date.now() - DAY));
  const signedSession = await addSession(t, practiceId, pair, new Date(Date.now() - 2 * DAY));
  const spareSession = await addSession(t, practiceId, pair, new Date(Date.now() - 3 * DAY));
  const create = async (appointmentId: string) =>
    (await send('POST', `/api/record/clients/${pair.client.userId}/notes`, cookie, { appointmentId })).json().note
      .id as string;
  const noteId = await create(draftSession);
  await send('PUT', `/api/record/notes/${noteId}`, cookie, { baseVersion: 1, ...CONTENT });
  const signedId = await create(signedSession);
  await send('PUT', `/api/record/notes/${signedId}`, cookie, { baseVersion: 1, ...CONTENT });
  await send('POST', `/api/record/notes/${signedId}/sign`, cookie, { baseVersion: 2 });
  const person = async (roles: Role[]) => {
    const p = await addPerson(t.ctx, practiceId, roles);
    return { userId: p.userId, cookie: await sessionCookie(t.ctx, p), roles };
  };
  const coCarer = await person(['therapist']);
  await placeInCare(t.ctx, practiceId, coCarer.userId, pair.client.userId);
  const people = {
    admin: await person(['admin']),
    supervisor: await person(['supervisor']),
    otherTherapist: await person(['therapist']),
    coCarer,
  };
  return { practiceId, pair, noteId, signedId, draftSession, spareSession, people };
}

/** Every note route, with a body that would succeed for the author. */
function routes(w: World) {
  const client = w.pair.client.userId;
  return [
    ['GET', `/api/record/clients/${client}/notes`, undefined],
    ['POST', `/api/record/clients/${client}/notes`, { appointmentId: w.spareSession }],
    ['GET', `/api/record/notes/${w.noteId}`, undefined],
    ['PUT', `/api/record/notes/${w.noteId}`, { baseVersion: 2, ...CONTENT, narrative: 'CHANGED' }],
    ['POST', `/api/record/notes/${w.noteId}/sign`, { baseVersion: 2 }],
    ['POST', `/api/record/notes/${w.signedId}/amendments`, { reason: 'r', text: 'AMENDED' }],
    ['GET', `/api/record/notes/${w.signedId}/versions`, undefined],
  ] as const;
}

describe('progress notes are their author’s and the current carers’ alone', () => {
  it('refuses the admin, a supervisor and the client (403) and another therapist (404) on every route', async () => {
    const w = await world();
    const refused = [
      { who: 'admin', cookie: w.people.admin.cookie, status: 403 },
      { who: 'supervisor', cookie: w.people.supervisor.cookie, status: 403 },
      { who: 'client', cookie: w.pair.clientCookie, status: 403 },
      { who: 'another therapist', cookie: w.people.otherTherapist.cookie, status: 404 },
    ];
    for (const { who, cookie, status } of refused) {
      for (const [method, url, body] of routes(w)) {
        const res = await send(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(status);
        expect(res.body).not.toContain('ACCESS-MARKER');
      }
    }
    // Nothing changed: the draft is still at version 2, the signed note has no amendment.
    const note = (await send('GET', `/api/record/notes/${w.noteId}`, w.pair.therapistCookie)).json().note;
    expect(note).toMatchObject({ status: 'draft', version: 2, narrative: 'ACCESS-MARKER narrative' });
    const signed = (await send('GET', `/api/record/notes/${w.signedId}`, w.pair.therapistCookie)).json().note;
    expect(signed.amendments).toEqual([]);
    // Another therapist's refusals are audited with the outcome.
    const denied = (await auditEventsOf(t.ctx, w.practiceId)).filter(
      (e) => e.actor_user_id === w.people.otherTherapist.userId,
    );
    expect(denied.length).toBe(routes(w).length);
    expect(denied.every((e) => e.outcome === 'failure' && e.details.reason === 'not_found')).toBe(true);
  });

  it('lets a therapist who also cares for the client read and amend, but not change, sign or start notes for another’s session', async () => {
    const w = await world();
    const cookie = w.people.coCarer.cookie;
    expect((await send('GET', `/api/record/notes/${w.noteId}`, cookie)).statusCode).toBe(200);
    expect((await send('GET', `/api/record/notes/${w.signedId}/versions`, cookie)).statusCode).toBe(200);
    const list = await send('GET', `/api/record/clients/${w.pair.client.userId}/notes`, cookie);
    expect(list.json().notes).toHaveLength(2);
    expect(list.json().sessionsWithoutNote).toEqual([]);
    const amend = await send('POST', `/api/record/notes/${w.signedId}/amendments`, cookie, {
      reason: 'I saw her too',
      text: 'Co-carer amendment',
    });
    expect(amend.statusCode).toBe(200);
    expect(amend.json().note.amendments[0].author.id).toBe(w.people.coCarer.userId);
    const save = await send('PUT', `/api/record/notes/${w.noteId}`, cookie, { baseVersion: 2, ...CONTENT });
    expect(save.statusCode).toBe(403);
    expect(save.json().error).toBe('not_author');
    expect((await send('POST', `/api/record/notes/${w.noteId}/sign`, cookie, { baseVersion: 2 })).statusCode).toBe(403);
    const start = await send('POST', `/api/record/clients/${w.pair.client.userId}/notes`, cookie, {
      appointmentId: w.spareSession,
    });
    expect(start.statusCode).toBe(400);
    expect(start.json().error).toBe('unknown_session');
  });

  it('a carer whose care ended no longer sees notes they did not write', async () => {
    const w = await world();
    const cookie = w.people.coCarer.cookie;
    expect((await send('GET', `/api/record/notes/${w.noteId}`, cookie)).statusCode).toBe(200);
    await t.ctx.access.run({ practiceId: w.practiceId, userId: null, roles: [] }, (tx) =>
      tx.query('UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1', [w.people.coCarer.userId]),
    );
    expect((await send('GET', `/api/record/notes/${w.noteId}`, cookie)).statusCode).toBe(404);
  });

  it('shows no note, version or amendment row in SQL to the admin, a supervisor, the client or another therapist', async () => {
    const w = await world();
    await send('POST', `/api/record/notes/${w.signedId}/amendments`, w.pair.therapistCookie, {
      reason: 'r',
      text: 't',
    });
    const actors: Actor[] = [
      { practiceId: w.practiceId, userId: w.people.admin.userId, roles: ['admin'] },
      { practiceId: w.practiceId, userId: w.people.supervisor.userId, roles: ['supervisor'] },
      { practiceId: w.practiceId, userId: w.pair.client.userId, roles: ['client'] },
      { practiceId: w.practiceId, userId: w.people.otherTherapist.userId, roles: ['therapist'] },
    ];
    for (const actor of actors) {
      const counts = await t.ctx.access.run(actor, async (tx) => {
        const r = await tx.query<{ notes: number; versions: number; amendments: number }>(
          `SELECT (SELECT count(*)::int FROM progress_notes) AS notes,
                  (SELECT count(*)::int FROM progress_note_versions) AS versions,
                  (SELECT count(*)::int FROM progress_note_amendments) AS amendments`,
        );
        return r.rows[0];
      });
      expect(counts, actor.roles.join()).toEqual({ notes: 0, versions: 0, amendments: 0 });
    }
    const author = await t.ctx.access.run(
      { practiceId: w.practiceId, userId: w.pair.therapist.userId, roles: ['therapist'] },
      async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_notes')).rows[0]?.n,
    );
    expect(author).toBe(2);
  });
});
