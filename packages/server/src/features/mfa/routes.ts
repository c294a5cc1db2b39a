import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFieldErrors } from '../../accounts/field-error.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuthenticationResponseJSON as AuthResponse,
  RegistrationResponseJSON as RegResponse,
} from '@simplewebauthn/server';
import { clearSessionCookie, guard, setSessionCookie, type RequestAuth } from '../../http/authenticate.js';
import { Ok, Password, Uuid, withErrors } from '../../http/schemas.js';
import type { NewSession } from '../../sessions/session-store.js';
import { confirmTotp, removeTotp, startTotp } from './enrol-totp.js';
import { listPasskeys, passkeyRegistrationOptions, registerPasskey, removePasskey } from './enrol-passkey.js';
import { isRefusal, type Refusal, type RequestMeta } from './factors.js';
import { passkeySignInOptions, verifyPasskeyAtSignIn } from './passkey-sign-in.js';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.js';
import { verifyCodeAtSignIn } from './second-factor-codes.js';
import {
  AuthenticationResponseJSON,
  CreationOptionsJSON,
  RegistrationResponseJSON,
  RequestOptionsJSON,
} from './webauthn-schemas.js';

/**
 * Second factors: passing one at sign-in (/api/auth/mfa/*, stage mfa_required) and managing one's
 * own (/api/me/mfa/*: adding while enrolling or signed in; listing and removing only fully signed in).
 */
const Code = Type.String({ minLength: 1, maxLength: 40, description: 'As typed; spaces and dashes are ignored' });
const Active = Type.Object({ stage: Type.Literal('active') });
const RecoveryCodes = Type.Union([Type.Array(Type.String()), Type.Null()], {
  description: 'Ten recovery codes when this was the first factor (shown only this once), otherwise null',
});

function auth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new Error('a guarded route ran without a session');
  return request.auth;
}

function meta(request: FastifyRequest): RequestMeta {
  return { userAgent: request.headers['user-agent'], ip: request.ip };
}

/** Throws a refusal after its transaction committed; otherwise hands the new session to the browser. */
function settle<T extends object>(
  reply: FastifyReply,
  request: FastifyRequest,
  result: T | Refusal,
  session: (value: T) => NewSession | null,
): T {
  const ctx = request.server.ctx;
  if (isRefusal(result)) {
    if (result.signedOut) clearSessionCookie(reply, ctx.cookie);
    throw result.refused;
  }
  const fresh = session(result);
  if (fresh) setSessionCookie(reply, ctx.cookie, auth(request).actor.practiceId, fresh);
  return result;
}

