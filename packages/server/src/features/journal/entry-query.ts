import { Type, type Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { EntryQuery } from './journal-schemas.js';
import { decryptEntryText, SUMMARY_COLUMNS, type SummaryRow } from './entry-record.js';
import { detailsTexts, matchesAll } from './entry-text.js';

/**
 * The timeline's query: the client's entries newest first, filtered by kind, sharing and tag, a page
 * at a time by a keyset cursor on (created_at, id). Search decrypts bodies and details here on the
 * server — only ever the signed-in client's, since every statement names them — and keeps those
 * holding every word.
 */
export type Filters = Omit<Static<typeof EntryQuery>, 'q' | 'cursor' | 'limit'>;

/**
 * EntryQuery as it arrives in an address: query values are strings (the app's validator does not
 * coerce types), so `limit` is 1 to 5000 written in digits.
 */
export const EntryListQuery = Type.Object(
  {
    ...EntryQuery.properties,
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]{0,2}|[1-4][0-9]{3}|5000)$' })),
  },
  { additionalProperties: false },
);

interface Cursor {
  at: string;
  id: string;
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a cursor time names a moment that exists (not 2024-13-45, nor year 0, which PostgreSQL refuses). */
function realInstant(at: string): boolean {
  const seconds = at.slice(0, 19);
  const time = Date.parse(`${seconds}Z`);
  return !seconds.startsWith('0000') && !Number.isNaN(time) && new Date(time).toISOString().startsWith(seconds);
}

export function encodeCursor(row: { cursor_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.cursor_at, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const [at, id] = value as [string, string];
      if (CURSOR_AT.test(at) && realInstant(at) && UUID.test(id)) return { at, id };
    }
  } catch {
    // Answered below like any other unreadable cursor.
  }
  throw new HttpError(
    400,
    'This page of your journal could not be found. Please go back to the start of the timeline.',
    'invalid_cursor',
  );
}

export interface ListRow extends SummaryRow {
  body_enc?: string;
  details_enc?: string | null;
}

/** One batch of rows after `cursor`; with `withText` the encrypted body and details too (for search). */
export async function fetchRows(
  tx: Scoped,
  clientId: string,
  filters: Filters,
  cursor: Cursor | null,
  limit: number,
  withText: boolean,
): Promise<ListRow[]> {
  const values: unknown[] = [clientId];
  const where = ['e.client_id = $1'];
  const param = (value: unknown) => `$${values.push(value)}`;
  if (filters.kind) where.push(`e.kind = ${param(filters.kind)}`);
  if (filters.sharing === 'private') where.push('s.id IS NULL');
  if (filters.sharing === 'shared') where.push('s.id IS NOT NULL');
  if (filters.sharing === 'to_bring') where.push('s.id IS NOT NULL AND s.bring_next');
  if (filters.tag) {
    where.push(
      `EXISTS (SELECT 1 FROM journal_entry_tags ft WHERE ft.entry_id = e.id AND ft.tag_id = ${param(filters.tag)})`,
    );
  }
  if (cursor) where.push(`(e.created_at, e.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
  const result = await tx.query<ListRow>(
    `SELECT ${SUMMARY_COLUMNS}${withText ? ', e.body_enc, e.details_enc' : ''}
       FROM journal_entries e LEFT JOIN journal_shares s ON s.entry_id = e.id AND s.withdrawn_at IS NULL
      WHERE ${where.join(' AND ')}
      ORDER BY e.created_at DESC, e.id DESC
      LIMIT ${param(limit)}`,
    values,
  );
  return result.rows;
}

const SEARCH_BATCH = 250;

/** Up to `wanted` rows holding every word, newest first, from `cursor` on. */
export async function searchRows(
  tx: Scoped,
  clientId: string,
  filters: Filters,
  cursor: Cursor | null,
  wanted: number,
  words: string[],
): Promise<ListRow[]> {
  const found: ListRow[] = [];
  let after = cursor;
  for (;;) {
    const batch = await fetchRows(tx, clientId, filters, after, SEARCH_BATCH, true);
    for (const row of batch) {
      const text = await decryptEntryText(tx, {
        id: row.id,
        body_enc: row.body_enc ?? '',
        details_enc: row.details_enc ?? null,
      });
      if (matchesAll(words, [text.body, ...detailsTexts(text.details)])) found.push(row);
      if (found.length === wanted) return found;
    }
    const last = batch.at(-1);
    if (batch.length < SEARCH_BATCH || !last) return found;
    after = { at: last.cursor_at, id: last.id };
  }
}
