import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Operations surface: metrics behind a token, security headers, HSTS over TLS only. */
let plain: TestApp;
let tls: TestApp;
beforeAll(async () => {
  plain = await createTestApp({ metricsToken: 'scrape-me-please' });
  tls = await createTestApp({ publicUrl: 'https://therapy.example.org' });
});
afterAll(async () => {
  await plain.close();
  await tls.close();
});

describe('operations', () => {
  it('serves Prometheus metrics only with the bearer token', async () => {
    await plain.app.inject({ method: 'GET', url: '/api/health' });
    const anonymous = await plain.app.inject({ method: 'GET', url: '/api/metrics' });
    expect(anonymous.statusCode).toBe(404);
    const wrong = await plain.app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: 'Bearer guess' },
    });
    expect(wrong.statusCode).toBe(404);
    const ok = await plain.app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: 'Bearer scrape-me-please' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('undercurrent_http_request_duration_seconds_bucket');
    expect(ok.body).toContain('route="/api/health"');
  });

  it('answers 404 for metrics when no token is configured', async () => {
    const res = await tls.app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: 'Bearer ' } });
    expect(res.statusCode).toBe(404);
  });

  it('sends the security headers, and HSTS only when served over TLS', async () => {
    const overHttp = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    expect(overHttp.headers['x-frame-options']).toBe('DENY');
    expect(overHttp.headers['x-content-type-options']).toBe('nosniff');
    expect(overHttp.headers['referrer-policy']).toBe('no-referrer');
    expect(overHttp.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    const overTls = await tls.app.inject({ method: 'GET', url: '/api/health' });
    expect(overTls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('uses a __Host- Secure cookie over TLS', () => {
    expect(tls.ctx.cookie).toEqual({ name: '__Host-uc_session', secure: true });
    expect(plain.ctx.cookie).toEqual({ name: 'uc_session', secure: false });
  });
});
