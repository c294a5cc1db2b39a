import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { DreamDetails, EntryKind, SharedEntry, SharedItem } from './journal-schemas.js';

/**
 * What a therapist sees of the entries a client shared with them. Row-level security already hides
 * an entry from staff unless a live share of it exists and they care for the client; every query
 * here also asks for exactly that, so the two checks stand on their own. A withdrawn share shows
 * only that something was withdrawn, and when: its entry is never joined, so no text is decrypted.
 *
 * "Marked unread": journal_reads keeps first_read_at (the client may see that their therapist read
 * it), so marking a share unread sets read_at to -infinity rather than deleting the row;
 * READ_AT reads that back as null.
 */
export const UNREAD = '-infinity';
export const READ_AT = `nullif(r.read_at, '${UNREAD}'::timestamptz)`;

/** Statuses that mean a session did not take place at that time. */
const NOT_HELD = `('cancelled_client', 'cancelled_therapist', 'moved')`;

export interface SessionRef {
  id: string;
  startsAt: string;
}

export interface Sessions {
  last: { id: string; startsAt: Date } | null;
  next: { id: string; startsAt: Date } | null;
}

/**
 * The client's last session with this therapist (one that has ended by now, held or due to have been)
 * and the next scheduled one — which, while a session is under way, is that session: during it, the
 * therapist still sees what the client wanted to bring to it.
 */
export async function sessionsOf(tx: Scoped, clientId: string, therapistId: string, now: Date): Promise<Sessions> {
  const result = await tx.query<{ which: 'last' | 'next'; id: string; starts_at: Date }>(
    `(SELECT 'last' AS which, id, starts_at FROM appointments
       WHERE client_id = $1 AND therapist_id = $2 AND ends_at <= $3 AND status NOT IN ${NOT_HELD}
       ORDER BY starts_at DESC, id DESC LIMIT 1)
     UNION ALL
     (SELECT 'next' AS which, id, starts_at FROM appointments
       WHERE client_id = $1 AND therapist_id = $2 AND ends_at > $3 AND status = 'scheduled'
       ORDER BY starts_at, id LIMIT 1)`,
    [clientId, therapistId, now],
  );
  const of = (which: 'last' | 'next') => {
    const row = result.rows.find((r) => r.which === which);
    return row ? { id: row.id, startsAt: row.starts_at } : null;
  };
  return { last: of('last'), next: of('next') };
}

export function sessionRef(session: Sessions['last']): SessionRef | null {
  return session ? { id: session.id, startsAt: session.startsAt.toISOString() } : null;
}

/**
 * The SQL of the lateral "last session" of a client (aliased `last`), for queries over a caseload.
 * $1 is the therapist, $2 "now".
 */
export const LAST_SESSION_LATERAL = `LEFT JOIN LATERAL (
    SELECT a.starts_at FROM appointments a
     WHERE a.client_id = ca.client_id AND a.therapist_id = $1 AND a.ends_at <= $2 AND a.status NOT IN ${NOT_HELD}
     ORDER BY a.starts_at DESC LIMIT 1) last ON true`;

interface ShareRow {
  id: string;
  entry_id: string | null;
  kind: EntryKind;
  shared_at: Date;
  withdrawn_at: Date | null;
  bring_next: boolean;
  bring_marked_at: Date | null;
  read_at: Date | null;
  excerpt_enc: string | null;
  written_at: Date | null;
  dreamt_on: string | null;
  updated_at: Date | null;
}

/**
 * Shares of one client, newest first, with this therapist's read markers and — for live shares
 * only — the entry's excerpt and dates. `shareId` narrows it to one share.
 */
export async function findShares(
  tx: Scoped,
  options: { clientId: string; therapistId: string; last: Date | null; shareId?: string; limit?: number },
): Promise<Static<typeof SharedItem>[]> {
  const result = await tx.query<ShareRow>(
    `SELECT s.id, s.entry_id, s.kind, s.shared_at, s.withdrawn_at, s.bring_next, s.bring_marked_at,
            ${READ_AT} AS read_at, e.excerpt_enc, e.created_at AS written_at, e.dreamt_on::text AS dreamt_on,
            e.updated_at
       FROM journal_shares s
       LEFT JOIN journal_reads r ON r.share_id = s.id AND r.therapist_id = $2
       LEFT JOIN journal_entries e ON e.id = s.entry_id AND e.client_id = s.client_id AND s.withdrawn_at IS NULL
      WHERE s.client_id = $1 AND ($3::uuid IS NULL OR s.id = $3)
      ORDER BY s.shared_at DESC, s.id DESC
      LIMIT $4`,
    [options.clientId, options.therapistId, options.shareId ?? null, options.limit ?? 200],
  );
  return Promise.all(result.rows.map((row) => toItem(tx, row, options.last)));
}

