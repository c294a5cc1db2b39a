import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, auditEventsOf, scopedQuery, sessionCookie } from '../test-support/fixtures.js';
import { careEpisode } from '../test-support/frame-fixtures.js';
import {
  daysAgo,
  endEpisode,
  enter,
  episodeWithSessions,
  practiceWithAdmin,
} from '../test-support/results-fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * The practice outcome report names no one: neither its JSON nor its CSV holds a client's or
 * therapist's name, e-mail address or id, an episode's or a result's id — only counts and
 * percentages — and the audit events of computing it carry counts, not clients.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the outcome report is anonymous', () => {
  it('holds no name, e-mail or id of anyone, in the JSON, the CSV or the audit of making them', async () => {
    const w = await practiceWithAdmin(t);
    const therapistCookie = await sessionCookie(t.ctx, w.therapist);
    const identities: string[] = [w.therapist.userId, w.therapist.email, 'Dr Ada Field', w.admin.email];
    for (const [name, first, last] of [
      ['Zebedee Quixote-Marchbanks', 18, 6],
      ['Philippa Umbrellaworth', 9, 17],
    ] as const) {
      const client = await addPerson(t.ctx, w.practiceId, ['client'], {
        displayName: name,
        email: `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@clients.example.org`,
      });
      const episodeId = await careEpisode(t, w.practiceId, w.therapist, client);
      const pair = { therapist: w.therapist, client, therapistCookie, clientCookie: '', episodeId };
      await episodeWithSessions(t, w.practiceId, pair, 70, 3);
      const ids = [
        await enter(t, pair, 'phq-9', first, daysAgo(60)),
        await enter(t, pair, 'gad-7', Math.min(first, 21), daysAgo(60)),
        await enter(t, pair, 'phq-9', last, daysAgo(20)),
        await enter(t, pair, 'gad-7', Math.min(last, 21), daysAgo(20)),
      ];
      await endEpisode(t, w.practiceId, pair, 5);
      identities.push(name, client.email, client.userId, episodeId, ...ids);
    }
    const appointments = await scopedQuery<{ id: string }>(t.ctx, w.practiceId, 'SELECT id FROM appointments');
    identities.push(...appointments.map((a) => a.id));

    const json = await t.app.inject({ method: 'GET', url: '/api/results/report', headers: { cookie: w.adminCookie } });
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/results/report.csv',
      headers: { cookie: w.adminCookie },
    });
    expect(json.statusCode).toBe(200);
    expect(csv.statusCode).toBe(200);
    expect(json.json<{ episodes: number }>().episodes).toBe(2);
    const everything = [json.body, csv.body, JSON.stringify(json.headers), JSON.stringify(csv.headers)].join('\n');
    for (const identity of identities) expect(everything.toLowerCase()).not.toContain(identity.toLowerCase());
    expect(everything).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(everything).not.toMatch(/@/);

    const reportEvents = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) =>
      e.action.startsWith('results.report'),
    );
    expect(reportEvents.map((e) => e.action).sort()).toEqual([
      'results.report_computed',
      'results.report_computed',
      'results.report_exported',
      'results.report_viewed',
    ]);
    for (const e of reportEvents) {
      expect(e.subject_user_id).toBeNull();
      const details = JSON.stringify(e.details);
      for (const identity of identities.filter((i) => i !== w.therapist.userId))
        expect(details).not.toContain(identity);
    }
  });
});
