import type { Scoped } from '../access/access-layer.js';
import type { Role, SessionStage } from '../db/schema.js';
import { hashSecret, newSecret } from './tokens.js';

/** DB-backed opaque sessions: idle and absolute timeouts, rotation, listing and revocation. */
export interface SessionPolicy {
  staffIdleMinutes: number;
  clientIdleMinutes: number;
  absoluteHours: number;
}

export interface NewSession {
  id: string;
  secret: string;
  absoluteExpiresAt: Date;
}

export interface ResolvedSession {
  id: string;
  userId: string;
  stage: SessionStage;
  roles: Role[];
  displayName: string;
  email: string;
  isDemoUser: boolean;
  createdAt: Date;
  absoluteExpiresAt: Date;
  idleMinutes: number;
}

export function idleMinutesFor(roles: readonly Role[], policy: SessionPolicy): number {
  return roles.some((r) => r !== 'client') ? policy.staffIdleMinutes : policy.clientIdleMinutes;
}

export async function createSession(
  tx: Scoped,
  input: {
    userId: string;
    stage: SessionStage;
    roles: readonly Role[];
    policy: SessionPolicy;
    userAgent?: string | undefined;
    ip?: string | undefined;
    absoluteExpiresAt?: Date;
    mfaMethod?: string | null;
  },
): Promise<NewSession> {
  const secret = newSecret();
  const absoluteExpiresAt = input.absoluteExpiresAt ?? new Date(Date.now() + input.policy.absoluteHours * 3_600_000);
  const result = await tx.query<{ id: string }>(
    `INSERT INTO sessions (practice_id, user_id, token_hash, stage, idle_minutes, absolute_expires_at, user_agent, ip,
       mfa_method)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      tx.actor.practiceId,
      input.userId,
      hashSecret(secret),
      input.stage,
      idleMinutesFor(input.roles, input.policy),
      absoluteExpiresAt,
      input.userAgent?.slice(0, 300) ?? null,
      input.ip ?? null,
      input.mfaMethod ?? null,
    ],
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error('session insert returned no id');
  return { id, secret, absoluteExpiresAt };
}

interface SessionRow {
  id: string;
  user_id: string;
  stage: SessionStage;
  created_at: Date;
  absolute_expires_at: Date;
  idle_minutes: number;
  idle_expired: boolean;
  absolute_expired: boolean;
  display_name: string;
  email: string;
  status: string;
  is_demo: boolean;
  roles: Role[] | null;
}

/**
 * The statement that finds the live session for a secret and refreshes `last_seen_at` (at most every
 * 15 seconds): one call of `app_resolve_session` (migration 0002, plans cached per connection), so
 * the access layer can run it in a single round trip per request.
 */
export function sessionLookupStatement(secret: string, lit: (value: string) => string): string {
  return `SELECT * FROM app_resolve_session(decode(${lit(hashSecret(secret).toString('hex'))}, 'hex'))`;
}

/** Maps a looked-up row to a live session, or undefined when it has expired (see `expireSession`). */
export function liveSession(row: SessionRow | undefined): ResolvedSession | undefined {
  if (!row || row.idle_expired || row.absolute_expired || row.status !== 'active') return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage,
    roles: row.roles ?? [],
    displayName: row.display_name,
    email: row.email,
    isDemoUser: row.is_demo,
    createdAt: row.created_at,
    absoluteExpiresAt: row.absolute_expires_at,
    idleMinutes: row.idle_minutes,
  };
}

export type { SessionRow };

/** Revokes a session found expired (idle, absolute, or its account disabled) and records why. */
export async function expireSession(tx: Scoped, row: SessionRow): Promise<void> {
  const reason = row.status !== 'active' ? 'account_disabled' : row.idle_expired ? 'idle_timeout' : 'expired';
  const revoked = await tx.query(
    'UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
    [row.id, reason],
  );
  if ((revoked.rowCount ?? 0) === 0) return;
  tx.audit({
    action: 'session.expired',
    subjectType: 'session',
    subjectId: row.id,
    subjectUserId: row.user_id,
    details: { reason },
  });
}

/** Finds the live session for a secret inside an already scoped transaction. */
export async function resolveSession(tx: Scoped, secret: string): Promise<ResolvedSession | undefined> {
  const result = await tx.query<SessionRow>(sessionLookupStatement(secret, (v) => tx.client.escapeLiteral(v)));
  const row = result.rows[0];
  const live = liveSession(row);
  if (row && !live) await expireSession(tx, row);
  return live;
}

/**
 * Rotation: the old secret stops working and a new one is issued, keeping the absolute deadline.
 * Used when a session gains privilege (MFA passed or enrolled).
 */
export async function rotateSession(
  tx: Scoped,
  current: ResolvedSession,
  input: { stage: SessionStage; policy: SessionPolicy; userAgent?: string; ip?: string; mfaMethod?: string | null },
): Promise<NewSession> {
  await revokeSession(tx, current.id, 'rotated');
  return createSession(tx, {
    userId: current.userId,
    stage: input.stage,
    roles: current.roles,
    policy: input.policy,
    userAgent: input.userAgent,
    ip: input.ip,
    absoluteExpiresAt: current.absoluteExpiresAt,
    mfaMethod: input.mfaMethod ?? null,
  });
}

export async function revokeSession(tx: Scoped, sessionId: string, reason: string): Promise<boolean> {
  const result = await tx.query(
    'UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
    [sessionId, reason],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function revokeUserSessions(
  tx: Scoped,
  userId: string,
  reason: string,
  exceptSessionId?: string,
): Promise<number> {
  const result = await tx.query(
    `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
      WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
    [userId, reason, exceptSessionId ?? null],
  );
  return result.rowCount ?? 0;
}
