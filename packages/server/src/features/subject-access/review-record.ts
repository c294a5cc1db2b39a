import type { Scoped } from '../../access/access-layer.js';
import { authorId, processBodyContext } from '../record/process-note-record.js';
import { iso } from '../journal/entry-record.js';
import type { ReviewView } from './subject-access-schemas.js';

/**
 * The author's side of a request: their own process notes about the client, with what they decided.
 * Every query names the signed-in author, and row-level security shows no one else's notes or
 * decisions anyway. The decision's reason is sealed under the practice's "process" key, as the notes.
 */
export const decisionContext = (requestId: string, noteId: string) =>
  `subject_access_decisions.reason_enc:${requestId}:${noteId}`;

export interface AuthorNoteRow {
  id: string;
  client_id: string;
  body_enc: string;
  created_at: Date;
  updated_at: Date;
  session_starts_at: Date | null;
  include: boolean | null;
  reason_enc: string | null;
  decided_at: Date | null;
}

/** The signed-in author's process notes about a client, oldest first, with their decision for the request. */
export async function authorNotesFor(tx: Scoped, requestId: string, clientId: string, noteId?: string) {
  const result = await tx.query<AuthorNoteRow>(
    `SELECT p.id, p.client_id, p.body_enc, p.created_at, p.updated_at, a.starts_at AS session_starts_at,
            d.include, d.reason_enc, d.decided_at
       FROM process_notes p
       LEFT JOIN appointments a ON a.practice_id = p.practice_id AND a.id = p.appointment_id
       LEFT JOIN subject_access_decisions d
         ON d.practice_id = p.practice_id AND d.request_id = $1 AND d.process_note_id = p.id AND d.author_id = $2
      WHERE p.author_id = $2 AND p.client_id = $3 AND ($4::uuid IS NULL OR p.id = $4::uuid)
      ORDER BY coalesce(a.starts_at, p.created_at), p.created_at, p.id`,
    [requestId, authorId(tx), clientId, noteId ?? null],
  );
  return result.rows;
}

export async function toReviewNote(
  tx: Scoped,
  requestId: string,
  row: AuthorNoteRow,
): Promise<ReviewView['notes'][number]> {
  return {
    id: row.id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    sessionStartsAt: row.session_starts_at ? iso(row.session_starts_at) : null,
    body: await tx.decrypt(processBodyContext(row.id), row.body_enc),
    decision:
      row.include === null || row.reason_enc === null || row.decided_at === null
        ? null
        : {
            include: row.include,
            reason: await tx.decrypt(decisionContext(requestId, row.id), row.reason_enc),
            decidedAt: iso(row.decided_at),
          },
  };
}
