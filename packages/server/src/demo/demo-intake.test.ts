import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import { scopedQuery } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoPractice, type SeededDemo } from './demo-practice.js';
import { seedDemoIntakes } from './demo-intake.js';

/** The demo's enquiries: a few in different states, same-day review first, their words sealed. */
let t: TestApp;
let demo: SeededDemo;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  demo = await seedDemoPractice(t.ctx, { slug: `northside-demo-${crypto.randomBytes(3).toString('hex')}` });
});
afterAll(async () => t.close());

describe('the demo practice’s enquiries', () => {
  it('holds enquiries in different states, urgent ones flagged, with what people wrote encrypted, seeded once', async () => {
    const rows = await scopedQuery<{ status: string; urgent_risk: boolean; brings_enc: string }>(
      t.ctx,
      demo.practiceId,
      'SELECT status, urgent_risk, brings_enc FROM intakes ORDER BY urgent_risk DESC, created_at DESC',
    );
    expect(rows.map((r) => [r.status, r.urgent_risk])).toEqual([
      ['same_day_review', true],
      ['new', false],
      ['requested', false],
      ['waiting_list', false],
      ['referred_on', false],
    ]);
    expect(rows.some((r) => r.brings_enc.includes('mother'))).toBe(false);
    // The request holds a real free time of Nia Jones's, in the evening, still to come.
    const [request] = await scopedQuery<{ requested_start: Date; therapist: string }>(
      t.ctx,
      demo.practiceId,
      `SELECT i.requested_start, u.display_name AS therapist FROM intakes i JOIN users u ON u.id = i.requested_therapist_id
        WHERE i.status = 'requested'`,
    );
    expect(request?.therapist).toBe('Nia Jones');
    expect(request?.requested_start.getTime()).toBeGreaterThan(Date.now());
    const again = await t.ctx.access.run(systemActor(demo.practiceId), (tx) => seedDemoIntakes(tx));
    expect(again).toEqual({ intakes: 0 });
  });
});