export const mfaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  installFieldErrors(app);
  const ctx = app.ctx;
  const signingIn = guard(ctx.access, { stages: ['mfa_required'] });
  const enrolling = guard(ctx.access, { stages: ['mfa_enrolment', 'active'] });
  const signedIn = guard(ctx.access, { stages: ['active'] });

  app.post(
    '/api/auth/mfa/totp',
    {
      preHandler: signingIn,
      schema: {
        tags: ['auth'],
        summary: 'Second step of signing in: a code from the authenticator app (the session is renewed)',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: withErrors({ 200: Active }),
      },
    },
    async (request, reply) => {
      const result = await verifyCodeAtSignIn(ctx, auth(request), meta(request), 'totp', request.body.code);
      settle(reply, request, result, (r) => r.session);
      return { stage: 'active' as const };
    },
  );

  app.post(
    '/api/auth/mfa/recovery',
    {
      preHandler: signingIn,
      schema: {
        tags: ['auth'],
        summary: 'Second step of signing in: a single-use recovery code (the session is renewed)',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: withErrors({
          200: Type.Object({ stage: Type.Literal('active'), recoveryCodesLeft: Type.Integer({ minimum: 0 }) }),
        }),
      },
    },
    async (request, reply) => {
      const result = await verifyCodeAtSignIn(ctx, auth(request), meta(request), 'recovery', request.body.code);
      const passed = settle(reply, request, result, (r) => r.session);
      return { stage: 'active' as const, recoveryCodesLeft: passed.recoveryCodesLeft };
    },
  );

  app.post(
    '/api/auth/mfa/passkey/options',
    {
      preHandler: signingIn,
      schema: {
        tags: ['auth'],
        summary: 'Second step of signing in with a passkey: the WebAuthn request options',
        response: withErrors({ 200: RequestOptionsJSON }),
      },
    },
    async (request) => passkeySignInOptions(ctx, auth(request)),
  );

  app.post(
    '/api/auth/mfa/passkey',
    {
      preHandler: signingIn,
      schema: {
        tags: ['auth'],
        summary: 'Second step of signing in: the passkey’s answer (the session is renewed)',
        body: Type.Object({ response: AuthenticationResponseJSON }, { additionalProperties: false }),
        response: withErrors({ 200: Active }),
      },
    },
    async (request, reply) => {
      const response = { clientExtensionResults: {}, ...request.body.response } as AuthResponse;
      const result = await verifyPasskeyAtSignIn(ctx, auth(request), meta(request), response);
      settle(reply, request, result, (r) => r.session);
      return { stage: 'active' as const };
    },
  );

  app.post(
    '/api/me/mfa/totp/start',
    {
      preHandler: enrolling,
      schema: {
        tags: ['mfa'],
        summary: 'Start setting up an authenticator app: a new secret, its otpauth URL and a QR code',
        response: withErrors({
          200: Type.Object({
            secret: Type.String({ description: 'Base32, for typing in by hand' }),
            otpauthUrl: Type.String(),
            qrDataUrl: Type.String({ description: 'data:image/png;base64,…' }),
          }),
        }),
      },
    },
    async (request) => startTotp(ctx, auth(request)),
  );

  app.post(
    '/api/me/mfa/totp/confirm',
    {
      preHandler: enrolling,
      schema: {
        tags: ['mfa'],
        summary: 'Finish setting up the authenticator app with its first code',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ recoveryCodes: RecoveryCodes, stage: Type.Literal('active') }) }),
      },
    },
    async (request, reply) => {
      const result = await confirmTotp(ctx, auth(request), meta(request), request.body.code);
      const done = settle(reply, request, result, (r) => r.newSession);
      return { recoveryCodes: done.recoveryCodes, stage: done.stage };
    },
  );

  app.delete(
    '/api/me/mfa/totp',
    {
      preHandler: signedIn,
      schema: {
        tags: ['mfa'],
        summary: 'Remove the authenticator app (password needed; staff cannot remove their only factor)',
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await removeTotp(ctx, auth(request), request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/mfa/passkeys/options',
    {
      preHandler: enrolling,
      schema: {
        tags: ['mfa'],
        summary: 'Start adding a passkey: the WebAuthn creation options',
        response: withErrors({ 200: CreationOptionsJSON }),
      },
    },
    async (request) => passkeyRegistrationOptions(ctx, auth(request)),
  );

  app.post(
    '/api/me/mfa/passkeys',
    {
      preHandler: enrolling,
      schema: {
        tags: ['mfa'],
        summary: 'Finish adding a passkey with the browser’s answer',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }), response: RegistrationResponseJSON },
          { additionalProperties: false },
        ),
        response: withErrors({
          200: Type.Object({ id: Uuid, recoveryCodes: RecoveryCodes, stage: Type.Literal('active') }),
        }),
      },
    },
    async (request, reply) => {
      const response = { clientExtensionResults: {}, ...request.body.response } as RegResponse;
      const result = await registerPasskey(ctx, auth(request), meta(request), request.body.name, response);
      const added = settle(reply, request, result, (r) => r.newSession);
      return { id: added.id, recoveryCodes: added.recoveryCodes, stage: added.stage };
    },
  );

  app.get(
    '/api/me/mfa/passkeys',
    {
      preHandler: signedIn,
      schema: {
        tags: ['mfa'],
        summary: 'My passkeys',
        response: withErrors({
          200: Type.Array(
            Type.Object({
              id: Uuid,
              name: Type.String(),
              createdAt: Type.String({ format: 'date-time' }),
              lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            }),
          ),
        }),
      },
    },
    async (request) => listPasskeys(ctx, auth(request)),
  );

  app.delete(
    '/api/me/mfa/passkeys/:id',
    {
      preHandler: signedIn,
      schema: {
        tags: ['mfa'],
        summary: 'Remove one of my passkeys (password needed; staff cannot remove their only factor)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      await removePasskey(ctx, auth(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      preHandler: signedIn,
      schema: {
        tags: ['mfa'],
        summary: 'Replace my recovery codes with ten new ones (password needed; shown only this once)',
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }) }),
      },
    },
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(ctx, auth(request), request.body.password) }),
  );
};
