import { HttpError } from '../../access/errors.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { revokeSession, revokeUserSessions } from '../../sessions/session-store.js';

/** My live sessions: list them, end one, end all but this one. */
export interface SessionSummary {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

export async function listMySessions(ctx: AppContext, auth: RequestAuth): Promise<SessionSummary[]> {
  const result = await ctx.access.run(auth.actor, (tx) =>
    tx.query<{
      id: string;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      user_agent: string | null;
      ip: string | null;
    }>(
      `SELECT id, created_at, last_seen_at,
              least(absolute_expires_at, last_seen_at + make_interval(mins => idle_minutes)) AS expires_at,
              user_agent, ip
         FROM sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND absolute_expires_at > now()
          AND last_seen_at > now() - make_interval(mins => idle_minutes)
        ORDER BY last_seen_at DESC, created_at DESC`,
      [auth.session.userId],
    ),
  );
  return result.rows.map((r) => ({
    id: r.id,
    current: r.id === auth.session.id,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    userAgent: r.user_agent,
    ip: r.ip,
  }));
}

/** Ends one of my sessions; answers whether it was the one making the request. */
export async function revokeMySession(ctx: AppContext, auth: RequestAuth, sessionId: string): Promise<boolean> {
  const userId = auth.session.userId;
  await ctx.access.run(auth.actor, async (tx) => {
    const mine = await tx.query('SELECT 1 FROM sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL', [
      sessionId,
      userId,
    ]);
    if ((mine.rowCount ?? 0) === 0 || !(await revokeSession(tx, sessionId, 'revoked_by_user'))) {
      throw new HttpError(404, 'That session has already ended.', 'not_found');
    }
    tx.audit({
      action: 'session.revoked',
      subjectType: 'session',
      subjectId: sessionId,
      subjectUserId: userId,
      details: { reason: 'revoked_by_user', current: sessionId === auth.session.id },
    });
  });
  return sessionId === auth.session.id;
}

export async function revokeMyOtherSessions(ctx: AppContext, auth: RequestAuth): Promise<number> {
  const userId = auth.session.userId;
  return ctx.access.run(auth.actor, async (tx) => {
    const revoked = await revokeUserSessions(tx, userId, 'revoked_by_user', auth.session.id);
    tx.audit({
      action: 'session.revoked',
      subjectType: 'user',
      subjectId: userId,
      subjectUserId: userId,
      details: { reason: 'revoked_by_user', count: revoked, others: true },
    });
    return revoked;
  });
}
