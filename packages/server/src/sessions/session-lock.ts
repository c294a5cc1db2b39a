import type { Scoped } from '../access/access-layer.js';
import type { SessionStage } from '../db/schema.js';

/**
 * Locks a live session row for the rest of the transaction, so two requests racing to change it
 * (a code sent twice, a passkey challenge replayed) are handled one after the other and the second
 * sees what the first did. Answers undefined when the session has ended in the meantime.
 */
export interface LockedSession {
  id: string;
  stage: SessionStage;
  mfaMethod: string | null;
  webauthnChallenge: string | null;
}

export async function lockLiveSession(tx: Scoped, sessionId: string): Promise<LockedSession | undefined> {
  const result = await tx.query<{
    id: string;
    stage: SessionStage;
    mfa_method: string | null;
    webauthn_challenge: string | null;
  }>(
    `SELECT id, stage, mfa_method, webauthn_challenge FROM sessions
      WHERE id = $1 AND revoked_at IS NULL AND absolute_expires_at > now()
      FOR UPDATE`,
    [sessionId],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return { id: row.id, stage: row.stage, mfaMethod: row.mfa_method, webauthnChallenge: row.webauthn_challenge };
}
