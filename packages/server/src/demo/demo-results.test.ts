import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import type { EpisodeSummaryT, OutcomeReportT } from '../features/results/results-schemas.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';

/** The demo's results: Aled recovered, Hannah's earlier course deteriorated, Daniel's earlier one unpaired. */
let t: TestApp;
let demo: SeededDemo;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await seedDemoPractice(t.ctx, { slug: `northside-demo-${crypto.randomBytes(3).toString('hex')}` });
});
afterAll(async () => t.close());

async function cookieOf(key: string): Promise<string> {
  const person = DEMO_PEOPLE.find((p) => p.key === key);
  return sessionCookie(t.ctx, {
    practiceId: demo.practiceId,
    userId: demo.userIds[key] ?? '',
    email: person?.email ?? '',
    password: DEMO_PASSWORD,
    roles: person?.roles ?? [],
  });
}

const get = async <T>(url: string, who: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: await cookieOf(who) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('the demo results', () => {
  it('give the practice report three ended episodes: one recovered, one deteriorated, one without pairs', async () => {
    const admin = DEMO_PEOPLE.find((p) => p.roles.includes('admin'))?.key ?? '';
    const report = await get<OutcomeReportT>('/api/results/report', admin);
    expect(report).toMatchObject({
      episodes: 3,
      finishedCourse: 3,
      casesAtStart: 2,
      pairedDataCompleteness: { count: 2, denominator: 3 },
      recovered: { count: 1, denominator: 2, percentage: 50 },
      reliablyImproved: { count: 1, denominator: 2 },
      reliablyRecovered: { count: 1, denominator: 2 },
      deteriorated: { count: 1, denominator: 2 },
    });
  });

  it('show each therapist the category of their clients’ episodes', async () => {
    const category = async (client: string, therapist: string) =>
      (
        await get<{ episodes: EpisodeSummaryT[] }>(`/api/results/clients/${demo.userIds[client]}/episodes`, therapist)
      ).episodes.map((e) => [e.status, e.category]);
    expect(await category('aled.morgan', 'tom.adeyemi')).toEqual([['ended', 'reliable-recovery']]);
    expect((await category('hannah.kowalski', 'tom.adeyemi')).at(-1)).toEqual(['ended', 'reliable-deterioration']);
    expect((await category('daniel.okoro', 'ruth.mensah')).at(-1)).toEqual(['ended', 'not-paired']);
    expect(await category('priya.nair', 'ruth.mensah')).toEqual([['active', 'reliable-recovery']]);
  });
});
