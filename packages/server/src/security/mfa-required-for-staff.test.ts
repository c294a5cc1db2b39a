import crypto from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access/actor.js';
import {
  FIXTURE_PASSWORD,
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  scopedQuery,
  sessionCookie,
  signInThroughApi,
} from '../test-support/fixtures.js';
import { hashPassword } from '../accounts/password-policy.js';
import { createUser } from '../accounts/users.js';
import type { AppContext } from '../context.js';
import type { Role, SessionStage } from '../db/schema.js';
import { CSRF, createTestApp, uniqueSlug, type TestApp } from '../test-support/test-app.js';

/**
 * Staff must use a second factor. Signing in with only a password puts a staff session in
 * 'mfa_enrolment' (no factor yet) or 'mfa_required' (factor pending), and such a session reaches
 * nothing but the routes that finish signing in: every other route of the API, found from the
 * OpenAPI document so new routes are covered automatically, refuses it. The one exception is the
 * demo: demo people of a demo practice on an instance in demo mode — all three must hold.
 */
let t: TestApp;
let demo: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  demo = await createTestApp({ demo: true });
});
afterAll(async () => {
  await t.close();
  await demo.close();
});

/** Routes anyone may call without a session (metrics take a bearer token instead). */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/metrics',
  'GET /api/practices',
  'GET /api/crisis-resources',
  'POST /api/setup',
  'POST /api/auth/password-strength',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/auth/password-reset/request',
  'GET /api/auth/password-reset/{token}',
  'POST /api/auth/password-reset/complete',
  'GET /api/invitations/lookup/{token}',
  'POST /api/invitations/accept',
  // A calendar app reads a feed with its secret token, never with a session.
  'GET /calendar/{token}.ics',
  // The practice's public side: its published pages, directory and photos, and enquiries by people
  // who have no account (their intake link carries its own secret token).
  'GET /api/public/practices/{slug}',
  'GET /api/public/practices/{slug}/pages/{page}',
  'GET /api/public/practices/{slug}/therapists',
  'GET /api/public/practices/{slug}/therapists/{therapistId}',
  'GET /media/{slug}/photos/{photoId}',
  'POST /api/public/practices/{slug}/intakes',
  'GET /api/public/intakes/{token}',
  'GET /api/public/intakes/{token}/slots',
  'POST /api/public/intakes/{token}/request',
]);

/** What each incomplete stage may still reach: finishing the sign-in, and saying who one is. */
const ALLOWED: Record<Exclude<SessionStage, 'active'>, Set<string>> = {
  mfa_enrolment: new Set([
    'GET /api/me',
    'POST /api/me/mfa/totp/start',
    'POST /api/me/mfa/totp/confirm',
    'POST /api/me/mfa/passkeys/options',
    'POST /api/me/mfa/passkeys',
  ]),
  mfa_required: new Set([
    'GET /api/me',
    'POST /api/auth/mfa/totp',
    'POST /api/auth/mfa/recovery',
    'POST /api/auth/mfa/passkey/options',
    'POST /api/auth/mfa/passkey',
  ]),
};

