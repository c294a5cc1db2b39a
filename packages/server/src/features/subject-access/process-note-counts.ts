import type { AccessLayer } from '../../access/access-layer.js';
import { systemActor } from '../../access/actor.js';
import type { Static } from '@sinclair/typebox';
import type { AuthorCount } from './subject-access-schemas.js';

/**
 * How many process notes each author has about the client, and how many of them the author has
 * decided on for this request (and included). Process notes are their author's alone — row-level
 * security hides every row from the admin — so the count is taken by the system actor, and only
 * numbers and the author's name ever leave this function: no note id, date or text.
 */
export async function processNoteCounts(
  access: AccessLayer,
  practiceId: string,
  request: { id: string; clientId: string },
  requestId?: string,
): Promise<Static<typeof AuthorCount>[]> {
  return access.run(systemActor(practiceId, requestId), async (tx) => {
    const result = await tx.query<{
      author_id: string;
      display_name: string;
      total: number;
      decided: number;
      included: number;
    }>(
      `SELECT p.author_id, u.display_name, count(*)::int AS total, count(d.process_note_id)::int AS decided,
              count(*) FILTER (WHERE d.include)::int AS included
         FROM process_notes p
         JOIN users u ON u.practice_id = p.practice_id AND u.id = p.author_id
         LEFT JOIN subject_access_decisions d
           ON d.practice_id = p.practice_id AND d.request_id = $1 AND d.process_note_id = p.id
        WHERE p.client_id = $2
        GROUP BY p.author_id, u.display_name
        ORDER BY u.display_name, p.author_id`,
      [request.id, request.clientId],
    );
    return result.rows.map((r) => ({
      author: { id: r.author_id, displayName: r.display_name },
      total: r.total,
      decided: r.decided,
      included: r.included,
    }));
  });
}

/** The detail with the counts filled in (taken after the admin's own transaction has committed). */
export async function withCounts<T extends { id: string; client: { id: string }; processNotes: unknown[] }>(
  access: AccessLayer,
  practiceId: string,
  detail: T,
  requestId?: string,
): Promise<T> {
  return {
    ...detail,
    processNotes: await processNoteCounts(access, practiceId, { id: detail.id, clientId: detail.client.id }, requestId),
  };
}
