import crypto from 'node:crypto';

/**
 * Opaque secrets (sessions, invitations, password resets): 256 random bits, sent once, stored only as
 * a SHA-256 hash. The practice id travels with the secret so the lookup can run inside that
 * practice's row-level-security scope: `<practice uuid>.<base64url secret>`.
 */
export interface ScopedToken {
  practiceId: string;
  secret: string;
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret, 'utf8').digest();
}

export function formatToken(practiceId: string, secret: string): string {
  return `${practiceId}.${secret}`;
}

export function parseToken(raw: string | undefined): ScopedToken | undefined {
  if (!raw) return undefined;
  const match = TOKEN.exec(raw);
  if (!match?.[1] || !match[2]) return undefined;
  return { practiceId: match[1].toLowerCase(), secret: match[2] };
}
