import type { Scoped } from '../../access/access-layer.js';
import type { EntryKind } from './journal-schemas.js';

/**
 * Locks one of the client's entries before its shares change (so a share cannot land on an entry
 * being deleted); its kind, or undefined when the client has no such entry.
 */
export async function lockOwnEntry(tx: Scoped, clientId: string, id: string): Promise<EntryKind | undefined> {
  const found = await tx.query<{ kind: EntryKind }>(
    'SELECT kind FROM journal_entries WHERE id = $1 AND client_id = $2 FOR UPDATE',
    [id, clientId],
  );
  return found.rows[0]?.kind;
}
