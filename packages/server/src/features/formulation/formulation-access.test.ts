import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import type { Role } from '../../db/schema.js';
import { addPerson, auditEventsOf, createPracticeFixture, sessionCookie } from '../../test-support/fixtures.js';
import { carePair, placeInCare } from '../../test-support/frame-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import {
  formulationWorld,
  sampleContent,
  sender,
  type FormulationWorld,
} from '../../test-support/formulation-fixtures.js';

/**
 * Who reaches a case formulation: the therapists currently caring for the client. The practice
 * admin, a supervisor and the client get 403 (not their role), another therapist and a therapist of
 * another practice 404 (not an episode they look after) on every formulation route, and row-level
 * security shows them no formulation, version or review row.
 */
let t: TestApp;
let send: ReturnType<typeof sender>;
beforeAll(async () => {
  t = await createTestApp();
  send = sender(t);
});
afterAll(async () => t.close());

type Who = 'admin' | 'supervisor' | 'otherTherapist' | 'coCarer';
interface World extends FormulationWorld {
  people: Record<Who, { userId: string; cookie: string }>;
  foreignTherapistCookie: string;
}

async function world(): Promise<World> {
  const w = await formulationWorld(t);
  const cookie = w.pair.therapistCookie;
  await send('PUT', w.url, cookie, { baseVersion: 0, ...sampleContent('ACCESS-MARKER') });
  await send('POST', `${w.url}/reviews`, cookie, { reviewedOn: '2026-01-10', text: 'ACCESS-MARKER review' });
  const person = async (roles: Role[]) => {
    const p = await addPerson(t.ctx, w.practiceId, roles);
    return { userId: p.userId, cookie: await sessionCookie(t.ctx, p) };
  };
  const coCarer = await person(['therapist']);
  await placeInCare(t.ctx, w.practiceId, coCarer.userId, w.pair.client.userId);
  const foreign = await carePair(t, await createPracticeFixture(t.ctx, 'Another Practice'));
  return {
    ...w,
    people: {
      admin: await person(['admin']),
      supervisor: await person(['supervisor']),
      otherTherapist: await person(['therapist']),
      coCarer,
    },
    foreignTherapistCookie: foreign.therapistCookie,
  };
}

/** Every formulation route of the episode, with a body that would succeed for a carer. */
const routes = (w: World) =>
  [
    ['GET', w.url, undefined],
    ['PUT', w.url, { baseVersion: 1, ...sampleContent('CHANGED') }],
    ['GET', `${w.url}/versions`, undefined],
    ['POST', `${w.url}/reviews`, { reviewedOn: '2026-01-11', text: 'INTRUDER' }],
    ['GET', `/api/record/episodes/${w.pair.episodeId}/defensive-functioning`, undefined],
  ] as const;

describe('a case formulation is its client’s current carers’ alone', () => {
  it('refuses the admin, a supervisor and the client (403), another therapist and another practice (404)', async () => {
    const w = await world();
    const refused = [
      { who: 'admin', cookie: w.people.admin.cookie, status: 403 },
      { who: 'supervisor', cookie: w.people.supervisor.cookie, status: 403 },
      { who: 'client', cookie: w.pair.clientCookie, status: 403 },
      { who: 'another therapist', cookie: w.people.otherTherapist.cookie, status: 404 },
      { who: 'a therapist of another practice', cookie: w.foreignTherapistCookie, status: 404 },
    ];
    for (const { who, cookie, status } of refused) {
      for (const [method, url, body] of routes(w)) {
        const res = await send(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(status);
        expect(res.body).not.toContain('ACCESS-MARKER');
      }
    }
    const f = (await send('GET', w.url, w.pair.therapistCookie)).json().formulation;
    expect(f).toMatchObject({ version: 1, ...sampleContent('ACCESS-MARKER') });
    expect(f.reviews).toHaveLength(1);
    const denied = (await auditEventsOf(t.ctx, w.practiceId)).filter(
      (e) => e.actor_user_id === w.people.otherTherapist.userId,
    );
    expect(denied.length).toBe(routes(w).length);
    expect(denied.every((e) => e.outcome === 'failure' && e.details.reason === 'not_found')).toBe(true);
  });

  it('lets a co-carer read and write; a carer whose care ended no longer can', async () => {
    const w = await world();
    const cookie = w.people.coCarer.cookie;
    const save = await send('PUT', w.url, cookie, { baseVersion: 1, ...sampleContent('CO-CARER') });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json().formulation.updatedBy.id).toBe(w.people.coCarer.userId);
    await t.ctx.access.run({ practiceId: w.practiceId, userId: null, roles: [] }, (tx) =>
      tx.query('UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1', [w.people.coCarer.userId]),
    );
    expect((await send('GET', w.url, cookie)).statusCode).toBe(404);
  });

  it('shows no formulation, version or review row in SQL to anyone but a current carer', async () => {
    const w = await world();
    const actors: Actor[] = [
      { practiceId: w.practiceId, userId: w.people.admin.userId, roles: ['admin'] },
      { practiceId: w.practiceId, userId: w.people.supervisor.userId, roles: ['supervisor'] },
      { practiceId: w.practiceId, userId: w.pair.client.userId, roles: ['client'] },
      { practiceId: w.practiceId, userId: w.people.otherTherapist.userId, roles: ['therapist'] },
    ];
    const count = (actor: Actor) =>
      t.ctx.access.run(actor, async (tx) => {
        const r = await tx.query<{ formulations: number; versions: number; reviews: number }>(
          `SELECT (SELECT count(*)::int FROM formulations) AS formulations,
                  (SELECT count(*)::int FROM formulation_versions) AS versions,
                  (SELECT count(*)::int FROM formulation_reviews) AS reviews`,
        );
        return r.rows[0];
      });
    for (const actor of actors) {
      expect(await count(actor), actor.roles.join()).toEqual({ formulations: 0, versions: 0, reviews: 0 });
    }
    expect(await count({ practiceId: w.practiceId, userId: w.pair.therapist.userId, roles: ['therapist'] })).toEqual({
      formulations: 1,
      versions: 1,
      reviews: 1,
    });
    // Nor can they write one in SQL: the restrictive policy checks the insert too.
    const insert = await t.ctx.access
      .run({ practiceId: w.practiceId, userId: w.people.otherTherapist.userId, roles: ['therapist'] }, (tx) =>
        tx.query(
          `INSERT INTO formulation_reviews (practice_id, episode_id, client_id, author_id, reviewed_on, text_enc)
           VALUES (app_practice_id(), $1, $2, $3, current_date, 'uc1.clinical.1.AAAA')`,
          [w.pair.episodeId, w.pair.client.userId, w.people.otherTherapist.userId],
        ),
      )
      .then(
        () => '',
        (e: unknown) => (e as Error).message,
      );
    expect(insert).toMatch(/row-level security/);
  });
});
