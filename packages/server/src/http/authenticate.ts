import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AccessLayer } from '../access/access-layer.js';
import { systemActor, type Actor } from '../access/actor.js';
import type { Role, SessionStage } from '../db/schema.js';
import type { NewSession, ResolvedSession } from '../sessions/session-store.js';
import { expireSession, liveSession, sessionLookupStatement, type SessionRow } from '../sessions/session-store.js';
import { formatToken, parseToken } from '../sessions/tokens.js';

/**
 * Resolves the session cookie on every API request (one scoped transaction) and offers guards that
 * refuse, and audit, a request without the right session stage or role.
 */
export interface RequestAuth {
  actor: Actor;
  session: ResolvedSession;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
    /** Why a session cookie that was sent no longer works: it expired, or it was ended. */
    sessionEnded: 'expired' | 'revoked' | null;
  }
}

export interface CookieSettings {
  name: string;
  secure: boolean;
}

export function cookieSettings(publicUrl: string): CookieSettings {
  const secure = publicUrl.startsWith('https://');
  // __Host- needs Secure; plain-http localhost relaxes Secure only (ENGINEERING.md).
  return { name: secure ? '__Host-uc_session' : 'uc_session', secure };
}

export function setSessionCookie(
  reply: FastifyReply,
  cookie: CookieSettings,
  practiceId: string,
  session: NewSession,
): void {
  reply.setCookie(cookie.name, formatToken(practiceId, session.secret), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookie.secure,
    expires: session.absoluteExpiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookie.secure });
}

export function requestActor(request: FastifyRequest, practiceId: string): Actor {
  return systemActor(practiceId, request.id, request.ip);
}

export function installAuthentication(app: FastifyInstance, access: AccessLayer, cookie: CookieSettings): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionEnded', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = parseToken(request.cookies[cookie.name]);
    if (!token) return;
    const actor = requestActor(request, token.practiceId);
    const rows = await access.oneShot<SessionRow>(actor, (client) =>
      sessionLookupStatement(token.secret, (v) => client.escapeLiteral(v)),
    );
    const session = liveSession(rows[0]);
    if (!session) {
      const expired = rows[0];
      request.sessionEnded = expired ? 'expired' : 'revoked';
      if (expired) await access.run(actor, (tx) => expireSession(tx, expired));
      return;
    }
    request.auth = {
      session,
      actor: {
        practiceId: token.practiceId,
        userId: session.userId,
        roles: session.stage === 'active' ? session.roles : [],
        sessionId: session.id,
        requestId: request.id,
        ip: request.ip,
      },
    };
  });
}

export interface GuardOptions {
  /** Session stages allowed; default: only a fully signed-in ('active') session. */
  stages?: SessionStage[];
  /** Any one of these roles is enough; default: any signed-in person. */
  roles?: Role[];
}

export function guard(access: AccessLayer, options: GuardOptions = {}): preHandlerAsyncHookHandler {
  const stages = options.stages ?? ['active'];
  return async function guardHandler(request, reply) {
    const auth = request.auth;
    if (!auth) {
      if (request.sessionEnded === 'expired') {
        return reply.status(401).send({
          error: 'session_expired',
          message:
            'Your session ended because it was idle for a while or reached its time limit. Please sign in again.',
        });
      }
      if (request.sessionEnded === 'revoked') {
        return reply.status(401).send({
          error: 'session_revoked',
          message: 'You have been signed out, perhaps from another device or by the practice. Please sign in again.',
        });
      }
      return reply.status(401).send({ error: 'unauthenticated', message: 'Please sign in to continue.' });
    }
    const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    if (!stages.includes(auth.session.stage)) {
      // Someone who got past the password is refused: recorded like any other denial.
      await access.recordOutside(auth.actor, [
        {
          action: 'access.denied',
          outcome: 'denied',
          details: { route, method: request.method, stage: auth.session.stage },
        },
      ]);
      const message =
        auth.session.stage === 'mfa_enrolment'
          ? 'Set up two-step verification to continue.'
          : auth.session.stage === 'mfa_required'
            ? 'Enter your verification code to continue.'
            : 'Your session cannot do that.';
      return reply.status(401).send({ error: `session_${auth.session.stage}`, message });
    }
    if (options.roles && !options.roles.some((role) => auth.session.roles.includes(role))) {
      await access.recordOutside(auth.actor, [
        {
          action: 'access.denied',
          outcome: 'denied',
          details: { route, method: request.method },
        },
      ]);
      return reply.status(403).send({ error: 'forbidden', message: 'You do not have permission to do that.' });
    }
  };
}

/** The signed-in actor of a guarded route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new Error('actorOf() used on a route without a guard');
  return request.auth.actor;
}
