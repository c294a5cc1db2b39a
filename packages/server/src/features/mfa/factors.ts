import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { FieldError } from '../../accounts/field-error.js';
import { isStaff, mfaState, type MfaState } from '../../accounts/users.js';
import type { AuditInput } from '../../audit/audit-event.js';
import type { AppContext } from '../../context.js';
import type { Role, SessionStage } from '../../db/schema.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { lockLiveSession, type LockedSession } from '../../sessions/session-lock.js';
import { sessionPolicy } from '../../sessions/session-policy.js';
import { revokeSession, rotateSession, type NewSession } from '../../sessions/session-store.js';

/** Rules shared by every second factor: which stage may do what, the last-factor rule, rotation. */
export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

export interface RequestMeta {
  userAgent: string | undefined;
  ip: string;
}

/** Locks the request's session and checks it is still at one of the given stages. */
export async function lockSessionAt(tx: Scoped, auth: RequestAuth, stages: SessionStage[]): Promise<LockedSession> {
  const locked = await lockLiveSession(tx, auth.session.id);
  if (!locked || !stages.includes(locked.stage)) throw new HttpError(401, SESSION_ENDED, 'unauthenticated');
  return locked;
}

export const FACTOR_SET_UP_SINCE =
  'Two-step verification has been set up for this account since this sign-in began, so this sign-in has ended. ' +
  'Please sign in again and use it.';

/**
 * An enrolment session ('mfa_enrolment') exists only because the person had no second factor when it
 * began. If they have one now (set up in another browser, say), that session must not enrol a factor
 * of its own and so become fully signed in without ever passing the existing one: it is ended, the
 * refusal is audited with the caller's event, and the refusal is returned (to be thrown after the
 * commit). Enrolments of one person are decided one at a time, so two racing sessions cannot both
 * count as the first. Answers the person's factors when the enrolment may go on.
 */
export async function enrolmentMayContinue(
  tx: Scoped,
  locked: LockedSession,
  userId: string,
  event: AuditInput,
): Promise<MfaState | Refusal> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-mfa-enrol:${userId}`]);
  const state = await mfaState(tx, userId);
  if (locked.stage !== 'mfa_enrolment' || factorCount(state) === 0) return state;
  await revokeSession(tx, locked.id, 'factor_exists');
  tx.audit({ ...event, outcome: 'denied', details: { ...event.details, reason: 'factor_exists' } });
  return refusal(401, FACTOR_SET_UP_SINCE, 'unauthenticated', true);
}

/** The new, fully signed-in session that replaces one that has just passed or enrolled a factor. */
export function promoteSession(
  tx: Scoped,
  ctx: AppContext,
  auth: RequestAuth,
  meta: RequestMeta,
  mfaMethod: string,
): Promise<NewSession> {
  return rotateSession(tx, auth.session, {
    stage: 'active',
    policy: sessionPolicy(ctx.config),
    userAgent: meta.userAgent,
    ip: meta.ip,
    mfaMethod,
  });
}

export function factorCount(state: MfaState): number {
  return (state.totp ? 1 : 0) + state.passkeys;
}

/**
 * Staff must keep at least one factor: refuses (409) removing the last one. The refusal is audited
 * with the caller's event (kept although the transaction rolls back).
 */
export async function assertNotLastStaffFactor(
  tx: Scoped,
  userId: string,
  roles: readonly Role[],
  refusal: AuditInput,
): Promise<MfaState> {
  const state = await mfaState(tx, userId);
  if (isStaff(roles) && factorCount(state) <= 1) {
    tx.audit({ ...refusal, outcome: 'denied', details: { ...refusal.details, reason: 'last_factor' } });
    throw new HttpError(
      409,
      'Staff accounts must keep two-step verification. Add another way to verify (an authenticator app or a passkey) first, then remove this one.',
      'last_factor',
    );
  }
  return state;
}

/**
 * A refusal decided inside a transaction whose other effects (an attempt counted, a challenge used
 * up, a session ended) must still be committed: returned from the work, thrown after the commit.
 */
export interface Refusal {
  refused: HttpError;
  signedOut: boolean;
}

export function refusal(status: number, message: string, code: string, signedOut = false): Refusal {
  return { refused: new HttpError(status, message, code), signedOut };
}

/** A refusal about the code (or other field) the person typed, shown beside that field. */
export function fieldRefusal(field: string, message: string, code: string): Refusal {
  return { refused: new FieldError(400, field, message, code), signedOut: false };
}

export function isRefusal(value: object): value is Refusal {
  return 'refused' in value;
}
