import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuery } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoPractice } from './demo-practice.js';

/** The demo's risk episode: an acknowledged alert, a decision, a safety plan, Helen as clinical lead. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

describe('demo safeguarding', () => {
  it('seeds one risk episode for Jamie Walsh, encrypted', async () => {
    const { practiceId, userIds } = await seedDemoPractice(t.ctx, { slug: 'demo-safeguarding' });
    const alerts = await ownerQuery<{ client_id: string; acknowledged_by: string; reason: string }>(
      t.ctx,
      practiceId,
      'SELECT client_id, acknowledged_by, reason FROM safeguarding_alerts WHERE practice_id = $1',
      [practiceId],
    );
    expect(alerts).toEqual([
      {
        client_id: userIds['jamie.walsh'],
        acknowledged_by: userIds['ruth.mensah'],
        reason: 'answer-at-or-above-threshold',
      },
    ]);
    const decisions = await ownerQuery<{ record_enc: string }>(
      t.ctx,
      practiceId,
      'SELECT record_enc FROM safeguarding_decisions WHERE practice_id = $1',
      [practiceId],
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.record_enc).toMatch(/^uc1\.clinical\./);
    const plans = await ownerQuery(t.ctx, practiceId, 'SELECT 1 FROM safety_plan_versions WHERE practice_id = $1', [
      practiceId,
    ]);
    expect(plans).toHaveLength(1);
    const settings = await ownerQuery<{ clinical_lead_id: string }>(
      t.ctx,
      practiceId,
      'SELECT clinical_lead_id FROM safeguarding_settings WHERE practice_id = $1',
      [practiceId],
    );
    expect(settings[0]?.clinical_lead_id).toBe(userIds['helen.marsh']);
    // Every client but Hannah agreed to the policy; the practice lists one (fictional) local resource.
    const agreed = await ownerQuery<{ client_id: string; policy_version: number }>(
      t.ctx,
      practiceId,
      'SELECT client_id, policy_version FROM policy_agreements WHERE practice_id = $1',
      [practiceId],
    );
    expect(agreed).toHaveLength(5);
    expect(agreed.every((a) => a.policy_version === 1)).toBe(true);
    expect(agreed.map((a) => a.client_id)).not.toContain(userIds['hannah.kowalski']);
    const local = await ownerQuery<{ name: string }>(
      t.ctx,
      practiceId,
      'SELECT name FROM practice_crisis_resources WHERE practice_id = $1',
      [practiceId],
    );
    expect(local.map((r) => r.name)).toEqual(['Northside Crisis Café (demo, fictional)']);
  });
});
