import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFieldErrors } from '../../accounts/field-error.js';
import type { FastifyRequest } from 'fastify';
import { clearSessionCookie, guard, setSessionCookie, type RequestAuth } from '../../http/authenticate.js';
import { Ok, Password, RoleSchema, Uuid, withErrors } from '../../http/schemas.js';
import { changePassword } from './change-password.js';
import { describeMe } from './me.js';
import { myRecordAccess } from './record-access.js';
import { listMySessions, revokeMyOtherSessions, revokeMySession } from './sessions.js';

const Stage = Type.Union([Type.Literal('mfa_required'), Type.Literal('mfa_enrolment'), Type.Literal('active')]);
const DateTime = Type.String({ format: 'date-time' });

const MeResponse = Type.Object({
  user: Type.Object({ id: Uuid, email: Type.String(), displayName: Type.String(), roles: Type.Array(RoleSchema) }),
  practice: Type.Object({ id: Uuid, name: Type.String(), isDemo: Type.Boolean() }),
  session: Type.Object({
    id: Uuid,
    stage: Stage,
    expiresAt: Type.String({ format: 'date-time', description: 'Absolute end of the session' }),
    idleMinutes: Type.Integer({ description: 'The session ends after this long without a request' }),
  }),
  mfa: Type.Object({
    totp: Type.Boolean(),
    passkeys: Type.Integer({ minimum: 0 }),
    recoveryCodesLeft: Type.Integer({ minimum: 0 }),
    required: Type.Boolean({ description: 'Staff must use two-step verification (not demo people in demo mode)' }),
  }),
  demoMode: Type.Boolean(),
});

function auth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new Error('a guarded route ran without a session');
  return request.auth;
}

/** My account: who I am, my password, my sessions and who has opened my record. */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  installFieldErrors(app);
  const ctx = app.ctx;
  const anyStage = guard(ctx.access, { stages: ['mfa_required', 'mfa_enrolment', 'active'] });
  const signedIn = guard(ctx.access, { stages: ['active'] });

  app.get(
    '/api/me',
    {
      preHandler: anyStage,
      schema: {
        tags: ['account'],
        summary: 'Who I am, my practice, my session and my second factors (any session stage)',
        response: withErrors({ 200: MeResponse }),
      },
    },
    async (request) => describeMe(ctx, auth(request)),
  );

  app.post(
    '/api/me/password',
    {
      preHandler: signedIn,
      schema: {
        tags: ['account'],
        summary: 'Change my password; my other sessions end and this one is renewed',
        body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request, reply) => {
      const fresh = await changePassword(ctx, auth(request), {
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      setSessionCookie(reply, ctx.cookie, auth(request).actor.practiceId, fresh);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/sessions',
    {
      preHandler: signedIn,
      schema: {
        tags: ['account'],
        summary: 'My live sessions, newest activity first',
        response: withErrors({
          200: Type.Array(
            Type.Object({
              id: Uuid,
              current: Type.Boolean(),
              createdAt: DateTime,
              lastSeenAt: DateTime,
              expiresAt: Type.String({
                format: 'date-time',
                description: 'When it ends if left idle (or at its absolute end, if sooner)',
              }),
              userAgent: Type.Union([Type.String(), Type.Null()]),
              ip: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        }),
      },
    },
    async (request) => listMySessions(ctx, auth(request)),
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      preHandler: signedIn,
      schema: {
        tags: ['account'],
        summary: 'End one of my sessions (ending the current one signs me out)',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request, reply) => {
      const wasCurrent = await revokeMySession(ctx, auth(request), request.params.id);
      if (wasCurrent) clearSessionCookie(reply, ctx.cookie);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/sessions/revoke-others',
    {
      preHandler: signedIn,
      schema: {
        tags: ['account'],
        summary: 'End all my sessions except this one',
        response: withErrors({ 200: Type.Object({ revoked: Type.Integer({ minimum: 0 }) }) }),
      },
    },
    async (request) => ({ revoked: await revokeMyOtherSessions(ctx, auth(request)) }),
  );

  app.get(
    '/api/me/record-access',
    {
      preHandler: signedIn,
      schema: {
        tags: ['account'],
        summary: 'Who has opened or changed my record, newest first (this read is itself recorded)',
        response: withErrors({
          200: Type.Array(
            Type.Object({
              occurredAt: DateTime,
              actorName: Type.String(),
              actorRole: Type.Union([Type.String(), Type.Null()]),
              action: Type.String(),
              outcome: Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
            }),
          ),
        }),
      },
    },
    async (request) => myRecordAccess(ctx, auth(request)),
  );
};
