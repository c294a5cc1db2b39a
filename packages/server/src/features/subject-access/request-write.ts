import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';

/**
 * A representative is named (with their authority) exactly when someone else made the request on the
 * client's behalf; for the client's own request any text given is dropped.
 */
export function checkRepresentative(
  tx: Scoped,
  event: AuditInput,
  requester: 'client' | 'representative',
  representative: string | null | undefined,
): string | null {
  if (requester === 'client') return null;
  const text = representative?.trim() ?? '';
  if (text === '') {
    refuse(
      tx,
      event,
      400,
      'representative_required',
      'Please say who is asking on the client’s behalf and what authority they have (for example a signed consent).',
    );
  }
  return text;
}
