import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { DreamDetails, Entry, EntryKind, EntrySharing, EntrySummary } from './journal-schemas.js';

/**
 * Reading the client's entries: the columns a whole entry needs (with its tags and sharing in the
 * same statement, so one round trip answers), and turning stored rows into Entry / EntrySummary by
 * decrypting what the answer shows. Row-level security already limits entry rows to the signed-in
 * client; every statement here names the client as well.
 */

export const bodyContext = (id: string) => `journal_entries.body_enc:${id}`;
export const excerptContext = (id: string) => `journal_entries.excerpt_enc:${id}`;
export const detailsContext = (id: string) => `journal_entries.details_enc:${id}`;
export const tagNameContext = (id: string) => `journal_tags.name_enc:${id}`;

export const NO_SUCH_ENTRY = 'There is no such entry in your journal.';

/** What every entry answer shares, whole or summarised. */
interface EntryFactsRow {
  id: string;
  kind: EntryKind;
  word_count: number;
  mood: number | null;
  dreamt_on: string | null;
  dream_period: 'night' | 'nap' | null;
  nightmare: boolean;
  lucid: boolean;
  conflict_of: string | null;
  /** ISO 8601 to the millisecond, made by the database (see isoText). */
  created_at: string;
  updated_at: string;
}

export interface StoredShare {
  id: string;
  sharedAt: string;
  bringNext: boolean;
  withdrawnAt: string | null;
  readAt: string | null;
}

export interface EntryRow extends EntryFactsRow {
  client_id: string;
  version: number;
  body_enc: string;
  details_enc: string | null;
  recurs_ids: string[];
  appointment_id: string | null;
  timer_minutes: number | null;
  seconds_spent: number;
  /** The live share if there is one, else the latest withdrawn one. */
  share: StoredShare | null;
  next_session: { id: string; startsAt: string } | null;
  tags: { id: string; nameEnc: string }[];
}

/**
 * A timestamp as ISO 8601 text in UTC to the millisecond (what Date#toISOString gives), made by the
 * database: a timeline of thousands of rows then parses no dates.
 */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FACTS = `e.id, e.kind, e.word_count, e.mood, e.dreamt_on::text AS dreamt_on, e.dream_period, e.nightmare,
  e.lucid, e.conflict_of, ${isoText('e.created_at')} AS created_at, ${isoText('e.updated_at')} AS updated_at`;

/** A whole entry with its tags, its current (or last) share and the client's next session. */
export const ENTRY_SELECT = `SELECT ${FACTS}, e.client_id, e.version, e.body_enc, e.details_enc, e.recurs_ids,
    e.appointment_id, e.timer_minutes, e.seconds_spent,
    (SELECT json_build_object('id', s.id, 'sharedAt', s.shared_at, 'bringNext', s.bring_next,
              'withdrawnAt', s.withdrawn_at,
              'readAt', (SELECT min(r.first_read_at) FROM journal_reads r WHERE r.share_id = s.id))
       FROM journal_shares s WHERE s.entry_id = e.id
      ORDER BY (s.withdrawn_at IS NULL) DESC, s.shared_at DESC, s.id DESC LIMIT 1) AS share,
    (SELECT json_build_object('id', a.id, 'startsAt', a.starts_at)
       FROM appointments a WHERE a.client_id = e.client_id AND a.status = 'scheduled' AND a.starts_at > now()
      ORDER BY a.starts_at LIMIT 1) AS next_session,
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'nameEnc', t.name_enc)), '[]'::json)
       FROM journal_entry_tags et JOIN journal_tags t ON t.id = et.tag_id WHERE et.entry_id = e.id) AS tags
  FROM journal_entries e`;

/** One of the client's entries (locked for a save when `forUpdate`), or undefined. */
export async function findEntryRow(
  tx: Scoped,
  clientId: string,
  id: string,
  forUpdate = false,
): Promise<EntryRow | undefined> {
  const result = await tx.query<EntryRow>(
    `${ENTRY_SELECT} WHERE e.id = $1 AND e.client_id = $2${forUpdate ? ' FOR UPDATE OF e' : ''}`,
    [id, clientId],
  );
  return result.rows[0];
}

export const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Maps one at a time: a transaction's connection runs one query at a time, and decrypting may query
 * (a data key not yet in memory), so work on one transaction is never started side by side.
 */
export async function inTurn<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

/** The decrypted text of an entry. */
export interface EntryText {
  body: string;
  details: DreamDetails | null;
}

export async function decryptEntryText(
  tx: Scoped,
  row: { id: string; body_enc: string; details_enc: string | null },
): Promise<EntryText> {
  const body = await tx.decrypt(bodyContext(row.id), row.body_enc);
  const details = row.details_enc ? await tx.decrypt(detailsContext(row.id), row.details_enc) : null;
  return { body, details: details === null ? null : (JSON.parse(details) as DreamDetails) };
}

