import QRCode from 'qrcode';
import { HttpError } from '../../access/errors.js';
import { confirmPassword } from '../../accounts/confirm-password.js';
import { clearThrottle, hitThrottle, minutesFrom, throttleKey, throttleRules } from '../../accounts/throttle.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import type { NewSession } from '../../sessions/session-store.js';
import {
  assertNotLastStaffFactor,
  enrolmentMayContinue,
  factorCount,
  isRefusal,
  lockSessionAt,
  fieldRefusal,
  promoteSession,
  refusal,
  type Refusal,
  type RequestMeta,
} from './factors.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { checkTotp, loadTotp, newTotpSecret, saveUnconfirmedTotp, totpUri, useTotpStep } from './totp.js';
import { WRONG_TOTP } from './second-factor-codes.js';

/**
 * Setting up an authenticator app: start (a new secret, shown once as text and QR code), confirm
 * with a first code (the first factor also brings ten recovery codes; a session still enrolling
 * becomes fully signed in under a new cookie), and removal (password again; staff keep a factor).
 */
const ALREADY_SET_UP = 'An authenticator app is already set up. To move to a new one, remove the current one first.';

export async function startTotp(
  ctx: AppContext,
  auth: RequestAuth,
): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const userId = auth.session.userId;
  const { secret, practiceName } = await ctx.access.run(auth.actor, async (tx) => {
    await lockSessionAt(tx, auth, ['mfa_enrolment', 'active']);
    const secret = newTotpSecret();
    if (!(await saveUnconfirmedTotp(tx, userId, secret))) throw new HttpError(409, ALREADY_SET_UP, 'already_set_up');
    const practice = await tx.query<{ name: string }>('SELECT name FROM practices WHERE id = $1', [
      tx.actor.practiceId,
    ]);
    return { secret, practiceName: practice.rows[0]?.name ?? 'Undercurrent' };
  });
  const otpauthUrl = totpUri(practiceName, auth.session.email, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl, qrDataUrl };
}

export interface Enrolled {
  recoveryCodes: string[] | null;
  stage: 'active';
  newSession: NewSession | null;
}

export async function confirmTotp(
  ctx: AppContext,
  auth: RequestAuth,
  meta: RequestMeta,
  code: string,
): Promise<Enrolled | Refusal> {
  const userId = auth.session.userId;
  return ctx.access.run(auth.actor, async (tx): Promise<Enrolled | Refusal> => {
    const locked = await lockSessionAt(tx, auth, ['mfa_enrolment', 'active']);
    const before = await enrolmentMayContinue(tx, locked, userId, {
      action: 'mfa.totp_enrolled',
      subjectType: 'user',
      subjectId: userId,
      subjectUserId: userId,
    });
    if (isRefusal(before)) return before;
    const key = throttleKey('mfa:user', userId);
    const throttle = await hitThrottle(tx, key, throttleRules(ctx.config).mfa);
    const failed = (reason: string) =>
      tx.audit({
        action: 'mfa.totp_enrolled',
        outcome: 'failure',
        subjectType: 'user',
        subjectId: userId,
        subjectUserId: userId,
        details: { reason },
      });
    if (!throttle.allowed) {
      failed('throttled');
      return refusal(
        429,
        `Too many codes have been tried. Please wait ${minutesFrom(throttle.retryAfterSeconds)} and try again.`,
        'too_many_attempts',
      );
    }
    const totp = await loadTotp(tx, userId);
    if (!totp) {
      return refusal(409, 'Start setting up the authenticator app first, then enter its code.', 'not_started');
    }
    if (totp.confirmed) return refusal(409, ALREADY_SET_UP, 'already_set_up');
    const check = await checkTotp(totp.secret, code, totp.lastUsedStep);
    if (!check.ok) {
      failed(check.reason);
      return fieldRefusal(
        'code',
        check.reason === 'malformed' ? 'Enter the 6-digit code your authenticator app shows.' : WRONG_TOTP,
        'invalid_code',
      );
    }
    if (!(await useTotpStep(tx, userId, check.step, true))) {
      return fieldRefusal('code', WRONG_TOTP, 'invalid_code');
    }
    await clearThrottle(tx, key);
    tx.audit({ action: 'mfa.totp_enrolled', subjectType: 'user', subjectId: userId, subjectUserId: userId });
    const recoveryCodes = factorCount(before) === 0 ? await replaceRecoveryCodes(tx, userId) : null;
    const newSession = locked.stage === 'mfa_enrolment' ? await promoteSession(tx, ctx, auth, meta, 'totp') : null;
    return { recoveryCodes, stage: 'active', newSession };
  });
}

export async function removeTotp(ctx: AppContext, auth: RequestAuth, password: string): Promise<void> {
  const userId = auth.session.userId;
  const event = { action: 'mfa.totp_removed', subjectType: 'user', subjectId: userId, subjectUserId: userId } as const;
  await confirmPassword(ctx, auth.actor, password, event);
  await ctx.access.run(auth.actor, async (tx) => {
    await lockSessionAt(tx, auth, ['active']);
    const totp = await tx.query('SELECT 1 FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL', [userId]);
    if ((totp.rowCount ?? 0) === 0) {
      throw new HttpError(404, 'No authenticator app is set up for this account.', 'not_found');
    }
    const state = await assertNotLastStaffFactor(tx, userId, auth.session.roles, event);
    await tx.query('DELETE FROM mfa_totp WHERE user_id = $1', [userId]);
    if (state.passkeys === 0) await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    tx.audit(event);
  });
}
