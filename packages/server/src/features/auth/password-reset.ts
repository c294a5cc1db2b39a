import type { Scoped } from '../../access/access-layer.js';
import { systemActor } from '../../access/actor.js';
import { HttpError } from '../../access/errors.js';
import { FieldError } from '../../accounts/field-error.js';
import { assessPassword, hashPassword } from '../../accounts/password-policy.js';
import { clearThrottle, hitThrottle, throttleKey, throttleRules } from '../../accounts/throttle.js';
import { normaliseEmail } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { revokeUserSessions } from '../../sessions/session-store.js';
import { formatToken, hashSecret, newSecret, parseToken } from '../../sessions/tokens.js';

/**
 * Password reset by e-mail: a single-use link valid for one hour, whose token is stored only as a
 * SHA-256 hash. Asking for one answers the same whether or not the address belongs to anyone;
 * completing one sets the new password, unlocks the account and ends every session of that person.
 */
export const RESET_VALID_MINUTES = 60;

export const RESET_LINK_UNUSABLE =
  'This password reset link has expired or has already been used. Ask for a new one from the sign-in page.';

export interface ResetRequestInput {
  practiceId: string;
  email: string;
  ip: string;
  requestId: string;
}

/** Always resolves the same way; an e-mail is queued only for an active account within the limits. */
export async function requestPasswordReset(ctx: AppContext, input: ResetRequestInput): Promise<void> {
  const actor = systemActor(input.practiceId, input.requestId, input.ip);
  const email = normaliseEmail(input.email);
  await ctx.access.run(actor, async (tx) => {
    const practice = await tx.query<{ name: string }>('SELECT name FROM practices WHERE id = $1', [input.practiceId]);
    const practiceName = practice.rows[0]?.name;
    if (practiceName === undefined) return;
    const rules = throttleRules(ctx.config);
    const byEmail = await hitThrottle(tx, throttleKey('reset:email', email), rules.resetEmail);
    const byIp = await hitThrottle(tx, throttleKey('reset:ip', input.ip), rules.resetIp);
    const found = await tx.query<{ id: string; display_name: string; status: string }>(
      'SELECT id, display_name, status FROM users WHERE email = $1',
      [email],
    );
    const user = found.rows[0];
    const subject = user ? { subjectType: 'user', subjectId: user.id, subjectUserId: user.id } : {};
    const refusal =
      !byEmail.allowed || !byIp.allowed
        ? 'throttled'
        : !user
          ? 'unknown_email'
          : user.status !== 'active'
            ? 'disabled'
            : null;
    if (refusal !== null || !user) {
      tx.audit({
        action: 'auth.password_reset_requested',
        outcome: 'failure',
        ...subject,
        details: { reason: refusal },
      });
      return;
    }
    // A new link replaces any earlier one still waiting.
    await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [user.id]);
    const secret = newSecret();
    const created = await tx.query<{ id: string }>(
      `INSERT INTO password_resets (practice_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING id`,
      [input.practiceId, user.id, hashSecret(secret), RESET_VALID_MINUTES],
    );
    const link = `${ctx.config.publicUrl}/reset-password/${formatToken(input.practiceId, secret)}`;
    await enqueueEmail(
      tx,
      {
        kind: 'password_reset',
        to: email,
        subject: 'Reset your Undercurrent password',
        text: [
          `Hello ${user.display_name},`,
          '',
          `Someone — hopefully you — asked to reset the password of your account at ${practiceName} on Undercurrent.`,
          '',
          'To choose a new password, open this link within the next hour:',
          link,
          '',
          'The link works once. If you did not ask for this, you can ignore this e-mail: your password stays as it is.',
        ].join('\n'),
      },
      Boolean(ctx.config.smtpUrl),
    );
    tx.audit({
      action: 'auth.password_reset_requested',
      subjectType: 'password_reset',
      subjectId: created.rows[0]?.id ?? '',
      subjectUserId: user.id,
    });
  });
}

interface UsableReset {
  resetId: string;
  userId: string;
  email: string;
  displayName: string;
  practiceName: string;
  expiresAt: Date;
}

