import type { Actor } from '../access/actor.js';
import { HttpError } from '../access/errors.js';
import type { AuditInput } from '../audit/audit-event.js';
import type { AppContext } from '../context.js';
import { FieldError } from './field-error.js';
import { verifyPassword } from './password-policy.js';
import { clearThrottle, hitThrottle, minutesFrom, throttleKey, throttleRules } from './throttle.js';

/**
 * Asks a signed-in person for their password again before a sensitive change (removing a factor,
 * new recovery codes, a new password). Wrong answers count against a per-person limit shared by
 * every app node, so a borrowed session cannot be used to guess the password; each wrong answer
 * is audited with the event the caller names. Throws a 400 or 429 with a message for the person.
 */
export async function confirmPassword(
  ctx: AppContext,
  actor: Actor,
  password: string,
  failure: AuditInput,
  field = 'password',
): Promise<void> {
  const userId = actor.userId;
  if (!userId) throw new Error('confirmPassword() needs a signed-in actor');
  const key = throttleKey('password-confirm:user', userId);
  const first = await ctx.access.run(actor, async (tx) => {
    const throttle = await hitThrottle(tx, key, throttleRules(ctx.config).passwordConfirm);
    const row = await tx.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [
      userId,
    ]);
    return { throttle, hash: row.rows[0]?.password_hash ?? null };
  });
  if (!first.throttle.allowed) {
    await ctx.access.recordOutside(actor, [
      { ...failure, outcome: 'failure', details: { ...failure.details, reason: 'throttled' } },
    ]);
    throw new HttpError(
      429,
      `That password has been entered wrongly too many times. Please wait ${minutesFrom(first.throttle.retryAfterSeconds)} and try again.`,
      'too_many_attempts',
    );
  }
  if (!(await verifyPassword(first.hash, password))) {
    await ctx.access.recordOutside(actor, [
      { ...failure, outcome: 'failure', details: { ...failure.details, reason: 'wrong_password' } },
    ]);
    throw new FieldError(400, field, 'That is not your current password. Check it and try again.', 'wrong_password');
  }
  await ctx.access.run(actor, (tx) => clearThrottle(tx, key));
}
