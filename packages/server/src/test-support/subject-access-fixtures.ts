import crypto from 'node:crypto';
import { expect } from 'vitest';
import { addPerson, practiceWithEveryRole, sessionCookie } from './fixtures.js';
import { addSession, careEpisode, DAY, placeInCare } from './frame-fixtures.js';
import { seedEntry, seedShare } from './journal-fixtures.js';
import { CSRF, type TestApp } from './test-app.js';

/**
 * A client's record for subject-access tests: a signed progress note and an unsigned draft, a shared
 * and a private journal entry, two process notes by the client's therapist and one by a co-therapist
 * who also cares for the client. Every text carries a marker random per world, so a match can only
 * come from this world's data.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function subjectAccessHelpers(app: () => TestApp) {
  const send = (method: Method, url: string, cookie: string, payload?: object) =>
    app().app.inject({
      method,
      url,
      headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  async function ok(method: Method, url: string, cookie: string, payload?: object) {
    const res = await send(method, url, cookie, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBeLessThan(300);
    return res.json();
  }

  async function world() {
    const t = app();
    const run = crypto.randomBytes(5).toString('hex');
    const M = {
      signed: `signednarrative${run}`,
      amendment: `amendmenttext${run}`,
      draft: `draftnarrative${run}`,
      shared: `sharedentry${run}`,
      private: `privateentry${run}`,
      processSession: `processsession${run}`,
      processGeneral: `processgeneral${run}`,
      processCo: `processco${run}`,
    };
    const a = await practiceWithEveryRole(t.ctx, `SAR ${run}`);
    const author = a.people.therapist;
    const client = a.people.client;
    const episodeId = await careEpisode(t, a.practiceId, author, client);
    const pair = {
      therapist: author,
      client,
      therapistCookie: a.cookies.therapist,
      clientCookie: a.cookies.client,
      episodeId,
    };
    const older = await addSession(t, a.practiceId, pair, new Date(Date.now() - 8 * DAY), { status: 'attended' });
    const recent = await addSession(t, a.practiceId, pair, new Date(Date.now() - 2 * DAY), { status: 'attended' });
    const coAuthor = await addPerson(t.ctx, a.practiceId, ['therapist'], { displayName: 'Co Therapist' });
    await placeInCare(t.ctx, a.practiceId, coAuthor.userId, client.userId);
    const otherTherapist = await addPerson(t.ctx, a.practiceId, ['therapist'], { displayName: 'Other Therapist' });
    const authorCookie = a.cookies.therapist;
    const coCookie = await sessionCookie(t.ctx, coAuthor);

    // A signed note with an amendment, and a draft.
    const signed = (
      await ok('POST', `/api/record/clients/${client.userId}/notes`, authorCookie, { appointmentId: older })
    ).note as { id: string };
    const content = (narrative: string) => ({
      narrative,
      fields: { themes: `themes ${narrative}` },
      materialEntryIds: [],
      dreamEntryIds: [],
      defences: [],
      interventions: ['clarification'],
    });
    await ok('PUT', `/api/record/notes/${signed.id}`, authorCookie, {
      baseVersion: 1,
      ...content(`${M.signed} she spoke of the watch`),
    });
    await ok('POST', `/api/record/notes/${signed.id}/sign`, authorCookie, { baseVersion: 2 });
    await ok('POST', `/api/record/notes/${signed.id}/amendments`, authorCookie, {
      reason: 'A date was wrong',
      text: `${M.amendment} it was Tuesday`,
    });
    const draft = (
      await ok('POST', `/api/record/clients/${client.userId}/notes`, authorCookie, { appointmentId: recent })
    ).note as { id: string };
    await ok('PUT', `/api/record/notes/${draft.id}`, authorCookie, { baseVersion: 1, ...content(M.draft) });

    const sharedEntry = await seedEntry(t.ctx, a.practiceId, client.userId, { body: `${M.shared} about my mother` });
    await seedShare(t.ctx, a.practiceId, client.userId, sharedEntry);
    await seedEntry(t.ctx, a.practiceId, client.userId, { body: `${M.private} never shown` });

    const saveProcess = async (cookie: string, appointmentId: string | null, body: string) => {
      const id = crypto.randomUUID();
      await ok('PUT', `/api/record/process-notes/${id}`, cookie, {
        clientId: client.userId,
        appointmentId,
        baseVersion: 0,
        body,
      });
      return id;
    };
    const processSession = await saveProcess(authorCookie, older, `${M.processSession} what stirred in me`);
    const processGeneral = await saveProcess(authorCookie, null, `${M.processGeneral} a hunch about the holidays`);
    const processCo = await saveProcess(coCookie, null, `${M.processCo} the co-therapist's private thought`);

    return {
      run,
      M,
      a,
      practiceId: a.practiceId,
      admin: a.people.admin,
      adminCookie: a.cookies.admin,
      author,
      authorCookie,
      coAuthor,
      coCookie,
      otherTherapist,
      client,
      sessions: { older, recent },
      notes: { signed: signed.id, draft: draft.id },
      processNotes: { session: processSession, general: processGeneral, co: processCo },
    };
  }

  /** Records a request (received `daysAgo` days ago) for the world's client; the detail the admin sees. */
  async function createRequest(w: Awaited<ReturnType<typeof world>>, daysAgo = 3) {
    const receivedOn = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    return (
      await ok('POST', '/api/subject-access/requests', w.adminCookie, {
        clientId: w.client.userId,
        receivedOn,
        channel: 'email',
        requester: 'client',
        identityCheckedOn: receivedOn,
        identityMethod: 'known_to_practice',
        notes: 'Asked for everything we hold.',
      })
    ).request as { id: string; dueOn: string; status: string };
  }

  return { send, ok, world, createRequest };
}

export type SubjectAccessWorld = Awaited<ReturnType<ReturnType<typeof subjectAccessHelpers>['world']>>;
