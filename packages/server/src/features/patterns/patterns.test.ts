import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, practiceWithEveryRole } from '../../test-support/fixtures.js';
import { placeInCare } from '../../test-support/frame-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/** The therapist's patterns view, confirming and scoring a candidate, and bad input answered 4xx. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

const PASSAGES = [
  'My boss criticised me in front of everyone and I felt ashamed.',
  'The boss ignored my report again and I was angry with myself.',
  'When I was little my father shouted at me and I was frightened.',
  'My father criticised my drawings when I was a child and I felt small and ashamed.',
  'My boss shouted at me today and I felt afraid, like a child.',
];

describe('the patterns tab', () => {
  it('shows candidates from shared entries, confirms and scores one, and the CCRT summary counts it', async () => {
    const p = await practiceWithEveryRole(t.ctx, `Patterns ${crypto.randomUUID()}`);
    const clientId = p.people.client.userId;
    await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, clientId);
    for (const body of PASSAGES) {
      const id = crypto.randomUUID();
      const saved = await call('PUT', `/api/journal/entries/${id}`, p.cookies.client, {
        baseVersion: 0,
        kind: 'reflection',
        body,
      });
      expect(saved.statusCode).toBe(200);
      expect(
        (await call('POST', `/api/journal/entries/${id}/share`, p.cookies.client, { bringNext: false })).statusCode,
      ).toBe(200);
    }
    const url = `/api/patterns/clients/${clientId}`;
    const first = await call('GET', url, p.cookies.therapist);
    expect(first.statusCode, first.body).toBe(200);
    const view = first.json();
    expect(view.summary.entries).toBe(5);
    expect(view.sources).toHaveLength(5);
    for (const source of view.sources)
      expect(source.link).toMatch(new RegExp(`^/clients/${clientId}/journal/[0-9a-f-]{36}$`));
    expect(view.summary.ccrt.scoredEpisodes).toBe(0);
    const candidate = view.summary.ccrtCandidates[0];
    expect(candidate).toBeDefined();
    const citation = candidate.citations[0];
    // Every citation names an entry listed in sources (so it opens).
    const known = new Set(view.sources.map((s: { entryId: string }) => s.entryId));
    expect(known.has(citation.entryId)).toBe(true);

    const episodes = `${url}/episodes`;
    const score = { entryId: citation.entryId, start: citation.start, end: citation.end, W: [], RO: [], RS: [] };
    const unknown = await call('POST', episodes, p.cookies.therapist, { ...score, RO: ['no-such-cluster'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('no-such-cluster');
    const empty = await call('POST', episodes, p.cookies.therapist, score);
    expect(empty.statusCode).toBe(400);
    const offsets = await call('POST', episodes, p.cookies.therapist, {
      ...score,
      end: 100_000,
      RO: candidate.suggested.RO,
    });
    expect(offsets.statusCode).toBe(400);
    const elsewhere = await call('POST', episodes, p.cookies.therapist, {
      ...score,
      entryId: crypto.randomUUID(),
      RO: candidate.suggested.RO,
    });
    expect(elsewhere.statusCode).toBe(404);

    const categories = (await call('GET', '/api/record/ccrt-categories', p.cookies.therapist)).json();
    const wish = categories.clusters.find((c: { component: string }) => c.component === 'W').id as string;
    const confirmed = await call('POST', episodes, p.cookies.therapist, {
      ...score,
      W: [wish],
      RO: candidate.suggested.RO,
      RS: candidate.suggested.RS,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = (await call('GET', url, p.cookies.therapist)).json();
    expect(after.episodes).toHaveLength(1);
    expect(after.episodes[0].link).toMatch(/\/journal\//);
    expect(after.summary.ccrt.scoredEpisodes).toBe(1);

    // The client cannot reach the staff view; a therapist not caring for them gets 404.
    expect((await call('GET', url, p.cookies.client)).statusCode).toBe(403);
    const removed = await call('DELETE', `${episodes}/${after.episodes[0].id}`, p.cookies.therapist);
    expect(removed.statusCode).toBe(200);
    expect((await call('GET', url, p.cookies.therapist)).json().summary.ccrt.scoredEpisodes).toBe(0);

    const actions = (await auditEventsOf(t.ctx, p.practiceId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['patterns.viewed', 'patterns.episode_confirmed', 'patterns.episode_removed']),
    );
  }, 120_000);

  it('keeps the view in step between views: a new shared entry is folded in, a withdrawn one taken out, edits seen', async () => {
    const p = await practiceWithEveryRole(t.ctx, `Patterns ${crypto.randomUUID()}`);
    const clientId = p.people.client.userId;
    await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, clientId);
    const url = `/api/patterns/clients/${clientId}`;
    const write = async (id: string, body: string, baseVersion: number) =>
      expect(
        (await call('PUT', `/api/journal/entries/${id}`, p.cookies.client, { baseVersion, kind: 'reflection', body }))
          .statusCode,
      ).toBe(200);
    const ids = PASSAGES.map(() => crypto.randomUUID());
    for (const [i, body] of PASSAGES.entries()) {
      await write(ids[i]!, body, 0);
      await call('POST', `/api/journal/entries/${ids[i]}/share`, p.cookies.client, { bringNext: false });
    }
    const view = async () => (await call('GET', url, p.cookies.therapist)).json();
    expect((await view()).summary.entries).toBe(5);
    // A new shared entry is folded in.
    const extra = crypto.randomUUID();
    await write(extra, 'My sister criticised my cooking and I felt ashamed, like with my boss.', 0);
    await call('POST', `/api/journal/entries/${extra}/share`, p.cookies.client, { bringNext: false });
    const added = await view();
    expect(added.summary.entries).toBe(6);
    expect(added.summary.people.map((x: { figure: string }) => x.figure)).toContain('boss');
    expect(JSON.stringify(added.summary)).toContain(extra);
    // An edit of a shared entry is seen (the sister is gone from it).
    await write(extra, 'A quiet day in the garden.', 1);
    const edited = await view();
    expect(edited.summary.entries).toBe(6);
    expect(JSON.stringify(edited.summary.people)).not.toContain(extra);
    // A withdrawn share leaves the therapist's view entirely, at once.
    expect((await call('POST', `/api/journal/entries/${ids[0]}/withdraw`, p.cookies.client)).statusCode).toBe(200);
    const withdrawn = await view();
    expect(withdrawn.summary.entries).toBe(5);
    expect(JSON.stringify(withdrawn)).not.toContain(ids[0]);
  }, 120_000);

  it('refuses a bad norm group with 400 and the own view to staff with 403', async () => {
    const p = await practiceWithEveryRole(t.ctx, `Patterns ${crypto.randomUUID()}`);
    await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, p.people.client.userId);
    expect(
      (await call('GET', `/api/patterns/clients/${p.people.client.userId}?norm=x`, p.cookies.therapist)).statusCode,
    ).toBe(400);
    expect((await call('GET', '/api/patterns/me', p.cookies.therapist)).statusCode).toBe(403);
    expect((await call('PUT', '/api/patterns/me/settings', p.cookies.client, { ownView: 'yes' })).statusCode).toBe(400);
  });
});
