import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.js';
import { auditEventsOf, createPracticeFixture, scopedQuery } from '../../test-support/fixtures.js';
import { addPerson, addSession, carePair, DAY, placeInCare, sessionCookie } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { MAX_NOTE_CHARACTERS } from './record-schemas.js';

/**
 * Process notes through their routes: written by a therapist about a client they currently care
 * for, versioned, kept one per session, readable and deletable by their author alone, and audited
 * without ever naming the client as the subject person.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function call(method: 'GET' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

async function world() {
  const practiceId = await createPracticeFixture(t.ctx, 'Process notes practice');
  const pair = await carePair(t, practiceId);
  const past = await addSession(t, practiceId, pair, new Date(Date.now() - 7 * DAY), { status: 'attended' });
  const earlier = await addSession(t, practiceId, pair, new Date(Date.now() - 14 * DAY), { status: 'attended' });
  const other = await carePair(t, practiceId, { therapist: pair.therapist });
  const otherSession = await addSession(t, practiceId, other, new Date(Date.now() - 7 * DAY));
  const save = (id: string, body: Record<string, unknown>, cookie = pair.therapistCookie) =>
    call('PUT', `/api/record/process-notes/${id}`, cookie, {
      clientId: pair.client.userId,
      appointmentId: null,
      baseVersion: 0,
      body: 'x',
      ...body,
    });
  return { practiceId, pair, past, earlier, other, otherSession, save };
}

describe('process notes', () => {
  it('are created, read, listed newest first, saved over their version and deleted by their author', async () => {
    const { pair, past, save } = await world();
    const first = crypto.randomUUID();
    const created = await save(first, { appointmentId: past, body: 'What I could not say in the room.' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().note).toMatchObject({
      id: first,
      clientId: pair.client.userId,
      appointmentId: past,
      version: 1,
      body: 'What I could not say in the room.',
    });
    const second = crypto.randomUUID();
    expect((await save(second, { body: 'A general impression.' })).statusCode).toBe(200);

    const updated = await save(first, { appointmentId: past, baseVersion: 1, body: 'Second thoughts.' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().note).toMatchObject({ version: 2, body: 'Second thoughts.' });

    const read = await call('GET', `/api/record/process-notes/${first}`, pair.therapistCookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().note).toMatchObject({ id: first, version: 2, body: 'Second thoughts.', appointmentId: past });

    const list = await call('GET', `/api/record/clients/${pair.client.userId}/process-notes`, pair.therapistCookie);
    expect(list.statusCode).toBe(200);
    expect(list.json().notes.map((n: { id: string }) => n.id)).toEqual([second, first]);

    const deleted = await call('DELETE', `/api/record/process-notes/${first}`, pair.therapistCookie);
    expect(deleted.statusCode).toBe(200);
    expect((await call('GET', `/api/record/process-notes/${first}`, pair.therapistCookie)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/record/process-notes/${first}`, pair.therapistCookie)).statusCode).toBe(404);
    const after = await call('GET', `/api/record/clients/${pair.client.userId}/process-notes`, pair.therapistCookie);
    expect(after.json().notes.map((n: { id: string }) => n.id)).toEqual([second]);
  });

  it('refuses a save over an older version, but a retried save of the same text changes nothing', async () => {
    const { save } = await world();
    const id = crypto.randomUUID();
    await save(id, { body: 'one' });
    expect((await save(id, { baseVersion: 1, body: 'two' })).statusCode).toBe(200);
    const retried = await save(id, { baseVersion: 1, body: 'two' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().note.version).toBe(2);
    const stale = await save(id, { baseVersion: 1, body: 'three' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'stale' });
    const again = await save(id, { baseVersion: 0, body: 'from a second device' });
    expect(again.statusCode).toBe(409);
    expect((await save(crypto.randomUUID(), { baseVersion: 4, body: 'gone' })).statusCode).toBe(404);
  });

  it('checks the client, the session and the text', async () => {
    const { practiceId, pair, past, earlier, other, otherSession, save } = await world();
    // A session of another client, even of the same therapist.
    const foreign = await save(crypto.randomUUID(), { appointmentId: otherSession });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toBe('unknown_session');
    // One process note per session for a therapist.
    expect((await save(crypto.randomUUID(), { appointmentId: past })).statusCode).toBe(200);
    const twice = await save(crypto.randomUUID(), { appointmentId: past });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toBe('session_has_process_note');
    // A note cannot move to another client.
    const id = crypto.randomUUID();
    expect((await save(id, { appointmentId: earlier })).statusCode).toBe(200);
    const moved = await save(id, { baseVersion: 1, clientId: other.client.userId });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toBe('client_changed');
    // Too long (characters, not UTF-16 units) and broken Unicode.
    const long = await save(crypto.randomUUID(), { body: '😀'.repeat(MAX_NOTE_CHARACTERS + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toBe('too_long');
    expect((await save(crypto.randomUUID(), { body: '😀'.repeat(MAX_NOTE_CHARACTERS) })).statusCode).toBe(200);
    const broken = await save(crypto.randomUUID(), { body: 'half \ud83d an emoji' });
    expect(broken.statusCode).toBe(400);
    // A client who is not on the caseload (in the practice, but another therapist's).
    const stranger = await addPerson(t.ctx, practiceId, ['client']);
    const colleague = await addPerson(t.ctx, practiceId, ['therapist']);
    await placeInCare(t.ctx, practiceId, colleague.userId, stranger.userId);
    const notMine = await save(crypto.randomUUID(), { clientId: stranger.userId });
    expect(notMine.statusCode).toBe(404);
    const listed = await call('GET', `/api/record/clients/${stranger.userId}/process-notes`, pair.therapistCookie);
    expect(listed.statusCode).toBe(404);
  });

  it('are written only while the therapist cares for the client; the author still reads and deletes them after', async () => {
    const { practiceId, pair, save } = await world();
    const id = crypto.randomUUID();
    expect((await save(id, { body: 'before the ending' })).statusCode).toBe(200);
    await scopedQuery(
      t.ctx,
      practiceId,
      'UPDATE care_assignments SET ended_at = now() WHERE therapist_id = $1 AND client_id = $2',
      [pair.therapist.userId, pair.client.userId],
    );
    expect((await save(id, { baseVersion: 1, body: 'after' })).statusCode).toBe(404);
    expect((await save(crypto.randomUUID(), { body: 'new' })).statusCode).toBe(404);
    const list = await call('GET', `/api/record/clients/${pair.client.userId}/process-notes`, pair.therapistCookie);
    expect(list.statusCode).toBe(404);
    const read = await call('GET', `/api/record/process-notes/${id}`, pair.therapistCookie);
    expect(read.json().note.body).toBe('before the ending');
    expect((await call('DELETE', `/api/record/process-notes/${id}`, pair.therapistCookie)).statusCode).toBe(200);
  });

  it('are only for therapists: other roles are refused before anything is read', async () => {
    const { practiceId, pair, save } = await world();
    const id = crypto.randomUUID();
    await save(id, { body: 'x' });
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    for (const cookie of [pair.clientCookie, await sessionCookie(t.ctx, admin)]) {
      expect((await call('GET', `/api/record/process-notes/${id}`, cookie)).statusCode).toBe(403);
      expect((await save(id, { baseVersion: 1, body: 'y' }, cookie)).statusCode).toBe(403);
      expect((await call('DELETE', `/api/record/process-notes/${id}`, cookie)).statusCode).toBe(403);
    }
    const still = await call('GET', `/api/record/process-notes/${id}`, pair.therapistCookie);
    expect(still.json().note).toMatchObject({ version: 1, body: 'x' });
  });

  it('are audited by note, never with the client as subject person, so the client’s access log does not reveal them', async () => {
    const { practiceId, pair, save } = await world();
    const id = crypto.randomUUID();
    await save(id, { body: 'x' });
    await save(id, { baseVersion: 0, body: 'conflict' });
    await call('GET', `/api/record/process-notes/${id}`, pair.therapistCookie);
    await call('GET', `/api/record/clients/${pair.client.userId}/process-notes`, pair.therapistCookie);
    await call('DELETE', `/api/record/process-notes/${id}`, pair.therapistCookie);
    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action.startsWith('record.process_note'));
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ['record.process_note_saved', 'success'],
      ['record.process_note_saved', 'failure'],
      ['record.process_note_viewed', 'success'],
      ['record.process_notes_listed', 'success'],
      ['record.process_note_deleted', 'success'],
    ]);
    for (const e of events) {
      expect(e.subject_user_id).toBeNull();
      expect(e.actor_user_id).toBe(pair.therapist.userId);
      expect(JSON.stringify(e.details)).not.toContain('conflict');
    }
    expect(events.filter((e) => e.subject_type === 'process_note').every((e) => e.subject_id === id)).toBe(true);
    const log = await call('GET', '/api/me/record-access', pair.clientCookie);
    expect(log.statusCode).toBe(200);
    expect(log.body).not.toContain('process_note');
  });

  it('answer 409, not a server error, when another save takes the session at the same moment', async () => {
    const { practiceId, pair, past, save } = await world();
    const id = crypto.randomUUID();
    expect((await save(id, { body: 'general' })).statusCode).toBe(200);
    const author: Actor = { practiceId, userId: pair.therapist.userId, roles: ['therapist'] };
    // Another tab's first save of a note for that session, not yet committed when this save checks.
    let racing: ReturnType<typeof save> | undefined;
    await t.ctx.access.run(author, async (tx) => {
      const other = crypto.randomUUID();
      await tx.query(
        `INSERT INTO process_notes (id, practice_id, author_id, client_id, appointment_id, body_enc)
         VALUES ($1, app_practice_id(), $2, $3, $4, $5)`,
        [
          other,
          pair.therapist.userId,
          pair.client.userId,
          past,
          await tx.encrypt('process', `process_notes.body_enc:${other}`, 'the other tab'),
        ],
      );
      racing = save(id, { appointmentId: past, baseVersion: 1, body: 'general, now about that session' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    const res = await racing!;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toBe('session_has_process_note');
    const kept = await call('GET', `/api/record/process-notes/${id}`, pair.therapistCookie);
    expect(kept.json().note).toMatchObject({ version: 1, appointmentId: null, body: 'general' });
  });
});
