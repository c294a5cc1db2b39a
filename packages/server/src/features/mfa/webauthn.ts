import type { Scoped } from '../../access/access-layer.js';
import type { Config } from '../../config.js';

/**
 * Passkeys (WebAuthn) for Undercurrent: the relying party is the host people use (from
 * UNDERCURRENT_PUBLIC_URL), the expected origin is its origin. A challenge lives on the session it
 * was issued to, for one ceremony of one kind, for five minutes, and is cleared when it is used.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export type Ceremony = 'register' | 'authenticate';

export function relyingParty(config: Config): { rpID: string; origin: string } {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

export async function storeChallenge(tx: Scoped, sessionId: string, ceremony: Ceremony, challenge: string) {
  await tx.query('UPDATE sessions SET webauthn_challenge = $2 WHERE id = $1', [
    sessionId,
    `${ceremony}:${Date.now()}:${challenge}`,
  ]);
}

/** Clears the session's challenge and returns it when it is for this ceremony and still fresh. */
export async function takeChallenge(
  tx: Scoped,
  sessionId: string,
  stored: string | null,
  ceremony: Ceremony,
): Promise<string | undefined> {
  if (stored === null) return undefined;
  await tx.query('UPDATE sessions SET webauthn_challenge = NULL WHERE id = $1', [sessionId]);
  const [kind, issued, challenge] = stored.split(':');
  if (kind !== ceremony || !challenge || !issued) return undefined;
  if (Date.now() - Number(issued) > CHALLENGE_TTL_MS) return undefined;
  return challenge;
}

/** The WebAuthn user handle: the 16 bytes of the person's id (no e-mail or name in it). */
export function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'));
}
