import { HttpError } from '../../access/errors.js';
import { confirmPassword } from '../../accounts/confirm-password.js';
import { FieldError } from '../../accounts/field-error.js';
import { assessPassword, hashPassword } from '../../accounts/password-policy.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { lockLiveSession } from '../../sessions/session-lock.js';
import { sessionPolicy } from '../../sessions/session-policy.js';
import { revokeUserSessions, rotateSession, type NewSession } from '../../sessions/session-store.js';

/**
 * A new password, with the current one asked again. Every other session of the person ends and this
 * one continues under a new cookie (a password change is a change of privilege), and any reset link
 * still waiting stops working (it was asked for before this password, perhaps by someone else).
 */
export async function changePassword(
  ctx: AppContext,
  auth: RequestAuth,
  input: { currentPassword: string; newPassword: string; userAgent: string | undefined; ip: string },
): Promise<NewSession> {
  const { session } = auth;
  const event = {
    action: 'auth.password_changed',
    subjectType: 'user',
    subjectId: session.userId,
    subjectUserId: session.userId,
  } as const;
  await confirmPassword(ctx, auth.actor, input.currentPassword, event, 'currentPassword');
  if (input.newPassword === input.currentPassword) {
    throw new FieldError(
      400,
      'newPassword',
      'Choose a new password that is different from your current one.',
      'same_password',
    );
  }
  const assessment = assessPassword(input.newPassword, [session.email, session.displayName]);
  if (assessment.problem) throw new FieldError(400, 'newPassword', assessment.problem, 'weak_password');
  const passwordHash = await hashPassword(input.newPassword);

  return ctx.access.run(auth.actor, async (tx) => {
    // The person's row before their session, the order every change to a person and their sessions
    // takes (an admin's role change, a password reset): the opposite order would deadlock with them.
    await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [session.userId]);
    const locked = await lockLiveSession(tx, session.id);
    if (!locked || locked.stage !== 'active') {
      throw new HttpError(401, 'Your session has ended. Please sign in again.', 'unauthenticated');
    }
    await tx.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), failed_sign_ins = 0, locked_until = NULL
        WHERE id = $1`,
      [session.userId, passwordHash],
    );
    await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
      session.userId,
    ]);
    const revoked = await revokeUserSessions(tx, session.userId, 'password_changed', session.id);
    const fresh = await rotateSession(tx, session, {
      stage: 'active',
      policy: sessionPolicy(ctx.config),
      userAgent: input.userAgent,
      ip: input.ip,
      mfaMethod: locked.mfaMethod,
    });
    tx.audit({ ...event, details: { otherSessionsRevoked: revoked } });
    if (revoked > 0) {
      tx.audit({
        action: 'session.revoked',
        subjectType: 'user',
        subjectId: session.userId,
        subjectUserId: session.userId,
        details: { reason: 'password_changed', count: revoked },
      });
    }
    return fresh;
  });
}
