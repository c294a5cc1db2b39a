import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFieldErrors } from '../../accounts/field-error.js';
import { assessPassword } from '../../accounts/password-policy.js';
import { minutesFrom } from '../../accounts/throttle.js';
import { HttpError } from '../../access/errors.js';
import { clearSessionCookie, setSessionCookie } from '../../http/authenticate.js';
import { PerAddressLimit } from '../../http/per-address-limit.js';
import { Email, Ok, Password, Uuid, withErrors } from '../../http/schemas.js';
import { revokeSession } from '../../sessions/session-store.js';
import { completePasswordReset, lookUpPasswordReset, requestPasswordReset } from './password-reset.js';
import { signIn } from './sign-in.js';

export const INVALID_CREDENTIALS =
  'The e-mail address or password is not right, or this account cannot sign in at the moment. ' +
  'Check both and try again, or reset your password.';

const PasswordStrength = Type.Object({
  acceptable: Type.Boolean(),
  score: Type.Integer({ minimum: 0, maximum: 4 }),
  problem: Type.Union([Type.String(), Type.Null()], { description: 'Why it would be refused, if it would' }),
  warning: Type.Union([Type.String(), Type.Null()]),
  suggestions: Type.Array(Type.String()),
});

const MfaMethodSchema = Type.Union([Type.Literal('totp'), Type.Literal('passkey'), Type.Literal('recovery')]);
const StageSchema = Type.Union([Type.Literal('mfa_required'), Type.Literal('mfa_enrolment'), Type.Literal('active')]);

/** Signing in and out, password strength and password reset. None of these needs a session. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The strength check costs CPU and needs no sign-in: at most 120 checks a minute per address per node.
  const strengthChecks = new PerAddressLimit(120, 60_000);
  installFieldErrors(app);
  const ctx = app.ctx;

  app.post(
    '/api/auth/password-strength',
    {
      schema: {
        tags: ['auth'],
        summary: 'How strong a proposed password is, and why it would be refused if it would',
        body: Type.Object(
          {
            password: Type.String({ maxLength: 1024 }),
            email: Type.Optional(Type.String({ maxLength: 320 })),
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: PasswordStrength }),
      },
    },
    async (request, reply) => {
      const wait = strengthChecks.take(request.ip);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        throw new HttpError(
          429,
          `Too many checks from this address. Try again in ${wait} seconds.`,
          'too_many_attempts',
        );
      }
      const { password, email, displayName } = request.body;
      return assessPassword(password, [email ?? '', displayName ?? '']);
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; starts a new session at the stage the account needs',
        description:
          'An unknown e-mail address, a wrong password, a locked and a disabled account all get the same 401. ' +
          'Too many attempts for one address or from one IP get a 429 (with Retry-After), the same for every address.',
        body: Type.Object({ practiceId: Uuid, email: Email, password: Password }, { additionalProperties: false }),
        response: withErrors({
          200: Type.Object({ stage: StageSchema, mfaMethods: Type.Array(MfaMethodSchema) }),
        }),
      },
    },
    async (request, reply) => {
      const outcome = await signIn(ctx, {
        practiceId: request.body.practiceId.toLowerCase(),
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        requestId: request.id,
        userAgent: request.headers['user-agent'],
        carried: request.auth,
      });
      if (outcome.kind === 'throttled') {
        clearSessionCookie(reply, ctx.cookie);
        reply.header('retry-after', String(outcome.retryAfterSeconds));
        return reply.status(429).send({
          error: 'too_many_attempts',
          message:
            `There have been too many sign-in attempts for this e-mail address or from this network. ` +
            `Please wait ${minutesFrom(outcome.retryAfterSeconds)} and try again, or reset your password.`,
        });
      }
      if (outcome.kind === 'invalid') {
        clearSessionCookie(reply, ctx.cookie);
        return reply.status(401).send({ error: 'invalid_credentials', message: INVALID_CREDENTIALS });
      }
      setSessionCookie(reply, ctx.cookie, request.body.practiceId.toLowerCase(), outcome.session);
      return { stage: outcome.stage, mfaMethods: outcome.mfaMethods };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session (at any stage) and clears the cookie',
        response: withErrors({ 200: Ok }),
      },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) {
        await ctx.access.run(auth.actor, async (tx) => {
          if (await revokeSession(tx, auth.session.id, 'signed_out')) {
            tx.audit({
              action: 'auth.sign_out',
              subjectType: 'session',
              subjectId: auth.session.id,
              subjectUserId: auth.session.userId,
            });
          }
        });
      }
      clearSessionCookie(reply, ctx.cookie);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by e-mail (the answer is the same for unknown addresses)',
        body: Type.Object({ practiceId: Uuid, email: Email }, { additionalProperties: false }),
        response: withErrors({ 202: Ok }),
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, {
        practiceId: request.body.practiceId.toLowerCase(),
        email: request.body.email,
        ip: request.ip,
        requestId: request.id,
      });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.get(
    '/api/auth/password-reset/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'What a password reset link is for, before the new password is chosen',
        params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        response: withErrors({
          200: Type.Object({
            email: Type.String(),
            practiceName: Type.String(),
            expiresAt: Type.String({ format: 'date-time' }),
          }),
        }),
      },
    },
    async (request) => {
      const reset = await lookUpPasswordReset(ctx, request.params.token, request.id);
      return { email: reset.email, practiceName: reset.practiceName, expiresAt: reset.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with a reset link; ends every session of that person',
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request, reply) => {
      const done = await completePasswordReset(ctx, {
        token: request.body.token,
        password: request.body.password,
        requestId: request.id,
        ip: request.ip,
      });
      if (request.auth?.session.userId === done.userId) clearSessionCookie(reply, ctx.cookie);
      return { ok: true as const };
    },
  );
};
