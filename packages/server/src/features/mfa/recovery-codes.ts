import crypto from 'node:crypto';
import type { Scoped } from '../../access/access-layer.js';

/**
 * Recovery codes: ten single-use codes shown once, stored only as SHA-256 hashes. Each is ten
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits, shown as
 * "abcde-fghjk"; spaces, dashes and capitals are ignored when one is typed back.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function hashRecoveryCode(code: string): Buffer {
  const normal = code.toLowerCase().replace(/[\s-]/g, '');
  return crypto.createHash('sha256').update(normal, 'utf8').digest();
}

/** Replaces every code the person had with ten new ones and returns them (the only time they are shown). */
export async function replaceRecoveryCodes(tx: Scoped, userId: string): Promise<string[]> {
  await tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.query(
    `INSERT INTO mfa_recovery_codes (practice_id, user_id, code_hash)
     SELECT $1, $2, unnest($3::bytea[])`,
    [tx.actor.practiceId, userId, codes.map(hashRecoveryCode)],
  );
  tx.audit({
    action: 'mfa.recovery_codes_generated',
    subjectType: 'user',
    subjectId: userId,
    subjectUserId: userId,
    details: { count: codes.length },
  });
  return codes;
}

/** Uses up a code; false when it is not one of the person's unused codes. */
export async function consumeRecoveryCode(tx: Scoped, userId: string, code: string): Promise<boolean> {
  const result = await tx.query(
    `UPDATE mfa_recovery_codes SET used_at = now()
      WHERE id = (SELECT id FROM mfa_recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
                   LIMIT 1 FOR UPDATE)
      RETURNING id`,
    [userId, hashRecoveryCode(code)],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function recoveryCodesLeft(tx: Scoped, userId: string): Promise<number> {
  const result = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  return result.rows[0]?.n ?? 0;
}