type Sharing = Static<typeof EntrySharing>;

export function sharingOf(share: StoredShare | null, nextSession: EntryRow['next_session']): Sharing {
  if (!share) {
    return { state: 'private', sharedAt: null, bringNext: false, bringSession: null, withdrawnAt: null, readAt: null };
  }
  const live = share.withdrawnAt === null;
  return {
    state: live ? 'shared' : 'withdrawn',
    sharedAt: iso(share.sharedAt),
    bringNext: live && share.bringNext,
    bringSession:
      live && share.bringNext && nextSession ? { id: nextSession.id, startsAt: iso(nextSession.startsAt) } : null,
    withdrawnAt: share.withdrawnAt === null ? null : iso(share.withdrawnAt),
    readAt: share.readAt === null ? null : iso(share.readAt),
  };
}

/** Tag names decrypted and sorted as a person reads them. */
export async function decryptTags(tx: Scoped, tags: { id: string; nameEnc: string }[]) {
  const named = await inTurn(tags, async (t) => ({
    id: t.id,
    name: await tx.decrypt(tagNameContext(t.id), t.nameEnc),
  }));
  return named.sort(byName);
}

const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
export const byName = (a: { name: string }, b: { name: string }) => COLLATOR.compare(a.name, b.name);

function factsOf(row: EntryFactsRow) {
  return {
    id: row.id,
    kind: row.kind,
    wordCount: row.word_count,
    mood: row.mood,
    dreamtOn: row.dreamt_on,
    dreamPeriod: row.dream_period,
    nightmare: row.nightmare,
    lucid: row.lucid,
    conflictOf: row.conflict_of,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A whole entry; `text` when the caller has already decrypted it. */
export async function toEntry(tx: Scoped, row: EntryRow, text?: EntryText): Promise<Entry> {
  const { body, details } = text ?? (await decryptEntryText(tx, row));
  const tags = await decryptTags(tx, row.tags);
  return {
    ...factsOf(row),
    version: row.version,
    body,
    details,
    recursIds: row.recurs_ids,
    appointmentId: row.appointment_id,
    timerMinutes: row.timer_minutes,
    secondsSpent: row.seconds_spent,
    tags,
    sharing: sharingOf(row.share, row.next_session),
  };
}

export interface SummaryRow extends EntryFactsRow {
  excerpt_enc: string;
  /** created_at to the microsecond, for the page cursor. */
  cursor_at: string;
  tag_ids: string[];
  live: boolean;
  live_bring_next: boolean | null;
  ever_shared: boolean;
}

/** The columns of a timeline row; `e` is journal_entries, `s` its live share (LEFT JOIN). */
export const SUMMARY_COLUMNS = `${FACTS}, e.excerpt_enc,
    to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
    ARRAY(SELECT et.tag_id FROM journal_entry_tags et WHERE et.entry_id = e.id) AS tag_ids,
    (s.id IS NOT NULL) AS live, s.bring_next AS live_bring_next,
    (s.id IS NOT NULL OR EXISTS (SELECT 1 FROM journal_shares w WHERE w.entry_id = e.id)) AS ever_shared`;

/** The client's tags by id, names decrypted (each once, however many entries carry it). */
export async function clientTagNames(tx: Scoped, clientId: string): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; name_enc: string }>(
    'SELECT id, name_enc FROM journal_tags WHERE client_id = $1',
    [clientId],
  );
  const named = await decryptTags(
    tx,
    rows.rows.map((r) => ({ id: r.id, nameEnc: r.name_enc })),
  );
  return new Map(named.map((t) => [t.id, t.name]));
}

export function tagRefs(ids: string[], names: Map<string, string>) {
  if (ids.length === 0) return [];
  return ids
    .flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name }];
    })
    .sort(byName);
}

/** Timeline entries: only the excerpts are decrypted (one at a time, then the rest is plain work). */
export async function toSummaries(
  tx: Scoped,
  rows: SummaryRow[],
  tagNames: Map<string, string>,
): Promise<EntrySummary[]> {
  const excerpts = await inTurn(rows, (row) => tx.decrypt(excerptContext(row.id), row.excerpt_enc));
  return rows.map((row, i) => toSummary(row, excerpts[i] ?? '', tagNames));
}

function toSummary(row: SummaryRow, excerpt: string, tagNames: Map<string, string>): EntrySummary {
  return {
    ...factsOf(row),
    excerpt,
    tags: tagRefs(row.tag_ids, tagNames),
    sharing: {
      state: row.live ? 'shared' : row.ever_shared ? 'withdrawn' : 'private',
      bringNext: row.live && row.live_bring_next === true,
    },
  };
}
