import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { publicWorld } from '../../test-support/public-site-fixtures.js';
import { PUBLIC_READS_PER_MINUTE } from './public-practice.js';

/** Public reads need no session, so one address is limited per node (an app of its own: the limit is per app). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('public reads', () => {
  it('are limited per address: over the limit, 429 with Retry-After and a message, other addresses unaffected', async () => {
    const { slug } = await publicWorld(t.ctx);
    const read = (remoteAddress: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/practices/${slug}`, remoteAddress });
    for (let i = 0; i < PUBLIC_READS_PER_MINUTE; i += 1) {
      const res = await read('203.0.113.7');
      if (res.statusCode !== 200) throw new Error(`read ${i} answered ${res.statusCode}`);
    }
    const over = await read('203.0.113.7');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json().message).toMatch(/Too many requests from this address\. Try again in \d+ seconds\./);
    expect((await read('203.0.113.8')).statusCode).toBe(200);
  }, 120_000);
});
