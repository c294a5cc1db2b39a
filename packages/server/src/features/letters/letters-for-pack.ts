import type { Scoped } from '../../access/access-layer.js';
import { inTurn, iso } from '../journal/entry-record.js';
import { decryptLetter, LETTER_SELECT, type LetterRow } from './letter-record.js';
import type { Letterhead } from './letters-schemas.js';

/**
 * For the subject-access pack: every letter filed in a client's record, oldest first, as plain data
 * (drafts are not part of the record). Reads what the transaction's actor may see — row-level
 * security lets the system actor see all of a practice's letters, a therapist only those they wrote
 * or whose client they care for — so the caller chooses the actor and writes the audit event.
 */
export interface PackLetter {
  id: string;
  finalisedAt: string;
  author: string;
  recipientName: string;
  recipientAddress: string;
  subject: string;
  body: string;
  letterhead: Letterhead;
}

export async function listLettersForPack(tx: Scoped, clientId: string): Promise<PackLetter[]> {
  const rows = await tx.query<LetterRow>(
    `${LETTER_SELECT} WHERE l.client_id = $1 AND l.status = 'final' ORDER BY l.finalised_at, l.id`,
    [clientId],
  );
  return inTurn(rows.rows, async (row) => {
    const content = await decryptLetter(tx, row);
    if (!row.finalised_at || !row.letterhead) throw new Error('a filed letter has no filing date or letterhead');
    return {
      id: row.id,
      finalisedAt: iso(row.finalised_at),
      author: row.author_name,
      ...content,
      letterhead: row.letterhead,
    };
  });
}
