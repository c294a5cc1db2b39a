import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { HttpError } from '../../access/errors.js';
import { clearThrottle, throttleKey } from '../../accounts/throttle.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import { lockSessionAt, promoteSession, refusal, type Refusal, type RequestMeta } from './factors.js';
import type { Passed } from './second-factor-codes.js';
import { recoveryCodesLeft } from './recovery-codes.js';
import { relyingParty, storeChallenge, takeChallenge } from './webauthn.js';

/** The second step of signing in with a passkey: options (a challenge on the session), then the answer. */
export async function passkeySignInOptions(
  ctx: AppContext,
  auth: RequestAuth,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const userId = auth.session.userId;
  return ctx.access.run(auth.actor, async (tx) => {
    await lockSessionAt(tx, auth, ['mfa_required']);
    const keys = await tx.query<{ credential_id: string; transports: string[] }>(
      'SELECT credential_id, transports FROM mfa_passkeys WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    if (keys.rows.length === 0) {
      throw new HttpError(
        409,
        'No passkey is set up for this account. Use your authenticator app or a recovery code instead.',
        'not_set_up',
      );
    }
    const options = await generateAuthenticationOptions({
      rpID: relyingParty(ctx.config).rpID,
      allowCredentials: keys.rows.map((k) => ({ id: k.credential_id, transports: k.transports })),
      userVerification: 'preferred',
      timeout: 120_000,
    });
    await storeChallenge(tx, auth.session.id, 'authenticate', options.challenge);
    return options;
  });
}

export const PASSKEY_FAILED =
  'That passkey could not be confirmed. Try again, or use your authenticator app or a recovery code.';

export async function verifyPasskeyAtSignIn(
  ctx: AppContext,
  auth: RequestAuth,
  meta: RequestMeta,
  response: AuthenticationResponseJSON,
): Promise<Passed | Refusal> {
  const userId = auth.session.userId;
  const rp = relyingParty(ctx.config);
  return ctx.access.run(auth.actor, async (tx): Promise<Passed | Refusal> => {
    const locked = await lockSessionAt(tx, auth, ['mfa_required']);
    const failed = (reason: string) =>
      tx.audit({
        action: 'auth.mfa_verified',
        outcome: 'failure',
        subjectType: 'user',
        subjectId: userId,
        subjectUserId: userId,
        details: { method: 'passkey', reason },
      });
    const challenge = await takeChallenge(tx, locked.id, locked.webauthnChallenge, 'authenticate');
    if (!challenge) {
      failed('no_challenge');
      return refusal(400, 'The passkey request has expired. Please try the passkey again.', 'passkey_expired');
    }
    const found = await tx.query<{ id: string; public_key: Buffer; counter: number; transports: string[] }>(
      'SELECT id, public_key, counter, transports FROM mfa_passkeys WHERE user_id = $1 AND credential_id = $2',
      [userId, response.id],
    );
    const key = found.rows[0];
    if (!key) {
      failed('unknown_passkey');
      return refusal(400, PASSKEY_FAILED, 'passkey_failed');
    }
    let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verified = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        credential: {
          id: response.id,
          publicKey: new Uint8Array(key.public_key),
          counter: Number(key.counter),
          transports: key.transports,
        },
        requireUserVerification: false,
      });
    } catch {
      failed('not_verified');
      return refusal(400, PASSKEY_FAILED, 'passkey_failed');
    }
    if (!verified.verified) {
      failed('not_verified');
      return refusal(400, PASSKEY_FAILED, 'passkey_failed');
    }
    await tx.query('UPDATE mfa_passkeys SET counter = $2, last_used_at = now() WHERE id = $1', [
      key.id,
      verified.authenticationInfo.newCounter,
    ]);
    await clearThrottle(tx, throttleKey('mfa:user', userId));
    const session = await promoteSession(tx, ctx, auth, meta, 'passkey');
    tx.audit({
      action: 'auth.mfa_verified',
      subjectType: 'session',
      subjectId: session.id,
      subjectUserId: userId,
      details: { method: 'passkey', passkeyId: key.id },
    });
    return { session, recoveryCodesLeft: await recoveryCodesLeft(tx, userId) };
  });
}
