import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { sessionCookie } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoMeasures } from './demo-measures.js';

/** The demo's questionnaires: Priya's PHQ-9 and GAD-7 entered from paper by Ruth, improving over the months. */
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

interface Result {
  instrument: { instrumentId: string };
  completedOn: string;
  total: number;
  band: string;
  flags: unknown[];
  appointmentId: string | null;
  enteredBy: { id: string };
}

describe('the demo measures', () => {
  it('Ruth sees Priya’s PHQ-9 and GAD-7 falling from her first session to her latest, each linked to a session', async () => {
    const priya = demo.userIds['priya.nair'] ?? '';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/measures/clients/${priya}/responses`,
      headers: { cookie: await cookieOf('ruth.mensah') },
    });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as Result[];
    const oldestFirst = (id: string) =>
      results
        .filter((r) => r.instrument.instrumentId === id)
        .sort((a, b) => a.completedOn.localeCompare(b.completedOn));
    expect(oldestFirst('phq-9').map((r) => r.total)).toEqual([18, 14, 11, 7]);
    expect(oldestFirst('gad-7').map((r) => r.total)).toEqual([15, 12, 9, 5]);
    expect(oldestFirst('phq-9').map((r) => r.band)).toEqual(['Moderately severe', 'Moderate', 'Moderate', 'Mild']);
    expect(new Set(oldestFirst('phq-9').map((r) => r.completedOn)).size).toBe(4);
    expect(results.every((r) => r.appointmentId !== null && r.enteredBy.id === demo.userIds['ruth.mensah'])).toBe(true);
    expect(results.every((r) => r.flags.length === 0)).toBe(true);
  });

  it('is not seeded twice', async () => {
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoMeasures(tx, demo.userIds));
    const count = await t.ctx.access.run(systemActor(demo.practiceId), async (tx) => {
      const r = await tx.query<{ n: number; priya: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE client_id = $1)::int AS priya FROM measure_responses`,
        [demo.userIds['priya.nair']],
      );
      return r.rows[0];
    });
    // Priya's eight, and the results demo-results.ts adds for the outcome report; seeding again adds none.
    expect(count?.priya).toBe(8);
    expect(again.results).toBe(count?.n);
  });
});