function operations(app: TestApp): { method: string; path: string }[] {
  const doc = app.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

async function demoPractice(ctx: AppContext, isDemo: boolean): Promise<string> {
  const id = crypto.randomUUID();
  await ctx.access.createPractice(
    { id, name: 'Demo Practice', slug: uniqueSlug('demo'), timeZone: 'Europe/London', isDemo },
    (practiceId) => systemActor(practiceId),
    async () => undefined,
  );
  return id;
}

async function person(ctx: AppContext, practiceId: string, roles: Role[], isDemo: boolean) {
  const email = `${roles[0]}-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const userId = await ctx.access.run(systemActor(practiceId), (tx) =>
    createUser(tx, { email, displayName: 'Demo person', passwordHash, roles, isDemo }),
  );
  return { practiceId, userId, email, password: FIXTURE_PASSWORD, roles };
}

describe('MFA is required for staff', () => {
  it.each(['admin', 'therapist', 'supervisor'] as const)(
    'a %s signing in with only a password must enrol first',
    async (role) => {
      const practiceId = await createPracticeFixture(t.ctx);
      const staff = await addPerson(t.ctx, practiceId, [role]);
      const { res } = await signInThroughApi(t.app, staff);
      expect(res.json()).toEqual({ stage: 'mfa_enrolment', mfaMethods: [] });
    },
  );

  it.each(['mfa_enrolment', 'mfa_required'] as const)(
    'a staff session in %s reaches no other route of the API',
    async (stage) => {
      const practiceId = await createPracticeFixture(t.ctx);
      const admin = await addPerson(t.ctx, practiceId, ['admin']);
      const cookie = await sessionCookie(t.ctx, admin, stage);
      const ops = operations(t);
      let refusedByStage = 0;
      for (const op of ops) {
        const key = `${op.method} ${op.path}`;
        if (PUBLIC.has(key) || ALLOWED[stage].has(key)) continue;
        const url = op.path.replace(/\{[^}]+\}/g, () => crypto.randomUUID());
        const hasBody = op.method !== 'GET' && op.method !== 'HEAD';
        const res = await t.app.inject({
          method: op.method as 'GET',
          url,
          headers: { cookie, ...(hasBody ? CSRF : {}) },
          ...(hasBody ? { payload: {} } : {}),
        });
        const body = res.json() as { error?: string };
        // Either the stage guard refused it, or the request never got past validation to a handler.
        expect([401, 400], `${key} answered ${res.statusCode}`).toContain(res.statusCode);
        if (res.statusCode === 401) {
          expect(body.error, key).toBe(`session_${stage}`);
          refusedByStage++;
        } else {
          expect(body.error, key).toBe('invalid_request');
        }
      }
      // Sanity: the sweep really exercised the guard on many routes (every route without a body at least).
      expect(refusedByStage).toBeGreaterThanOrEqual(8);
      // And the session is still the incomplete one it was.
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(me.json().session.stage).toBe(stage);
    },
  );

  it('each refusal of an incomplete session is audited as a denial naming the person, route and stage', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin, 'mfa_required');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    const denied = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'access.denied');
    expect(denied).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        actor_user_id: admin.userId,
        details: { route: '/api/audit', method: 'GET', stage: 'mfa_required' },
      }),
    ]);
  });

  it('the routes each incomplete stage may use exist, so the allow-lists above stay honest', () => {
    const known = new Set(operations(t).map((op) => `${op.method} ${op.path}`));
    for (const key of [...ALLOWED.mfa_enrolment, ...ALLOWED.mfa_required]) expect(known, key).toContain(key);
  });

  it('clients are not forced to enrol', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const client = await addPerson(t.ctx, practiceId, ['client']);
    const { res, cookie } = await signInThroughApi(t.app, client);
    expect(res.json().stage).toBe('active');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } })).json().mfa.required,
    ).toBe(false);
  });
});

describe('an enrolment session opened before the person set up a factor', () => {
  // Someone who knows a staff member's password signs in before that person has set up two-step
  // verification, and keeps the half-signed-in session. The staff member then sets up a factor in
  // their own browser. The old enrolment session must not be able to enrol a factor of its own and
  // become fully signed in: that would get round the factor the person now has (and leave a
  // second, unknown factor on their account).
  it('cannot enrol an authenticator app of its own once the person has a factor', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const admin = await addPerson(t.ctx, practiceId, ['admin']);
    const { res: signedIn, cookie: intruder } = await signInThroughApi(t.app, admin);
    expect(signedIn.json().stage).toBe('mfa_enrolment');
    // The person enrols a passkey in their own browser (its row is what enrolment writes).
    await scopedQuery(
      t.ctx,
      practiceId,
      `INSERT INTO mfa_passkeys (practice_id, user_id, credential_id, public_key, name)
       VALUES ($1, $2, 'their-own-passkey', '\\x00', 'Their laptop')`,
      [practiceId, admin.userId],
    );

    const start = await t.app.inject({
      method: 'POST',
      url: '/api/me/mfa/totp/start',
      headers: { ...CSRF, cookie: intruder ?? '' },
    });
    const secret = start.statusCode === 200 ? (start.json() as { secret: string }).secret : 'JBSWY3DPEHPK3PXP';
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/me/mfa/totp/confirm',
      headers: { ...CSRF, cookie: intruder ?? '' },
      payload: { code: await generate({ secret }) },
    });
    expect(confirm.statusCode).toBe(401);
    expect(confirm.json().message).toMatch(/sign in again/i);

    const totp = await scopedQuery(t.ctx, practiceId, 'SELECT 1 FROM mfa_totp WHERE confirmed_at IS NOT NULL');
    expect(totp).toHaveLength(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: intruder ?? '' } });
    expect(me.statusCode).toBe(401);
    const refused = (await auditEventsOf(t.ctx, practiceId)).find(
      (e) => e.action === 'mfa.totp_enrolled' && e.outcome === 'denied',
    );
    expect(refused?.details.reason).toBe('factor_exists');
  });
});

describe('the demo exception', () => {
  it('skips MFA for demo staff of a demo practice in demo mode', async () => {
    const practiceId = await demoPractice(demo.ctx, true);
    const therapist = await person(demo.ctx, practiceId, ['therapist'], true);
    const { res, cookie } = await signInThroughApi(demo.app, therapist);
    expect(res.json()).toEqual({ stage: 'active', mfaMethods: [] });
    const me = await demo.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });
    expect(me.json()).toMatchObject({ mfa: { required: false }, demoMode: true, practice: { isDemo: true } });
  });

  it('does not skip it for someone who is not a demo person, even in the demo practice', async () => {
    const practiceId = await demoPractice(demo.ctx, true);
    const real = await person(demo.ctx, practiceId, ['admin'], false);
    expect((await signInThroughApi(demo.app, real)).res.json().stage).toBe('mfa_enrolment');
  });

  it('does not skip it for a demo person of a real practice', async () => {
    const practiceId = await demoPractice(demo.ctx, false);
    const flagged = await person(demo.ctx, practiceId, ['therapist'], true);
    expect((await signInThroughApi(demo.app, flagged)).res.json().stage).toBe('mfa_enrolment');
  });

  it('does not skip it when the instance is not in demo mode', async () => {
    const practiceId = await demoPractice(t.ctx, true);
    const demoPerson = await person(t.ctx, practiceId, ['therapist'], true);
    const { res, cookie } = await signInThroughApi(t.app, demoPerson);
    expect(res.json().stage).toBe('mfa_enrolment');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookie ?? '' } });
    expect(me.json().mfa.required).toBe(true);
  });
});
