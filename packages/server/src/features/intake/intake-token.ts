import { formatToken, hashSecret, newSecret, parseToken } from '../../sessions/tokens.js';

/**
 * The person's way back to their intake: an unguessable token that carries the practice id (so the
 * lookup runs inside that practice's row-level-security scope); only its hash is stored. It expires.
 */
export const INTAKE_LINK_DAYS = 60;
export const INTAKE_NOT_FOUND =
  'There is no enquiry at this address. The link may be mistyped or may have expired; you are welcome to send the form again.';

export function newIntakeToken(practiceId: string): { token: string; hash: Buffer; expiresAt: Date } {
  const secret = newSecret();
  return {
    token: formatToken(practiceId, secret),
    hash: hashSecret(secret),
    expiresAt: new Date(Date.now() + INTAKE_LINK_DAYS * 86_400_000),
  };
}

export function intakePath(token: string): string {
  return `/enquiry/${token}`;
}

export function readIntakeToken(raw: string): { practiceId: string; hash: Buffer } | undefined {
  const parsed = parseToken(raw);
  return parsed ? { practiceId: parsed.practiceId, hash: hashSecret(parsed.secret) } : undefined;
}
