import crypto from 'node:crypto';
import type { Scoped } from '../access/access-layer.js';
import type { Config } from '../config.js';

/**
 * Attempt counting shared by every app node: one row per (practice, hashed key) in `auth_throttle`,
 * counted atomically before the attempt is judged, so parallel guesses cannot slip past the limit.
 * Keys are hashes of what they count (an e-mail address, an IP, a user id), never the value itself,
 * and an e-mail address is counted whether or not anyone in the practice uses it: a limit reached
 * for an unknown address looks exactly like one reached for a real account.
 */
export interface ThrottleRule {
  limit: number;
  windowSeconds: number;
}

export interface ThrottleResult {
  allowed: boolean;
  attempts: number;
  retryAfterSeconds: number;
}

export type ThrottleKind =
  'sign-in:email' | 'sign-in:ip' | 'reset:email' | 'reset:ip' | 'mfa:user' | 'password-confirm:user';

export function throttleKey(kind: ThrottleKind, value: string): Buffer {
  return crypto.createHash('sha256').update(`${kind}\u0000${value}`, 'utf8').digest();
}

/** Counts one attempt and says whether it is within the limit of the current window. */
export async function hitThrottle(tx: Scoped, key: Buffer, rule: ThrottleRule): Promise<ThrottleResult> {
  const result = await tx.query<{ attempts: number; retry_after: number }>(
    `INSERT INTO auth_throttle AS t (practice_id, key_hash, window_start, attempts)
     VALUES ($1, $2, now(), 1)
     ON CONFLICT (practice_id, key_hash) DO UPDATE SET
       attempts = CASE WHEN t.window_start <= now() - make_interval(secs => $3) THEN 1 ELSE t.attempts + 1 END,
       window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $3) THEN now() ELSE t.window_start END
     RETURNING attempts,
       greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now())))::int AS retry_after`,
    [tx.actor.practiceId, key, rule.windowSeconds],
  );
  const row = result.rows[0];
  if (!row) throw new Error('throttle upsert returned no row');
  return { allowed: row.attempts <= rule.limit, attempts: row.attempts, retryAfterSeconds: row.retry_after };
}

export async function clearThrottle(tx: Scoped, key: Buffer): Promise<void> {
  await tx.query('DELETE FROM auth_throttle WHERE key_hash = $1', [key]);
}

/** Forgets windows that ended long ago (called on successful sign-ins; the table stays small). */
export async function pruneThrottle(tx: Scoped): Promise<void> {
  await tx.query(`DELETE FROM auth_throttle WHERE window_start < now() - interval '1 day'`);
}

/**
 * The limits. Sign-in by e-mail address: `signInMaxFailures` attempts per lock period (the same
 * number that locks a real account, so both look alike). By IP: twenty times that, enough for a
 * whole practice signing in from one office. Password-reset requests: a few an hour. Second-factor
 * codes and password confirmations: `signInMaxFailures` per lock period per person.
 */
export function throttleRules(config: Pick<Config, 'signInMaxFailures' | 'signInLockMinutes'>) {
  const lockWindow = config.signInLockMinutes * 60;
  return {
    signInEmail: { limit: config.signInMaxFailures, windowSeconds: lockWindow },
    signInIp: { limit: config.signInMaxFailures * 20, windowSeconds: lockWindow },
    resetEmail: { limit: 3, windowSeconds: 3600 },
    resetIp: { limit: 30, windowSeconds: 3600 },
    mfa: { limit: config.signInMaxFailures, windowSeconds: lockWindow },
    passwordConfirm: { limit: config.signInMaxFailures, windowSeconds: lockWindow },
  } satisfies Record<string, ThrottleRule>;
}

export function minutesFrom(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
