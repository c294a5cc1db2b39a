import { iso } from '../../journal/entry-record.js';
import { processBodyContext } from '../../record/process-note-record.js';
import { packSection } from '../pack-section.js';

/**
 * Process notes: ONLY those whose author chose to include them for this request (a note no one has
 * decided on is withheld). Each says that it was included, and when. Withheld notes leave no trace
 * here — no count, no date — because process notes are their author's private working notes and the
 * practice decides separately what to tell the client about any exemption it relies on.
 */
export interface ProcessNotesData {
  notes: { author: string; writtenAt: string; sessionStartsAt: string | null; body: string; includedAt: string }[];
}

export const processNotesSection = packSection<ProcessNotesData>({
  key: 'process_notes',
  title: 'Process notes your therapist chose to include',
  async assemble(tx, scope) {
    const rows = await tx.query<{
      id: string;
      author: string;
      created_at: Date;
      starts_at: Date | null;
      body_enc: string;
      decided_at: Date;
    }>(
      `SELECT p.id, u.display_name AS author, p.created_at, a.starts_at, p.body_enc, d.decided_at
         FROM subject_access_decisions d
         JOIN process_notes p ON p.practice_id = d.practice_id AND p.id = d.process_note_id AND p.author_id = d.author_id
         JOIN users u ON u.practice_id = p.practice_id AND u.id = p.author_id
         LEFT JOIN appointments a ON a.practice_id = p.practice_id AND a.id = p.appointment_id
        WHERE d.request_id = $1 AND d.include AND p.client_id = $2
        ORDER BY coalesce(a.starts_at, p.created_at), p.id`,
      [scope.requestId, scope.clientId],
    );
    const notes = [];
    for (const r of rows.rows) {
      notes.push({
        author: r.author,
        writtenAt: iso(r.created_at),
        sessionStartsAt: r.starts_at ? iso(r.starts_at) : null,
        body: await tx.decrypt(processBodyContext(r.id), r.body_enc),
        includedAt: iso(r.decided_at),
      });
    }
    return { notes };
  },
  toPdf(data, print) {
    if (data.notes.length === 0) return [{ kind: 'paragraph', text: 'None.' }];
    return data.notes.flatMap((n) => [
      {
        kind: 'meta' as const,
        text:
          `By ${n.author}, written ${print.dateTime(n.writtenAt)}` +
          (n.sessionStartsAt ? ` about the session of ${print.dateTime(n.sessionStartsAt)}` : '') +
          `; included in this pack by its author on ${print.dateTime(n.includedAt)}`,
      },
      { kind: 'paragraph' as const, text: n.body },
    ]);
  },
});
