import type { Scoped } from './access-layer.js';
import { HttpError } from './errors.js';
import type { AuditInput } from '../audit/audit-event.js';

/**
 * Refuses a request for a reason that is not a permission (a conflict, a used link): the refusal is
 * kept in the audit log with outcome "failure" and the reason code, and the person gets `message`.
 */
export function refuse(tx: Scoped, event: AuditInput, status: number, code: string, message: string): never {
  tx.audit({ ...event, outcome: 'failure', details: { ...event.details, reason: code } });
  throw new HttpError(status, message, code);
}
