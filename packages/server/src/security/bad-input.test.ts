import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceWithEveryRole } from '../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Invariant 7: bad input gets a 4xx with a message a person can act on — never a 5xx, never a stack
 * trace. Property-based: for every route in the OpenAPI document, random bodies, path parameters
 * and query strings (fast-check), sent by a signed-in admin, never produce a 5xx.
 */
let t: TestApp;
let cookie: string;

interface Operation {
  method: string;
  path: string;
  properties: string[];
}

let operations: Operation[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const practice = await practiceWithEveryRole(t.ctx, 'Fuzz Practice');
  cookie = practice.cookies.admin;
  const doc = t.app.swagger() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }>
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      properties: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
    })),
  );
});
afterAll(async () => t.close());

const SIGN_OUT_ROUTES = /sign-out|revoke-others|\/sessions\/\{/;

function fillPath(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
}

const jsonValue = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
  fc.constantFrom('', ' ', '00000000-0000-0000-0000-000000000000', 'a@b', 'x'.repeat(5000), '{"$gt":""}', '__proto__'),
);

describe('bad input never yields a 5xx', () => {
  it('covers routes from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(3);
  });

  it('random bodies, parameters and query strings on every route answer < 500', async () => {
    for (const op of operations) {
      const bodies = fc.oneof(
        fc.anything(),
        op.properties.length > 0
          ? fc.record(Object.fromEntries(op.properties.map((p) => [p, jsonValue])), { requiredKeys: [] })
          : fc.dictionary(fc.string({ maxLength: 12 }), jsonValue, { maxKeys: 4 }),
      );
      await fc.assert(
        fc.asyncProperty(
          bodies,
          fc.array(fc.string({ minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 3 }),
          fc.dictionary(
            fc.constantFrom('status', 'role', 'limit', 'before', 'from', 'to', 'action', 'x'),
            fc.string({ maxLength: 40 }),
          ),
          async (body, params, query) => {
            const hasBody = op.method !== 'GET' && op.method !== 'HEAD';
            const res = await t.app.inject({
              method: op.method as 'GET',
              url: fillPath(op.path, params),
              query,
              headers: { cookie, ...CSRF, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
              ...(hasBody ? { payload: JSON.stringify(body) } : {}),
            });
            if (res.statusCode >= 500) {
              throw new Error(`${op.method} ${op.path} answered ${res.statusCode}: ${res.body}`);
            }
            if (res.statusCode >= 400) {
              const json = res.json() as { message?: unknown };
              expect(typeof json.message, `${op.method} ${op.path} error has a message`).toBe('string');
              expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack traces
            }
          },
        ),
        { numRuns: SIGN_OUT_ROUTES.test(op.path) ? 5 : 25 },
      );
    }
  }, 240_000);

  it('malformed JSON is a 400 with a message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-strength',
      headers: { ...CSRF, 'content-type': 'application/json' },
      payload: '{"password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/not valid JSON/);
  });

  it('an oversized body is a 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-strength',
      headers: { ...CSRF, 'content-type': 'application/json' },
      payload: JSON.stringify({ password: 'x'.repeat(400_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/too large/);
  });

  it('an unknown content type is refused with 415', async () => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-strength',
        headers: { ...CSRF, 'content-type': type },
        payload: 'password=x',
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().message).toMatch(/application\/json/);
    }
  });

  it('text holding a NUL character (which PostgreSQL cannot store) is a 400 that names the field', async () => {
    // fast-check's strings above are printable, so this is spelled out: "\u0000" is valid JSON, but a
    // PostgreSQL text column refuses it, which used to surface as a 500.
    const { cookies } = await practiceWithEveryRole(t.ctx, 'Nul Practice');
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: cookies.admin, ...CSRF },
      payload: { email: 'nul-character@example.org', displayName: 'Ada\u0000Rowe', role: 'client' },
    });
    expect(invite.statusCode).toBe(400);
    expect(invite.json()).toMatchObject({ error: 'invalid_request', fields: [{ field: 'displayName' }] });
    expect(invite.json().message).toMatch(/displayName/);

    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: CSRF,
      payload: {
        practiceName: 'Nul Practice',
        admin: { displayName: 'A\u0000B', email: 'nul-admin@example.org', password: 'x' },
      },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().fields).toEqual([{ field: 'admin.displayName', message: expect.any(String) }]);
  });

  it('a wrongly percent-encoded address is a 400 in the usual shape, with the usual headers', async () => {
    for (const url of ['/api/invitations/lookup/%zz', '/api/outbox/%E0%A4%A']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({ error: 'bad_request', message: expect.stringMatching(/link/) });
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('a wrongly typed body is a 400 that names the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-strength',
      headers: { ...CSRF, 'content-type': 'application/json' },
      payload: JSON.stringify({ password: 12345 }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields?.[0]?.field).toBe('password');
  });
});
