import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSlug } from '../test-support/test-app.js';
import { auditEventsOf, createPracticeFixture } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { systemActor } from './actor.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('access layer', () => {
  it('commits the work and its audit events together', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    await t.ctx.access.run(systemActor(practiceId), async (tx) => {
      tx.audit({ action: 'people.listed', details: { count: 3 } });
    });
    const events = await auditEventsOf(t.ctx, practiceId);
    expect(events.map((e) => [e.action, e.outcome])).toContainEqual(['people.listed', 'success']);
  });

  it('on a denial rolls the work back and records the denial', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    await expect(
      t.ctx.access.run(systemActor(practiceId), async (tx) => {
        await tx.query(`UPDATE practices SET name = 'Renamed' WHERE id = $1`, [practiceId]);
        tx.deny('No.', { action: 'people.listed' });
      }),
    ).rejects.toThrow('No.');
    const names = await t.ctx.access.listPractices();
    expect(names.find((p) => p.id === practiceId)?.name).not.toBe('Renamed');
    const events = await auditEventsOf(t.ctx, practiceId);
    expect(events.map((e) => [e.action, e.outcome])).toContainEqual(['people.listed', 'denied']);
  });

  it('on any other failure keeps the recorded events with outcome "failure"', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    await expect(
      t.ctx.access.run(systemActor(practiceId), async (tx) => {
        tx.audit({ action: 'outbox.opened', subjectId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const events = await auditEventsOf(t.ctx, practiceId);
    expect(events.map((e) => [e.action, e.outcome])).toContainEqual(['outbox.opened', 'failure']);
  });

  it('a failed practice creation fails fast and never starves the pool (events cannot be recorded for it)', async () => {
    const started = Date.now();
    for (let i = 0; i < 15; i += 1) {
      await expect(
        t.ctx.access.createPractice(
          { id: crypto.randomUUID(), name: 'Doomed', slug: uniqueSlug(), timeZone: 'Europe/London', isDemo: false },
          (id) => systemActor(id),
          async () => {
            throw new Error('setup failed');
          },
        ),
      ).rejects.toThrow('setup failed');
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    const practiceId = await createPracticeFixture(t.ctx);
    expect(practiceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to run without a practice to scope to', async () => {
    await expect(t.ctx.access.run(systemActor('not-a-uuid'), async () => 1)).rejects.toThrow(/practice id/);
  });
});
