import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPracticeFixture } from '../../test-support/fixtures.js';
import { addSession, carePair, DAY } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * What the web's patterns pages draw, as the routes answer it (the response schemas pass it
 * through): themes and people by month, echoes with their similarity, the transference timeline
 * with the therapist's countertransference notes cited to the note, and the ODF trend of rated notes
 * — and the client's own view with none of the therapist's notes in it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, ...(payload ? { payload } : {}) });

const SHARED = [
  'My boss criticised my report in front of the whole team and I felt ashamed.',
  'When I was little my father criticised my homework at the kitchen table and I felt ashamed.',
  'The boss ignored me in the meeting again. I was angry and then afraid I had done something wrong.',
  'As a child my father ignored me when he came home from work. I was afraid to make any noise.',
  'My partner comforted me after the awful day and I felt loved.',
  'When I was small my grandmother comforted me when I cried and I felt safe and happy.',
  'My boss shouted at me about the deadline and I felt afraid.',
  'Growing up, my father shouted at me when my marks were low and I was frightened.',
  'My partner helped me with the presentation and praised it. I felt happy.',
  'As a child my grandmother helped me with my reading and praised me.',
  'My boss criticised me again today and I felt ashamed and angry with myself.',
  'When I was eight my father criticised the way I spoke to guests and I felt ashamed.',
  'The boss ignored me all week and I felt afraid and ashamed.',
  'When I was little my father ignored me for days and I felt afraid and ashamed.',
  'In the session my therapist asked about my week.',
];
const PRIVATE = 'I nearly cancelled my session this week and told nobody about the therapy.';

describe('the fields the patterns pages draw', () => {
  it('answers the transference timeline with countertransference notes, the ODF trend, months and similarity', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const pair = await carePair(t, practiceId);
    const clientId = pair.client.userId;
    for (const body of SHARED) {
      const id = crypto.randomUUID();
      expect(
        (
          await send('PUT', `/api/journal/entries/${id}`, pair.clientCookie, {
            baseVersion: 0,
            kind: 'reflection',
            body,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await send('POST', `/api/journal/entries/${id}/share`, pair.clientCookie, { bringNext: false })).statusCode,
      ).toBe(200);
    }
    const privateId = crypto.randomUUID();
    expect(
      (
        await send('PUT', `/api/journal/entries/${privateId}`, pair.clientCookie, {
          baseVersion: 0,
          kind: 'check_in',
          body: PRIVATE,
        })
      ).statusCode,
    ).toBe(200);

    const appointmentId = await addSession(t, practiceId, pair, new Date(Date.now() - DAY));
    const created = await send('POST', `/api/record/clients/${clientId}/notes`, pair.therapistCookie, {
      appointmentId,
    });
    expect(created.statusCode, created.body).toBe(200);
    const noteId = created.json().note.id as string;
    const saved = await send('PUT', `/api/record/notes/${noteId}`, pair.therapistCookie, {
      baseVersion: 1,
      narrative: 'We talked about her boss and her father.',
      fields: { countertransference: 'A pull to reassure her, which I noticed and held.' },
      materialEntryIds: [],
      dreamEntryIds: [],
      defences: [{ defence: 'humour', level: 7 }],
      interventions: [],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const staff = await send('GET', `/api/patterns/clients/${clientId}`, pair.therapistCookie);
    expect(staff.statusCode, staff.body).toBe(200);
    const view = staff.json();
    const links = new Map<string, string>(
      view.sources.map((s: { entryId: string; link: string }) => [s.entryId, s.link]),
    );

    const counter = view.summary.transference.find((m: { marker: string }) => m.marker === 'countertransference');
    expect(counter).toMatchObject({ entryId: `${noteId}:countertransference`, kind: 'countertransference' });
    expect(links.get(counter.entryId)).toBe(`/clients/${clientId}/notes/${noteId}`);
    const mention = view.summary.transference.find((m: { marker: string }) => m.marker === 'client-reference');
    expect(mention.terms).toEqual(expect.arrayContaining(['session', 'therapist']));
    expect(links.get(mention.entryId)).toMatch(new RegExp(`^/clients/${clientId}/journal/`));
    // The private entry mentions the therapy too, but it is not the therapist's to see.
    expect(view.summary.transference.some((m: { entryId: string }) => m.entryId === privateId)).toBe(false);

    const odf = view.summary.defensiveFunctioning;
    expect(odf.trend).toHaveLength(1);
    expect(odf.trend[0]).toMatchObject({ odf: 7, defencesCoded: 1 });
    expect(links.get(view.sources.find((s: { kind: string }) => s.kind === 'session_note').entryId)).toContain(noteId);
    expect(odf.profile.levels.find((l: { level: number }) => l.level === 7)).toMatchObject({ count: 1, share: 1 });

    const person = view.summary.people.find((p: { figure: string }) => p.figure === 'boss');
    expect(person.byMonth.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBeGreaterThan(0);
    expect(['rising', 'fading', 'steady', 'too-few']).toContain(person.trend);
    expect(view.summary.echoes.length).toBeGreaterThan(0);
    for (const echo of view.summary.echoes) expect(echo.similarity).toBeGreaterThan(0);
    for (const theme of view.summary.themes) expect(theme.byMonth.length).toBeGreaterThan(0);

    // The client's own view: their private entry is on their timeline, no note of the therapist is.
    expect((await send('PUT', '/api/patterns/me/settings', pair.clientCookie, { ownView: true })).statusCode).toBe(200);
    const own = await send('GET', '/api/patterns/me', pair.clientCookie);
    expect(own.statusCode, own.body).toBe(200);
    const mine = own.json();
    expect(mine.summary.transference.some((m: { entryId: string }) => m.entryId === privateId)).toBe(true);
    expect(mine.summary.transference.some((m: { marker: string }) => m.marker === 'countertransference')).toBe(false);
    expect(mine.summary.defensiveFunctioning.trend).toEqual([]);
    expect(mine.sources.every((s: { link: string }) => s.link.startsWith('/journal/'))).toBe(true);
  }, 120_000);
});
