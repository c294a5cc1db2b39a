import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoQuestionnaires } from './demo-questionnaires.js';

/** The demo's questionnaires: Priya's schedule (PHQ-9 and GAD-7 before every session) and one open GAD-7. */
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

describe('the demo questionnaires', () => {
  it('Ruth sees Priya’s schedule and the open request; Priya sees the request to complete', async () => {
    const priya = demo.userIds['priya.nair'] ?? '';
    const ruthView = await t.app.inject({
      method: 'GET',
      url: `/api/questionnaires/clients/${priya}`,
      headers: { cookie: await cookieOf('ruth.mensah') },
    });
    expect(ruthView.statusCode).toBe(200);
    const body = ruthView.json();
    expect(
      body.schedules.map((s: { instrumentId: string; timing: string }) => `${s.instrumentId} ${s.timing}`),
    ).toEqual(['phq-9 every_session', 'gad-7 every_session']);
    expect(body.requests).toEqual([expect.objectContaining({ instrumentId: 'gad-7', status: 'open' })]);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/questionnaires/mine',
      headers: { cookie: await cookieOf('priya.nair') },
    });
    expect(mine.json().questionnaires).toEqual([expect.objectContaining({ name: 'GAD-7', itemCount: 7 })]);
  });

  it('is not seeded twice', async () => {
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) =>
      seedDemoQuestionnaires(tx, demo.userIds),
    );
    expect(again).toEqual({ schedules: 2, requests: 0 });
  });
});
