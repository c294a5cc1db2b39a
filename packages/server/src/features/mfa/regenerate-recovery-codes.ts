import { HttpError } from '../../access/errors.js';
import { confirmPassword } from '../../accounts/confirm-password.js';
import { mfaState } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { factorCount, lockSessionAt } from './factors.js';
import { replaceRecoveryCodes } from './recovery-codes.js';

/** Ten new recovery codes (password asked again); every earlier code stops working. */
export async function regenerateRecoveryCodes(ctx: AppContext, auth: RequestAuth, password: string): Promise<string[]> {
  const userId = auth.session.userId;
  await confirmPassword(ctx, auth.actor, password, {
    action: 'mfa.recovery_codes_generated',
    subjectType: 'user',
    subjectId: userId,
    subjectUserId: userId,
  });
  return ctx.access.run(auth.actor, async (tx) => {
    await lockSessionAt(tx, auth, ['active']);
    if (factorCount(await mfaState(tx, userId)) === 0) {
      throw new HttpError(
        409,
        'Recovery codes are a back-up for an authenticator app or a passkey. Set one of those up first.',
        'no_factor',
      );
    }
    return replaceRecoveryCodes(tx, userId);
  });
}
