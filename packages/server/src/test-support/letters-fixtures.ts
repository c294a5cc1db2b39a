import type { FastifyInstance } from 'fastify';
import type { Role } from '../db/schema.js';
import { addPerson, createPracticeFixture, scopedQuery, sessionCookie } from './fixtures.js';
import { addSession, carePair, DAY, placeInCare, type CarePair } from './frame-fixtures.js';
import { CSRF, type TestApp } from './test-app.js';

/**
 * One world for the letters tests: a practice whose therapist (Dr Ada Field) cares for a client
 * (Sam Client) in an active episode that began on a known date with two attended sessions and one
 * the client cancelled; an admin, a supervisor, another therapist and a therapist who also cares
 * for the client, each signed in; and the calls the tests make.
 */
export type LettersPerson = { userId: string; cookie: string; roles: Role[] };

export interface LettersWorld {
  practiceId: string;
  pair: CarePair;
  people: Record<'admin' | 'supervisor' | 'otherTherapist' | 'coCarer', LettersPerson>;
}

export const EPISODE_START = '2026-03-02';

export async function lettersWorld(t: TestApp): Promise<LettersWorld> {
  const practiceId = await createPracticeFixture(t.ctx, 'Riverside Therapy');
  const pair = await carePair(t, practiceId);
  await scopedQuery(t.ctx, practiceId, 'UPDATE episodes SET start_date = $2 WHERE id = $1', [
    pair.episodeId,
    EPISODE_START,
  ]);
  await addSession(t, practiceId, pair, new Date(Date.now() - 14 * DAY), { status: 'attended' });
  await addSession(t, practiceId, pair, new Date(Date.now() - 7 * DAY), { status: 'attended' });
  await addSession(t, practiceId, pair, new Date(Date.now() - 3 * DAY), { status: 'cancelled_client' });
  const person = async (roles: Role[]): Promise<LettersPerson> => {
    const p = await addPerson(t.ctx, practiceId, roles);
    return { userId: p.userId, cookie: await sessionCookie(t.ctx, p), roles };
  };
  const coCarer = await person(['therapist']);
  await placeInCare(t.ctx, practiceId, coCarer.userId, pair.client.userId);
  return {
    practiceId,
    pair,
    people: {
      admin: await person(['admin']),
      supervisor: await person(['supervisor']),
      otherTherapist: await person(['therapist']),
      coCarer,
    },
  };
}

export function letterCalls(app: FastifyInstance) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });
  return {
    send,
    templates: async (cookie: string) =>
      (await send('GET', '/api/letters/templates', cookie)).json() as {
        templates: { id: string; builtIn: string | null; name: string; subject: string; body: string }[];
      },
    /** Starts a letter from the built-in template `builtIn` (or blank); the response. */
    start: async (w: LettersWorld, builtIn: string | null, recipient = 'Dr Anna Patel') => {
      const list = await (async () =>
        (await send('GET', '/api/letters/templates', w.pair.therapistCookie)).json() as {
          templates: { id: string; builtIn: string | null }[];
        })();
      const templateId = builtIn ? list.templates.find((x) => x.builtIn === builtIn)?.id : undefined;
      return send('POST', `/api/letters/clients/${w.pair.client.userId}/letters`, w.pair.therapistCookie, {
        ...(templateId ? { templateId } : {}),
        recipientName: recipient,
        recipientAddress: 'Canal Street Surgery\n1 Canal Street\nLondon N1 2BB',
      });
    },
  };
}
