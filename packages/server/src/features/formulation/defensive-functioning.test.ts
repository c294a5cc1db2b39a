import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedQuery } from '../../test-support/fixtures.js';
import { addSession, DAY } from '../../test-support/frame-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { formulationWorld, sender, type FormulationWorld } from '../../test-support/formulation-fixtures.js';

/**
 * The defensive functioning of an episode: the ODF of each progress note of its sessions with
 * defences rated (signed and draft, marked as such), oldest first, and the level profile of all of
 * them — checked against values worked out by hand.
 */
let t: TestApp;
let send: ReturnType<typeof sender>;
beforeAll(async () => {
  t = await createTestApp();
  send = sender(t);
});
afterAll(async () => t.close());

const EMPTY = { narrative: 'n', fields: {}, materialEntryIds: [], dreamEntryIds: [], interventions: [] };
const rate = (...pairs: [string, number][]) => pairs.map(([defence, level]) => ({ defence, level }));

async function note(w: FormulationWorld, appointmentId: string, defences: object[], sign: boolean) {
  const cookie = w.pair.therapistCookie;
  const created = await send('POST', `/api/record/clients/${w.pair.client.userId}/notes`, cookie, { appointmentId });
  const id = created.json().note.id as string;
  const saved = await send('PUT', `/api/record/notes/${id}`, cookie, { baseVersion: 1, ...EMPTY, defences });
  expect(saved.statusCode, saved.body).toBe(200);
  if (sign)
    expect((await send('POST', `/api/record/notes/${id}/sign`, cookie, { baseVersion: 2 })).statusCode).toBe(200);
  return id;
}

describe('the ODF trend of an episode', () => {
  it('says nothing is rated yet for a new episode', async () => {
    const w = await formulationWorld(t);
    const res = await send(
      'GET',
      `/api/record/episodes/${w.pair.episodeId}/defensive-functioning`,
      w.pair.therapistCookie,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ points: [], overall: null, profile: { total: 0 } });
    expect(res.json().profile.levels.map((l: { level: number }) => l.level)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('gives each rated note’s ODF, oldest first, and the profile of the episode, as worked out by hand', async () => {
    const w = await formulationWorld(t);
    const at = (days: number) => addSession(t, w.practiceId, w.pair, new Date(Date.now() - days * DAY));
    // Oldest: humour 7, denial 3, projection 3 → 13 / 3. Then a draft: undoing 6, acting out 1 → 3.5.
    // Then a note with nothing rated (left out), then suppression 7 twice over (one rating) → 7.
    const first = await note(w, await at(21), rate(['humour', 7], ['denial', 3], ['projection', 3]), true);
    const second = await note(w, await at(14), rate(['undoing', 6], ['acting-out', 1]), false);
    await note(w, await at(10), [], true);
    const third = await note(w, await at(7), rate(['suppression', 7]), true);
    // A note of the same client in another episode does not count.
    const other = await scopedQuery<{ id: string }>(
      t.ctx,
      w.practiceId,
      `INSERT INTO episodes (practice_id, therapist_id, client_id, status, time_zone)
       VALUES ($1, $2, $3, 'ended', 'Europe/London') RETURNING id`,
      [w.practiceId, w.pair.therapist.userId, w.pair.client.userId],
    );
    const elsewhere = await addSession(
      t,
      w.practiceId,
      { ...w.pair, episodeId: other[0]?.id ?? '' },
      new Date(Date.now() - 30 * DAY),
    );
    await note(w, elsewhere, rate(['splitting-other', 2]), true);

    const res = await send(
      'GET',
      `/api/record/episodes/${w.pair.episodeId}/defensive-functioning`,
      w.pair.therapistCookie,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.points.map((p: { noteId: string }) => p.noteId)).toEqual([first, second, third]);
    expect(body.points.map((p: { status: string }) => p.status)).toEqual(['signed', 'draft', 'signed']);
    expect(body.points[0].odf).toBeCloseTo(13 / 3, 10);
    expect(body.points[1].odf).toBe(3.5);
    expect(body.points[2].odf).toBe(7);
    expect(body.points.map((p: { defencesCoded: number }) => p.defencesCoded)).toEqual([3, 2, 1]);
    // All six together: (7 + 3 + 3 + 6 + 1 + 7) / 6 = 27 / 6 = 4.5.
    expect(body.overall).toBe(4.5);
    const counts = Object.fromEntries(
      body.profile.levels.map((l: { level: number; count: number }) => [l.level, l.count]),
    );
    expect(counts).toEqual({ 7: 2, 6: 1, 5: 0, 4: 0, 3: 2, 2: 0, 1: 1 });
    expect(body.profile.total).toBe(6);
    expect(body.profile.levels[0]).toMatchObject({ level: 7, name: 'High adaptive', share: 2 / 6 });
  });
});
