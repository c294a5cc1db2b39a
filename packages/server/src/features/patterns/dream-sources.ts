import type { Scoped } from '../../access/access-layer.js';

/** A dream the client shared (live share only), decrypted inside the caller's transaction. */
export interface SharedDream {
  entryId: string;
  version: number;
  date: string;
  text: string;
  link: string;
}

/**
 * The client's dreams with a live share — never a private or withdrawn one (the inner join says so and
 * row-level security checks it again) — oldest first; `entryId` narrows it to one.
 */
export async function sharedDreams(tx: Scoped, clientId: string, entryId?: string): Promise<SharedDream[]> {
  const rows = await tx.query<{ id: string; version: number; body_enc: string; day: string; share_id: string }>(
    `SELECT e.id, e.version, e.body_enc, s.id AS share_id,
            coalesce(e.dreamt_on::text, to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) AS day
       FROM journal_entries e
       JOIN journal_shares s ON s.entry_id = e.id AND s.client_id = e.client_id AND s.withdrawn_at IS NULL
      WHERE e.client_id = $1 AND e.kind = 'dream' AND ($2::uuid IS NULL OR e.id = $2::uuid)
      ORDER BY e.created_at, e.id`,
    [clientId, entryId ?? null],
  );
  const dreams: SharedDream[] = [];
  for (const row of rows.rows) {
    dreams.push({
      entryId: row.id,
      version: row.version,
      date: row.day,
      text: await tx.decrypt(`journal_entries.body_enc:${row.id}`, row.body_enc),
      link: `/clients/${clientId}/journal/${row.share_id}`,
    });
  }
  return dreams;
}
