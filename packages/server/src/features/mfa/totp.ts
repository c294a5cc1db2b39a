import { generateSecret, generateURI, verify } from 'otplib';
import type { Scoped } from '../../access/access-layer.js';

/**
 * Authenticator-app codes (RFC 6238): SHA-1, 6 digits, 30-second steps, accepted one step either
 * side of now for clock drift. A step, once accepted, is never accepted again (`last_used_step`),
 * so a code seen over someone's shoulder is useless afterwards. The secret is stored encrypted with
 * the practice's data key.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const CODE = /^\d{6}$/;

export const totpSecretContext = (userId: string) => `mfa_totp:${userId}`;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(practiceName: string, email: string, secret: string): string {
  // A colon separates issuer and account in the label, so none may appear in the issuer itself.
  const issuer = `Undercurrent (${practiceName.replace(/:/g, ' ').trim()})`;
  return generateURI({ issuer, label: email, secret, period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS });
}

/** Digits only, with spaces and dashes people type or paste removed. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'reused' };

export async function checkTotp(secret: string, code: string, lastUsedStep: number | null): Promise<TotpCheck> {
  const token = normaliseCode(code);
  if (!CODE.test(token)) return { ok: false, reason: 'malformed' };
  const result = await verify({
    secret,
    token,
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    epochTolerance: TOTP_PERIOD_SECONDS,
  });
  if (!result.valid || !('timeStep' in result)) return { ok: false, reason: 'wrong' };
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { ok: false, reason: 'reused' };
  return { ok: true, step: result.timeStep };
}

export interface StoredTotp {
  secret: string;
  confirmed: boolean;
  lastUsedStep: number | null;
}

export async function loadTotp(tx: Scoped, userId: string): Promise<StoredTotp | undefined> {
  const result = await tx.query<{ secret_enc: string; confirmed: boolean; last_used_step: number | null }>(
    `SELECT secret_enc, confirmed_at IS NOT NULL AS confirmed, last_used_step FROM mfa_totp WHERE user_id = $1
      FOR UPDATE`,
    [userId],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    secret: await tx.decrypt(totpSecretContext(userId), row.secret_enc),
    confirmed: row.confirmed,
    lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
  };
}

/**
 * Records that a step was used; false when another request used it (or a later one) first.
 * Confirms the secret at the same time when `confirm` is set.
 */
export async function useTotpStep(tx: Scoped, userId: string, step: number, confirm = false): Promise<boolean> {
  const result = await tx.query(
    `UPDATE mfa_totp SET last_used_step = $2,
            confirmed_at = CASE WHEN $3::boolean THEN coalesce(confirmed_at, now()) ELSE confirmed_at END
      WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)`,
    [userId, step, confirm],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Stores a new, not yet confirmed secret; false when a confirmed one already exists. */
export async function saveUnconfirmedTotp(tx: Scoped, userId: string, secret: string): Promise<boolean> {
  const secretEnc = await tx.encrypt('clinical', totpSecretContext(userId), secret);
  const result = await tx.query(
    `INSERT INTO mfa_totp AS m (practice_id, user_id, secret_enc) VALUES ($1, $2, $3)
     ON CONFLICT (practice_id, user_id) DO UPDATE
       SET secret_enc = EXCLUDED.secret_enc, created_at = now(), last_used_step = NULL
       WHERE m.confirmed_at IS NULL`,
    [tx.actor.practiceId, userId, secretEnc],
  );
  return (result.rowCount ?? 0) > 0;
}
