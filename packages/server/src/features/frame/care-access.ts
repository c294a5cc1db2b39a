import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditAction } from '../../audit/audit-event.js';

/**
 * Whether the signed-in therapist currently looks after this client (care_assignments). Frame
 * routes that act on a client call this first; a therapist asking about someone else's client is
 * refused (404, so the answer does not reveal that the person exists) and the refusal is audited.
 */
export async function requireOwnClient(tx: Scoped, clientId: string, action: AuditAction): Promise<void> {
  const therapistId = tx.actor.userId;
  const found = therapistId
    ? await tx.query(`SELECT 1 FROM care_assignments WHERE therapist_id = $1 AND client_id = $2 AND ended_at IS NULL`, [
        therapistId,
        clientId,
      ])
    : undefined;
  if (!found || found.rowCount === 0) {
    refuse(
      tx,
      { action, subjectType: 'user', subjectId: clientId, subjectUserId: clientId },
      404,
      'not_found',
      'There is no such client on your caseload.',
    );
  }
}

/** The signed-in person's own id (frame routes are only for signed-in people). */
export function selfId(tx: Scoped): string {
  const id = tx.actor.userId;
  if (!id) throw new Error('a frame route ran without a signed-in person');
  return id;
}