async function toItem(tx: Scoped, row: ShareRow, last: Date | null): Promise<Static<typeof SharedItem>> {
  const live = row.withdrawn_at === null && row.excerpt_enc !== null && row.entry_id !== null;
  const excerpt =
    live && row.excerpt_enc && row.entry_id
      ? await tx.decrypt(`journal_entries.excerpt_enc:${row.entry_id}`, row.excerpt_enc)
      : null;
  return {
    shareId: row.id,
    entryId: row.entry_id,
    kind: row.kind,
    sharedAt: row.shared_at.toISOString(),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    bringNext: row.bring_next,
    toBring:
      row.withdrawn_at === null &&
      row.bring_next &&
      (last === null || (row.bring_marked_at !== null && row.bring_marked_at > last)),
    sinceLastSession: last === null || row.shared_at > last,
    readAt: row.read_at?.toISOString() ?? null,
    updatedSinceRead: live && row.read_at !== null && row.updated_at !== null && row.updated_at > row.read_at,
    excerpt,
    writtenAt: live ? (row.written_at?.toISOString() ?? null) : null,
    dreamtOn: live ? row.dreamt_on : null,
  };
}

interface EntryRow {
  id: string;
  kind: EntryKind;
  word_count: number;
  mood: number | null;
  dreamt_on: string | null;
  dream_period: 'night' | 'nap' | null;
  nightmare: boolean;
  lucid: boolean;
  created_at: Date;
  updated_at: Date;
  body_enc: string;
  details_enc: string | null;
  appointment_id: string | null;
  timer_minutes: number | null;
  seconds_spent: number;
  recurs_ids: string[];
}

/**
 * The content of a shared entry, if a live share of it exists. Of the earlier dreams it recurs, only
 * those the therapist may see themselves are named: the id of a private dream is not theirs to know.
 */
export async function findSharedEntry(
  tx: Scoped,
  entryId: string,
  clientId: string,
): Promise<Static<typeof SharedEntry> | undefined> {
  const result = await tx.query<EntryRow>(
    `SELECT e.id, e.kind, e.word_count, e.mood, e.dreamt_on::text AS dreamt_on, e.dream_period, e.nightmare, e.lucid,
            e.created_at, e.updated_at, e.body_enc, e.details_enc, e.appointment_id, e.timer_minutes, e.seconds_spent,
            ARRAY(SELECT o.id FROM journal_entries o
                   WHERE o.id = ANY (e.recurs_ids) AND o.client_id = e.client_id
                     AND EXISTS (SELECT 1 FROM journal_shares os WHERE os.entry_id = o.id AND os.withdrawn_at IS NULL)
                   ORDER BY o.created_at, o.id) AS recurs_ids
       FROM journal_entries e
      WHERE e.id = $1 AND e.client_id = $2
        AND EXISTS (SELECT 1 FROM journal_shares s WHERE s.entry_id = e.id AND s.withdrawn_at IS NULL)`,
    [entryId, clientId],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const details = row.details_enc
    ? (JSON.parse(await tx.decrypt(`journal_entries.details_enc:${row.id}`, row.details_enc)) as DreamDetails)
    : null;
  return {
    id: row.id,
    kind: row.kind,
    wordCount: row.word_count,
    mood: row.mood,
    dreamtOn: row.dreamt_on,
    dreamPeriod: row.dream_period,
    nightmare: row.nightmare,
    lucid: row.lucid,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    body: await tx.decrypt(`journal_entries.body_enc:${row.id}`, row.body_enc),
    details,
    appointmentId: row.appointment_id,
    timerMinutes: row.timer_minutes,
    secondsSpent: row.seconds_spent,
    recursIds: row.recurs_ids,
  };
}

/** The client's name as the practice knows it (for the therapist's list header and messages). */
export async function clientName(tx: Scoped, clientId: string): Promise<string> {
  const result = await tx.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [clientId]);
  return result.rows[0]?.display_name ?? '';
}