async function findUsableReset(tx: Scoped, secret: string): Promise<UsableReset | undefined> {
  const result = await tx.query<{
    id: string;
    user_id: string;
    email: string;
    display_name: string;
    practice_name: string;
    expires_at: Date;
  }>(
    `SELECT r.id, r.user_id, u.email, u.display_name, p.name AS practice_name, r.expires_at
       FROM password_resets r
       JOIN users u ON u.practice_id = r.practice_id AND u.id = r.user_id
       JOIN practices p ON p.id = r.practice_id
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.status = 'active'`,
    [hashSecret(secret)],
  );
  const row = result.rows[0];
  return row
    ? {
        resetId: row.id,
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        practiceName: row.practice_name,
        expiresAt: row.expires_at,
      }
    : undefined;
}

async function practiceExists(ctx: AppContext, practiceId: string): Promise<boolean> {
  const practices = await ctx.access.listPractices();
  return practices.some((p) => p.id === practiceId);
}

/** What the reset page shows before the new password is chosen; 404 when the link cannot be used. */
export async function lookUpPasswordReset(
  ctx: AppContext,
  rawToken: string,
  requestId: string,
): Promise<{ email: string; practiceName: string; expiresAt: Date }> {
  const token = parseToken(rawToken);
  if (!token || !(await practiceExists(ctx, token.practiceId))) {
    throw new HttpError(404, RESET_LINK_UNUSABLE, 'not_found');
  }
  const reset = await ctx.access.run(systemActor(token.practiceId, requestId), (tx) =>
    findUsableReset(tx, token.secret),
  );
  if (!reset) throw new HttpError(404, RESET_LINK_UNUSABLE, 'not_found');
  return { email: reset.email, practiceName: reset.practiceName, expiresAt: reset.expiresAt };
}

/** Sets the new password, uses up the link, unlocks the account and ends every session of the person. */
export async function completePasswordReset(
  ctx: AppContext,
  input: { token: string; password: string; requestId: string; ip: string },
): Promise<{ userId: string; practiceId: string }> {
  const token = parseToken(input.token);
  if (!token || !(await practiceExists(ctx, token.practiceId))) {
    throw new HttpError(404, RESET_LINK_UNUSABLE, 'not_found');
  }
  const actor = systemActor(token.practiceId, input.requestId, input.ip);
  const reset = await ctx.access.run(actor, (tx) => findUsableReset(tx, token.secret));
  if (!reset) throw new HttpError(404, RESET_LINK_UNUSABLE, 'not_found');
  const assessment = assessPassword(input.password, [reset.email, reset.displayName]);
  if (assessment.problem) throw new FieldError(400, 'password', assessment.problem, 'weak_password');
  const passwordHash = await hashPassword(input.password);

  const done = await ctx.access.run({ ...actor, userId: reset.userId }, async (tx) => {
    // Single use even when two completions race: only one can flip used_at.
    const used = await tx.query(
      `UPDATE password_resets SET used_at = now()
        WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [reset.resetId],
    );
    if ((used.rowCount ?? 0) === 0) return false;
    await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [reset.userId]);
    await tx.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), failed_sign_ins = 0, locked_until = NULL
        WHERE id = $1`,
      [reset.userId, passwordHash],
    );
    await clearThrottle(tx, throttleKey('sign-in:email', reset.email));
    const revoked = await revokeUserSessions(tx, reset.userId, 'password_reset');
    tx.audit({
      action: 'auth.password_reset_completed',
      subjectType: 'password_reset',
      subjectId: reset.resetId,
      subjectUserId: reset.userId,
      details: { sessionsRevoked: revoked },
    });
    if (revoked > 0) {
      tx.audit({
        action: 'session.revoked',
        subjectType: 'user',
        subjectId: reset.userId,
        subjectUserId: reset.userId,
        details: { reason: 'password_reset', count: revoked },
      });
    }
    return true;
  });
  if (!done) throw new HttpError(404, RESET_LINK_UNUSABLE, 'not_found');
  return { userId: reset.userId, practiceId: token.practiceId };
}
