import type { Scoped } from '../../access/access-layer.js';
import { clientTimeZone } from '../frame/absences-record.js';
import type { Entry } from './journal-schemas.js';
import { ENTRY_SELECT, inTurn, iso, toEntry, type EntryRow } from './entry-record.js';
import { clientTags, type ClientTag } from './tags-record.js';
import { findNotReady, type NotReady } from './not-ready-record.js';

/**
 * Everything the client's export holds: every entry whole (oldest first), their tags, the sessions
 * entries name, and their "not ready to talk about yet" list (theirs too, so it leaves with them).
 */
export interface JournalExport {
  exportedAt: Date;
  timeZone: string;
  entries: Entry[];
  tags: ClientTag[];
  /** Start times of the sessions reflections are about, by appointment id. */
  sessions: Map<string, string>;
  notReady: NotReady[];
}

export async function loadExport(tx: Scoped, clientId: string): Promise<JournalExport> {
  const rows = await tx.query<EntryRow>(`${ENTRY_SELECT} WHERE e.client_id = $1 ORDER BY e.created_at, e.id`, [
    clientId,
  ]);
  const entries = await inTurn(rows.rows, (row) => toEntry(tx, row));
  const appointmentIds = [...new Set(entries.flatMap((e) => (e.appointmentId ? [e.appointmentId] : [])))];
  const sessions = await tx.query<{ id: string; starts_at: Date }>(
    'SELECT id, starts_at FROM appointments WHERE client_id = $1 AND id = ANY ($2::uuid[])',
    [clientId, appointmentIds],
  );
  return {
    exportedAt: new Date(),
    timeZone: await clientTimeZone(tx, clientId),
    entries,
    tags: await clientTags(tx, clientId),
    sessions: new Map(sessions.rows.map((s) => [s.id, iso(s.starts_at)])),
    notReady: await findNotReady(tx, clientId),
  };
}
