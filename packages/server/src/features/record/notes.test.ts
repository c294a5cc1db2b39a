import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, createPracticeFixture, scopedQuery } from '../../test-support/fixtures.js';
import { addSession, carePair, DAY, HOUR, type CarePair } from '../../test-support/frame-fixtures.js';
import { seedEntry, seedShare } from '../../test-support/journal-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Progress notes, from a session without a note to a signed, amended note with its history. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const ago = (ms: number) => new Date(Date.now() - ms);

interface World {
  practiceId: string;
  pair: CarePair;
  /** Ended yesterday. */
  recentId: string;
  /** Ended five days ago. */
  olderId: string;
  cancelledId: string;
  futureId: string;
  sharedDream: string;
  sharedReflection: string;
  withdrawn: string;
  unshared: string;
}

async function world(): Promise<World> {
  const practiceId = await createPracticeFixture(t.ctx);
  const pair = await carePair(t, practiceId);
  const client = pair.client.userId;
  const recentId = await addSession(t, practiceId, pair, ago(DAY));
  const olderId = await addSession(t, practiceId, pair, ago(5 * DAY), { status: 'attended' });
  const cancelledId = await addSession(t, practiceId, pair, ago(3 * DAY), { status: 'cancelled_client' });
  const futureId = await addSession(t, practiceId, pair, new Date(Date.now() + 3 * DAY));
  const sharedDream = await seedEntry(t.ctx, practiceId, client, { kind: 'dream', body: 'DREAM-TEXT a flooded house' });
  await seedShare(t.ctx, practiceId, client, sharedDream);
  const sharedReflection = await seedEntry(t.ctx, practiceId, client, { body: 'REFLECTION-TEXT about my mother' });
  await seedShare(t.ctx, practiceId, client, sharedReflection);
  const withdrawn = await seedEntry(t.ctx, practiceId, client, { body: 'WITHDRAWN-TEXT' });
  await seedShare(t.ctx, practiceId, client, withdrawn, { withdrawnAt: new Date() });
  const unshared = await seedEntry(t.ctx, practiceId, client, { kind: 'dream', body: 'PRIVATE-DREAM' });
  return {
    practiceId,
    pair,
    recentId,
    olderId,
    cancelledId,
    futureId,
    sharedDream,
    sharedReflection,
    withdrawn,
    unshared,
  };
}

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

