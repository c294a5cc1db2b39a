import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { MAX_ENTRY_CHARACTERS, type NotReadyItem } from './journal-schemas.js';

/**
 * The "not ready to talk about yet" list: the client's alone. Row-level security lets no one but the
 * client (and the system) see a row; the queries here also ask for the signed-in client's own rows.
 * The text is encrypted and kept exactly as written.
 */
export type NotReady = Static<typeof NotReadyItem>;

/** Room for a note as long as an entry, in UTF-8 bytes of JSON (an emoji takes four). */
export const NOT_READY_BODY_LIMIT = 1_536 * 1024;

export const textContext = (id: string) => `journal_not_ready.text_enc:${id}`;

const COUNT = new Intl.NumberFormat('en-GB');

/** Refuses empty text and text beyond the limit, counted in characters as a person counts them. */
export function checkNotReadyText(text: string): void {
  if (text.trim() === '') {
    throw new HttpError(400, 'Write a few words first: an empty note is not kept.', 'empty');
  }
  const length = [...text].length;
  if (length > MAX_ENTRY_CHARACTERS) {
    throw new HttpError(
      400,
      `This note is ${COUNT.format(length)} characters long; one note holds up to ${COUNT.format(MAX_ENTRY_CHARACTERS)}. ` +
        'Please shorten it, or split it into two notes.',
      'too_long',
    );
  }
}

interface Row {
  id: string;
  text_enc: string;
  created_at: Date;
  updated_at: Date;
}

/** The client's notes, oldest first (or one of them). */
export async function findNotReady(tx: Scoped, clientId: string, id?: string): Promise<NotReady[]> {
  const result = await tx.query<Row>(
    `SELECT id, text_enc, created_at, updated_at FROM journal_not_ready
      WHERE client_id = $1 AND ($2::uuid IS NULL OR id = $2)
      ORDER BY created_at, id`,
    [clientId, id ?? null],
  );
  const items: NotReady[] = [];
  for (const row of result.rows) {
    items.push({
      id: row.id,
      text: await tx.decrypt(textContext(row.id), row.text_enc),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    });
  }
  return items;
}
