import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Cross-site request forgery: SameSite=Strict cookies plus a required custom header and an Origin check. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('CSRF defence', () => {
  it('refuses a state-changing request without the anti-forgery header (what a cross-site form sends)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=b',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/anti-forgery/);
  });

  it('refuses a request whose Origin is another site, even with the header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: 'https://evil.example', 'x-undercurrent-csrf': '1' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/another site/);
  });

  it('lets a same-origin request with the header through to the route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: 'http://localhost:8080', 'x-undercurrent-csrf': '1' },
      payload: {},
    });
    expect(res.statusCode).not.toBe(403);
  });

  it('sets no CORS headers, so no other origin may read an answer', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/practices',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
