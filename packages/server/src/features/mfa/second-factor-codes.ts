import { clearThrottle, hitThrottle, minutesFrom, throttleKey, throttleRules } from '../../accounts/throttle.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { revokeSession, type NewSession } from '../../sessions/session-store.js';
import { fieldRefusal, lockSessionAt, promoteSession, refusal, type Refusal, type RequestMeta } from './factors.js';
import { consumeRecoveryCode, recoveryCodesLeft } from './recovery-codes.js';
import { checkTotp, loadTotp, useTotpStep } from './totp.js';

/**
 * The second step of signing in with a code: from the authenticator app or a recovery code. Wrong
 * codes count against a per-person limit shared by every node; reaching it ends the half-signed-in
 * session, so the password (itself rate limited) has to be entered again. Passing rotates the session.
 */
export type CodeKind = 'totp' | 'recovery';

export interface Passed {
  session: NewSession;
  recoveryCodesLeft: number;
}

export const WRONG_TOTP =
  'That code did not work. Codes change every 30 seconds: enter the one your authenticator app shows now.';

export async function verifyCodeAtSignIn(
  ctx: AppContext,
  auth: RequestAuth,
  meta: RequestMeta,
  kind: CodeKind,
  code: string,
): Promise<Passed | Refusal> {
  const userId = auth.session.userId;
  return ctx.access.run(auth.actor, async (tx): Promise<Passed | Refusal> => {
    await lockSessionAt(tx, auth, ['mfa_required']);
    const key = throttleKey('mfa:user', userId);
    const throttle = await hitThrottle(tx, key, throttleRules(ctx.config).mfa);
    const failed = (reason: string) =>
      tx.audit({
        action: kind === 'recovery' ? 'mfa.recovery_code_used' : 'auth.mfa_verified',
        outcome: 'failure',
        subjectType: 'user',
        subjectId: userId,
        subjectUserId: userId,
        details: { method: kind, reason },
      });

    if (!throttle.allowed) {
      await revokeSession(tx, auth.session.id, 'mfa_attempts');
      failed('throttled');
      return refusal(
        429,
        `Too many codes have been tried, so for your safety you have been signed out. Please wait ${minutesFrom(throttle.retryAfterSeconds)} and sign in again.`,
        'too_many_attempts',
        true,
      );
    }

    if (kind === 'totp') {
      const totp = await loadTotp(tx, userId);
      if (!totp?.confirmed) {
        failed('not_set_up');
        return refusal(
          400,
          'No authenticator app is set up for this account. Use a passkey or a recovery code instead.',
          'not_set_up',
        );
      }
      const check = await checkTotp(totp.secret, code, totp.lastUsedStep);
      if (!check.ok) {
        failed(check.reason);
        if (check.reason === 'malformed') {
          return fieldRefusal('code', 'Enter the 6-digit code your authenticator app shows.', 'invalid_code');
        }
        if (check.reason === 'reused') {
          return fieldRefusal(
            'code',
            'That code has already been used. Wait for the next one to appear in your authenticator app.',
            'code_reused',
          );
        }
        return fieldRefusal('code', WRONG_TOTP, 'invalid_code');
      }
      if (!(await useTotpStep(tx, userId, check.step))) {
        failed('reused');
        return fieldRefusal(
          'code',
          'That code has already been used. Wait for the next one to appear in your authenticator app.',
          'code_reused',
        );
      }
    } else {
      if (!(await consumeRecoveryCode(tx, userId, code))) {
        failed('wrong');
        return fieldRefusal(
          'code',
          'That recovery code did not work. Check it against your saved list; each code works only once.',
          'invalid_code',
        );
      }
      tx.audit({ action: 'mfa.recovery_code_used', subjectType: 'user', subjectId: userId, subjectUserId: userId });
    }

    await clearThrottle(tx, key);
    const session = await promoteSession(tx, ctx, auth, meta, kind);
    tx.audit({
      action: 'auth.mfa_verified',
      subjectType: 'session',
      subjectId: session.id,
      subjectUserId: userId,
      details: { method: kind },
    });
    return { session, recoveryCodesLeft: await recoveryCodesLeft(tx, userId) };
  });
}
