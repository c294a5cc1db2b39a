import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { ConfirmedEpisode } from './patterns-schemas.js';

/** The relationship episodes confirmed for a client (row-level security: their current therapists only). */
export async function confirmedEpisodes(
  tx: Scoped,
  clientId: string,
  links: ReadonlyMap<string, string>,
): Promise<Static<typeof ConfirmedEpisode>[]> {
  const result = await tx.query<{
    id: string;
    entry_id: string;
    day: string;
    start_offset: number;
    end_offset: number;
    wish: string[];
    response_of_other: string[];
    response_of_self: string[];
  }>(
    `SELECT id, entry_id, passage_date::text AS day, start_offset, end_offset, wish, response_of_other, response_of_self
       FROM ccrt_episodes WHERE client_id = $1 ORDER BY passage_date, created_at, id`,
    [clientId],
  );
  return result.rows.map((row) => ({
    id: row.id,
    entryId: row.entry_id,
    date: row.day,
    start: row.start_offset,
    end: row.end_offset,
    W: row.wish,
    RO: row.response_of_other,
    RS: row.response_of_self,
    // A passage since withdrawn keeps its scores but no longer opens.
    link: links.get(row.entry_id) ?? null,
  }));
}
