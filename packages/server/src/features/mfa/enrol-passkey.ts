import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { HttpError } from '../../access/errors.js';
import { confirmPassword } from '../../accounts/confirm-password.js';
import { FieldError } from '../../accounts/field-error.js';
import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';
import type { NewSession } from '../../sessions/session-store.js';
import {
  assertNotLastStaffFactor,
  enrolmentMayContinue,
  factorCount,
  isRefusal,
  lockSessionAt,
  promoteSession,
  refusal,
  type Refusal,
  type RequestMeta,
} from './factors.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { relyingParty, storeChallenge, takeChallenge, userHandle } from './webauthn.js';

/**
 * Passkeys as a second factor: registration options (a challenge on the session), registration
 * (verified against that challenge, our origin and relying-party id), listing and removal (password
 * again; staff keep a factor).
 */
export async function passkeyRegistrationOptions(
  ctx: AppContext,
  auth: RequestAuth,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const userId = auth.session.userId;
  return ctx.access.run(auth.actor, async (tx) => {
    await lockSessionAt(tx, auth, ['mfa_enrolment', 'active']);
    const existing = await tx.query<{ credential_id: string; transports: string[] }>(
      'SELECT credential_id, transports FROM mfa_passkeys WHERE user_id = $1',
      [userId],
    );
    const practice = await tx.query<{ name: string }>('SELECT name FROM practices WHERE id = $1', [
      tx.actor.practiceId,
    ]);
    const options = await generateRegistrationOptions({
      rpName: `Undercurrent (${practice.rows[0]?.name ?? 'practice'})`,
      rpID: relyingParty(ctx.config).rpID,
      userName: auth.session.email,
      userID: userHandle(userId),
      userDisplayName: auth.session.displayName,
      attestationType: 'none',
      excludeCredentials: existing.rows.map((k) => ({ id: k.credential_id, transports: k.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      timeout: 300_000,
    });
    await storeChallenge(tx, auth.session.id, 'register', options.challenge);
    return options;
  });
}

export interface PasskeyAdded {
  id: string;
  recoveryCodes: string[] | null;
  stage: 'active';
  newSession: NewSession | null;
}

const NOT_CONFIRMED =
  'The passkey could not be added. Please try again; if it keeps failing, use an authenticator app.';

export async function registerPasskey(
  ctx: AppContext,
  auth: RequestAuth,
  meta: RequestMeta,
  name: string,
  response: RegistrationResponseJSON,
): Promise<PasskeyAdded | Refusal> {
  const userId = auth.session.userId;
  const rp = relyingParty(ctx.config);
  const label = name.trim();
  if (!label) throw new FieldError(400, 'name', 'Give the passkey a name, such as “work laptop”.', 'invalid_request');
  return ctx.access.run(auth.actor, async (tx): Promise<PasskeyAdded | Refusal> => {
    const locked = await lockSessionAt(tx, auth, ['mfa_enrolment', 'active']);
    const failed = (reason: string) =>
      tx.audit({
        action: 'mfa.passkey_added',
        outcome: 'failure',
        subjectType: 'user',
        subjectId: userId,
        subjectUserId: userId,
        details: { reason },
      });
    const before = await enrolmentMayContinue(tx, locked, userId, {
      action: 'mfa.passkey_added',
      subjectType: 'user',
      subjectId: userId,
      subjectUserId: userId,
    });
    if (isRefusal(before)) return before;
    const challenge = await takeChallenge(tx, locked.id, locked.webauthnChallenge, 'register');
    if (!challenge) {
      failed('no_challenge');
      return refusal(400, 'The passkey request has expired. Please start adding the passkey again.', 'passkey_expired');
    }
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: false,
      });
    } catch {
      failed('not_verified');
      return refusal(400, NOT_CONFIRMED, 'passkey_failed');
    }
    if (!verified.verified) {
      failed('not_verified');
      return refusal(400, NOT_CONFIRMED, 'passkey_failed');
    }
    const credential = verified.registrationInfo.credential;
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO mfa_passkeys (practice_id, user_id, credential_id, public_key, counter, transports, name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (practice_id, credential_id) DO NOTHING RETURNING id`,
      [
        tx.actor.practiceId,
        userId,
        credential.id,
        Buffer.from(credential.publicKey),
        credential.counter,
        credential.transports ?? [],
        label,
      ],
    );
    const id = inserted.rows[0]?.id;
    if (!id) {
      failed('duplicate');
      return refusal(409, 'This passkey is already registered.', 'already_registered');
    }
    tx.audit({
      action: 'mfa.passkey_added',
      subjectType: 'passkey',
      subjectId: id,
      subjectUserId: userId,
    });
    const recoveryCodes = factorCount(before) === 0 ? await replaceRecoveryCodes(tx, userId) : null;
    const newSession = locked.stage === 'mfa_enrolment' ? await promoteSession(tx, ctx, auth, meta, 'passkey') : null;
    return { id, recoveryCodes, stage: 'active', newSession };
  });
}

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function listPasskeys(ctx: AppContext, auth: RequestAuth): Promise<PasskeySummary[]> {
  const rows = await ctx.access.run(auth.actor, (tx) =>
    tx.query<{ id: string; name: string; created_at: Date; last_used_at: Date | null }>(
      'SELECT id, name, created_at, last_used_at FROM mfa_passkeys WHERE user_id = $1 ORDER BY created_at',
      [auth.session.userId],
    ),
  );
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

export async function removePasskey(
  ctx: AppContext,
  auth: RequestAuth,
  passkeyId: string,
  password: string,
): Promise<void> {
  const userId = auth.session.userId;
  const event = {
    action: 'mfa.passkey_removed',
    subjectType: 'passkey',
    subjectId: passkeyId,
    subjectUserId: userId,
  } as const;
  await confirmPassword(ctx, auth.actor, password, event);
  await ctx.access.run(auth.actor, async (tx) => {
    await lockSessionAt(tx, auth, ['active']);
    const found = await tx.query('SELECT 1 FROM mfa_passkeys WHERE id = $1 AND user_id = $2', [passkeyId, userId]);
    if ((found.rowCount ?? 0) === 0) {
      throw new HttpError(404, 'That passkey is not on your account; it may have been removed already.', 'not_found');
    }
    const state = await assertNotLastStaffFactor(tx, userId, auth.session.roles, event);
    await tx.query('DELETE FROM mfa_passkeys WHERE id = $1 AND user_id = $2', [passkeyId, userId]);
    if (!state.totp && state.passkeys <= 1) {
      await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    }
    tx.audit(event);
  });
}
