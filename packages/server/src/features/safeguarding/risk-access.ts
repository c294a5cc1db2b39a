import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditAction } from '../../audit/audit-event.js';

/**
 * A client's risk record is open to the therapist caring for them and to the clinical lead an alert
 * about them was escalated to; anyone else is refused with 404 (the answer does not reveal that the
 * person exists), audited. Returns the client's name.
 */
export async function requireRiskRecordAccess(tx: Scoped, clientId: string, action: AuditAction): Promise<string> {
  const found = await tx.query<{ name: string }>(
    `SELECT display_name AS name FROM users
      WHERE id = $1 AND (app_cares_for(id) OR app_escalated_to_me(id))`,
    [clientId],
  );
  const name = found.rows[0]?.name;
  if (name === undefined) {
    refuse(
      tx,
      { action, subjectType: 'user', subjectId: clientId, subjectUserId: clientId },
      404,
      'not_found',
      'There is no such client on your caseload or among the alerts escalated to you.',
    );
  }
  return name;
}