async function startNote(w: World, appointmentId: string) {
  const res = await send('POST', `/api/record/clients/${w.pair.client.userId}/notes`, w.pair.therapistCookie, {
    appointmentId,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().note as { id: string; version: number };
}

const content = (overrides: object = {}) => ({
  narrative: 'She arrived late and spoke of the flood.',
  fields: { themes: 'Loss', transference: 'Wary of me' },
  materialEntryIds: [],
  dreamEntryIds: [],
  defences: [],
  interventions: [],
  ...overrides,
});

const save = (w: World, id: string, body: object) =>
  send('PUT', `/api/record/notes/${id}`, w.pair.therapistCookie, body);

describe('the list of notes and starting a note', () => {
  it('lists past held sessions without a note, then the note once started; one note per session', async () => {
    const w = await world();
    const url = `/api/record/clients/${w.pair.client.userId}/notes`;
    const before = (await send('GET', url, w.pair.therapistCookie)).json();
    expect(before.client).toEqual({ id: w.pair.client.userId, displayName: 'Sam Client' });
    expect(before.notes).toEqual([]);
    expect(before.sessionsWithoutNote.map((s: { appointmentId: string }) => s.appointmentId)).toEqual([
      w.recentId,
      w.olderId,
    ]);
    expect(before.myProcessNoteAppointmentIds).toEqual([]);

    const note = await startNote(w, w.recentId);
    expect(note).toMatchObject({ status: 'draft', version: 1, appointmentId: w.recentId });
    const again = await send('POST', url, w.pair.therapistCookie, { appointmentId: w.recentId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'exists', noteId: note.id });

    const after = (await send('GET', url, w.pair.therapistCookie)).json();
    expect(after.notes).toEqual([
      expect.objectContaining({ id: note.id, status: 'draft', amendmentCount: 0, excerpt: '', odf: null }),
    ]);
    expect(after.sessionsWithoutNote.map((s: { appointmentId: string }) => s.appointmentId)).toEqual([w.olderId]);

    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action.startsWith('record.'));
    expect(events.map((e) => [e.action, e.outcome, e.subject_user_id])).toEqual([
      ['record.notes_listed', 'success', w.pair.client.userId],
      ['record.note_created', 'success', w.pair.client.userId],
      ['record.note_created', 'failure', w.pair.client.userId],
      ['record.notes_listed', 'success', w.pair.client.userId],
    ]);
  });

  it('shows which sessions I have a process note for, only my own', async () => {
    const w = await world();
    await scopedQuery(
      t.ctx,
      w.practiceId,
      `INSERT INTO process_notes (practice_id, author_id, client_id, appointment_id, body_enc)
       VALUES ($1, $2, $3, $4, 'uc1.process.fake')`,
      [w.practiceId, w.pair.therapist.userId, w.pair.client.userId, w.olderId],
    );
    const list = (
      await send('GET', `/api/record/clients/${w.pair.client.userId}/notes`, w.pair.therapistCookie)
    ).json();
    expect(list.myProcessNoteAppointmentIds).toEqual([w.olderId]);
  });

  it('refuses a cancelled session, a future one, and one that is not with this client', async () => {
    const w = await world();
    const url = `/api/record/clients/${w.pair.client.userId}/notes`;
    const other = await carePair(t, w.practiceId, { therapist: w.pair.therapist });
    const otherSession = await addSession(t, w.practiceId, other, ago(DAY));
    const cases: [string, string][] = [
      [w.cancelledId, 'not_held'],
      [w.futureId, 'future_session'],
      [otherSession, 'unknown_session'],
    ];
    for (const [appointmentId, code] of cases) {
      const res = await send('POST', url, w.pair.therapistCookie, { appointmentId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe(code);
    }
    // Later today counts: the note can be started before the session.
    const today = await addSession(t, w.practiceId, w.pair, new Date(Date.now() + 60_000));
    const local = await scopedQuery<{ same_day: boolean }>(
      t.ctx,
      w.practiceId,
      `SELECT (now() AT TIME ZONE 'Europe/London')::date = ((now() + interval '1 minute') AT TIME ZONE 'Europe/London')::date AS same_day`,
    );
    if (local[0]?.same_day) await startNote(w, today);
  });
});

describe('saving a draft', () => {
  it('saves over the version held, keeps every version, and refuses a stale save in plain words', async () => {
    const w = await world();
    const note = await startNote(w, w.recentId);
    const first = await save(w, note.id, {
      baseVersion: 1,
      ...content({
        materialEntryIds: [w.sharedReflection, w.sharedDream],
        dreamEntryIds: [w.sharedDream.toUpperCase()],
        defences: [
          { defence: 'humour', level: 7 },
          { defence: 'denial', level: 3 },
          { defence: 'projection', level: 3 },
        ],
        interventions: ['interpretation', 'clarification', 'interpretation'],
      }),
    });
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json().note;
    expect(saved).toMatchObject({
      version: 2,
      status: 'draft',
      narrative: 'She arrived late and spoke of the flood.',
      fields: { themes: 'Loss', transference: 'Wary of me' },
      dreamEntryIds: [w.sharedDream],
      interventions: ['interpretation', 'clarification'],
    });
    expect(saved.odf).toBeCloseTo(13 / 3);
    expect(saved.linkedEntries).toEqual([
      expect.objectContaining({ entryId: w.sharedReflection, available: true, kind: 'reflection' }),
      expect.objectContaining({
        entryId: w.sharedDream,
        available: true,
        kind: 'dream',
        excerpt: 'DREAM-TEXT a flooded house',
      }),
    ]);

    const stale = await save(w, note.id, { baseVersion: 1, ...content({ narrative: 'other device' }) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('stale');
    expect(stale.json().message).toMatch(/saved somewhere else/);

    expect((await save(w, note.id, { baseVersion: 2, ...content({ narrative: 'Third.' }) })).statusCode).toBe(200);
    const versions = (await send('GET', `/api/record/notes/${note.id}/versions`, w.pair.therapistCookie)).json()
      .versions;
    expect(
      versions.map((v: { version: number; kind: string; narrative: string }) => [v.version, v.kind, v.narrative]),
    ).toEqual([
      [1, 'draft', ''],
      [2, 'draft', 'She arrived late and spoke of the flood.'],
      [3, 'draft', 'Third.'],
    ]);
    expect(versions[1].savedBy).toEqual({ id: w.pair.therapist.userId, displayName: 'Dr Ada Field' });
  });

  it('refuses unknown defences, a defence at the wrong level, unknown fields and entries not shared', async () => {
    const w = await world();
    const note = await startNote(w, w.recentId);
    const cases: [object, string][] = [
      [{ defences: [{ defence: 'telepathy', level: 4 }] }, 'unknown_defence'],
      [{ defences: [{ defence: 'humour', level: 3 }] }, 'wrong_level'],
      [{ fields: { custom_nothing: 'x' } }, 'unknown_field'],
      [{ materialEntryIds: [w.unshared] }, 'not_shared'],
      [{ materialEntryIds: [w.withdrawn] }, 'not_shared'],
      [{ dreamEntryIds: [w.sharedReflection] }, 'not_a_dream'],
      [{ narrative: '\ud800 broken' }, 'malformed_text'],
      [{ narrative: 'x'.repeat(60_000), fields: { plan: 'y'.repeat(40_001) } }, 'too_long'],
    ];
    for (const [overrides, code] of cases) {
      const res = await save(w, note.id, { baseVersion: 1, ...content(overrides) });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error).toBe(code);
      expect(res.json().message).not.toMatch(/undefined|null/);
    }
    const wrongLevel = await save(w, note.id, {
      baseVersion: 1,
      ...content({ defences: [{ defence: 'humour', level: 3 }] }),
    });
    expect(wrongLevel.json().message).toBe('Humour belongs to level 7 (High adaptive), not level 3 (Disavowal).');
    const badIntervention = await save(w, note.id, { baseVersion: 1, ...content({ interventions: ['hypnosis'] }) });
    expect(badIntervention.statusCode).toBe(400);
    // Nothing was saved.
    const stored = (await send('GET', `/api/record/notes/${note.id}`, w.pair.therapistCookie)).json().note;
    expect(stored.version).toBe(1);
  });

  it('keeps a link whose share was withdrawn since, shown as unavailable, without blocking later saves', async () => {
    const w = await world();
    const note = await startNote(w, w.recentId);
    expect(
      (await save(w, note.id, { baseVersion: 1, ...content({ materialEntryIds: [w.sharedReflection] }) })).statusCode,
    ).toBe(200);
    await scopedQuery(t.ctx, w.practiceId, 'UPDATE journal_shares SET withdrawn_at = now() WHERE entry_id = $1', [
      w.sharedReflection,
    ]);
    const res = await save(w, note.id, { baseVersion: 2, ...content({ materialEntryIds: [w.sharedReflection] }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().note.linkedEntries).toEqual([
      { entryId: w.sharedReflection, available: false, kind: null, excerpt: null, shareId: null },
    ]);
    expect(res.body).not.toContain('REFLECTION-TEXT');
  });
});

describe('signing and amending', () => {
  it('signs a note (not an empty one), marks late signing by the practice threshold, and appends amendments in order', async () => {
    const w = await world();
    const note = await startNote(w, w.recentId);
    const empty = await send('POST', `/api/record/notes/${note.id}/sign`, w.pair.therapistCookie, { baseVersion: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('empty');
    await save(w, note.id, { baseVersion: 1, ...content({ narrative: '   ' }) });
    expect(
      (await send('POST', `/api/record/notes/${note.id}/sign`, w.pair.therapistCookie, { baseVersion: 2 })).json()
        .error,
    ).toBe('empty');
    await save(w, note.id, { baseVersion: 2, ...content() });
    const stale = await send('POST', `/api/record/notes/${note.id}/sign`, w.pair.therapistCookie, { baseVersion: 2 });
    expect(stale.json().error).toBe('stale');
    const signed = await send('POST', `/api/record/notes/${note.id}/sign`, w.pair.therapistCookie, { baseVersion: 3 });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().note).toMatchObject({
      status: 'signed',
      version: 4,
      signedLate: false,
      signedBy: { id: w.pair.therapist.userId, displayName: 'Dr Ada Field' },
    });

    const draftAmend = await startNote(w, w.olderId);
    const refused = await send('POST', `/api/record/notes/${draftAmend.id}/amendments`, w.pair.therapistCookie, {
      reason: 'r',
      text: 't',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('draft');

    for (const n of [1, 2, 3]) {
      const res = await send('POST', `/api/record/notes/${note.id}/amendments`, w.pair.therapistCookie, {
        reason: `Reason ${n}`,
        text: `Correction ${n}`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const whole = (await send('GET', `/api/record/notes/${note.id}`, w.pair.therapistCookie)).json().note;
    expect(whole.amendments.map((a: { reason: string; text: string }) => [a.reason, a.text])).toEqual([
      ['Reason 1', 'Correction 1'],
      ['Reason 2', 'Correction 2'],
      ['Reason 3', 'Correction 3'],
    ]);
    expect(whole.amendments[0].author).toEqual({ id: w.pair.therapist.userId, displayName: 'Dr Ada Field' });
    expect(whole.narrative).toBe('She arrived late and spoke of the flood.');
    const versions = (await send('GET', `/api/record/notes/${note.id}/versions`, w.pair.therapistCookie)).json()
      .versions;
    expect(versions.map((v: { kind: string }) => v.kind)).toEqual(['draft', 'draft', 'draft', 'signed']);
    const list = (
      await send('GET', `/api/record/clients/${w.pair.client.userId}/notes`, w.pair.therapistCookie)
    ).json();
    expect(list.notes.find((n: { id: string }) => n.id === note.id)).toMatchObject({
      amendmentCount: 3,
      signedLate: false,
    });

    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter(
      (e) => e.action === 'record.note_signed' || e.action === 'record.note_amended',
    );
    expect(events.every((e) => e.subject_user_id === w.pair.client.userId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Correction');
  });

  it('marks a note signed more than 72 hours after the session as late, and follows the practice threshold', async () => {
    const w = await world();
    const older = await startNote(w, w.olderId);
    await save(w, older.id, { baseVersion: 1, ...content() });
    const late = await send('POST', `/api/record/notes/${older.id}/sign`, w.pair.therapistCookie, { baseVersion: 2 });
    expect(late.json().note.signedLate).toBe(true);

    await scopedQuery(
      t.ctx,
      w.practiceId,
      `INSERT INTO note_settings (practice_id, fields, late_after_hours) VALUES ($1, '[]'::jsonb, 12)`,
      [w.practiceId],
    );
    const recent = await startNote(w, w.recentId);
    await save(w, recent.id, { baseVersion: 1, ...content() });
    const signed = await send('POST', `/api/record/notes/${recent.id}/sign`, w.pair.therapistCookie, {
      baseVersion: 2,
    });
    expect(signed.json().note.signedLate).toBe(true);

    const justNow = await addSession(t, w.practiceId, w.pair, ago(2 * HOUR));
    const fresh = await startNote(w, justNow);
    await save(w, fresh.id, { baseVersion: 1, ...content() });
    const onTime = await send('POST', `/api/record/notes/${fresh.id}/sign`, w.pair.therapistCookie, { baseVersion: 2 });
    expect(onTime.json().note.signedLate).toBe(false);
  });
});

describe('discarding a draft', () => {
  it('deletes a draft with its versions; the session is back among those without a note; a signed note stays', async () => {
    const w = await world();
    const url = `/api/record/clients/${w.pair.client.userId}/notes`;
    const draft = await startNote(w, w.recentId);
    expect((await save(w, draft.id, { baseVersion: 1, ...content() })).statusCode).toBe(200);
    const gone = await send('DELETE', `/api/record/notes/${draft.id}`, w.pair.therapistCookie);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await send('GET', `/api/record/notes/${draft.id}`, w.pair.therapistCookie)).statusCode).toBe(404);
    const list = (await send('GET', url, w.pair.therapistCookie)).json();
    expect(list.notes).toEqual([]);
    expect(list.sessionsWithoutNote.map((s: { appointmentId: string }) => s.appointmentId)).toContain(w.recentId);
    const versions = await scopedQuery(
      t.ctx,
      w.practiceId,
      'SELECT id FROM progress_note_versions WHERE note_id = $1',
      [draft.id],
    );
    expect(versions).toEqual([]);

    const signed = await startNote(w, w.olderId);
    await save(w, signed.id, { baseVersion: 1, ...content() });
    await send('POST', `/api/record/notes/${signed.id}/sign`, w.pair.therapistCookie, { baseVersion: 2 });
    const refused = await send('DELETE', `/api/record/notes/${signed.id}`, w.pair.therapistCookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('signed');
    expect((await send('GET', `/api/record/notes/${signed.id}`, w.pair.therapistCookie)).json().note.status).toBe(
      'signed',
    );
  });
});
