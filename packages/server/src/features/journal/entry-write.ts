import type { Scoped } from '../../access/access-layer.js';
import type { Entry } from './journal-schemas.js';
import { bodyContext, detailsContext, excerptContext, isoText, sharingOf, type EntryRow } from './entry-record.js';
import { detailsJson, type EntryContent } from './entry-content.js';
import { excerptOf, wordCount } from './entry-text.js';

/**
 * Writing an entry's content: encrypted (body, excerpt, details), with its word count, as a new
 * row or over an existing one. Each returns the Entry the client now has, built from what was
 * written (no second read).
 */

interface Sealed {
  bodyEnc: string;
  excerptEnc: string;
  detailsEnc: string | null;
  words: number;
}

async function seal(tx: Scoped, id: string, content: EntryContent): Promise<Sealed> {
  const bodyEnc = await tx.encrypt('clinical', bodyContext(id), content.body);
  const excerptEnc = await tx.encrypt('clinical', excerptContext(id), excerptOf(content.body));
  const detailsEnc = content.details
    ? await tx.encrypt('clinical', detailsContext(id), detailsJson(content.details))
    : null;
  return { bodyEnc, excerptEnc, detailsEnc, words: wordCount(content.body) };
}

function entryOf(
  id: string,
  content: EntryContent,
  facts: { version: number; wordCount: number; createdAt: string; updatedAt: string; conflictOf: string | null },
  kept: Pick<Entry, 'tags' | 'sharing'>,
): Entry {
  return {
    id,
    kind: content.kind,
    version: facts.version,
    wordCount: facts.wordCount,
    body: content.body,
    details: content.details,
    mood: content.mood,
    dreamtOn: content.dreamtOn,
    dreamPeriod: content.dreamPeriod,
    nightmare: content.nightmare,
    lucid: content.lucid,
    recursIds: content.recursIds,
    appointmentId: content.appointmentId,
    timerMinutes: content.timerMinutes,
    secondsSpent: content.secondsSpent,
    conflictOf: facts.conflictOf,
    createdAt: facts.createdAt,
    updatedAt: facts.updatedAt,
    tags: kept.tags,
    sharing: kept.sharing,
  };
}

/**
 * A new entry (version 1) under `id`; undefined when the id is taken — by this client's concurrent
 * save, or by a row this client cannot see.
 */
export async function insertEntry(
  tx: Scoped,
  clientId: string,
  id: string,
  content: EntryContent,
  conflictOf: string | null,
): Promise<Entry | undefined> {
  const sealed = await seal(tx, id, content);
  const result = await tx.query<{ id: string; created_at: string; updated_at: string }>(
    `INSERT INTO journal_entries (id, practice_id, client_id, kind, version, body_enc, excerpt_enc, details_enc,
       word_count, mood, dreamt_on, dream_period, nightmare, lucid, recurs_ids, appointment_id, timer_minutes,
       seconds_spent, conflict_of)
     VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::uuid[], $15, $16, $17, $18)
     ON CONFLICT (id) DO NOTHING
     RETURNING id, ${isoText('created_at')} AS created_at, ${isoText('updated_at')} AS updated_at`,
    [
      id,
      tx.actor.practiceId,
      clientId,
      content.kind,
      sealed.bodyEnc,
      sealed.excerptEnc,
      sealed.detailsEnc,
      sealed.words,
      content.mood,
      content.dreamtOn,
      content.dreamPeriod,
      content.nightmare,
      content.lucid,
      content.recursIds,
      content.appointmentId,
      content.timerMinutes,
      content.secondsSpent,
      conflictOf,
    ],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return entryOf(
    row.id,
    content,
    { version: 1, wordCount: sealed.words, createdAt: row.created_at, updatedAt: row.updated_at, conflictOf },
    { tags: [], sharing: sharingOf(null, null) },
  );
}

/** The next version of a stored entry (locked by the caller); tags and sharing are unchanged by a save. */
export async function updateEntry(
  tx: Scoped,
  row: EntryRow,
  content: EntryContent,
  kept: Pick<Entry, 'tags' | 'sharing'>,
): Promise<Entry> {
  const sealed = await seal(tx, row.id, content);
  const result = await tx.query<{ version: number; updated_at: string }>(
    `UPDATE journal_entries
        SET version = version + 1, body_enc = $2, excerpt_enc = $3, details_enc = $4, word_count = $5, mood = $6,
            dreamt_on = $7, dream_period = $8, nightmare = $9, lucid = $10, recurs_ids = $11::uuid[],
            appointment_id = $12, timer_minutes = $13, seconds_spent = $14, updated_at = now()
      WHERE id = $1
      RETURNING version, ${isoText('updated_at')} AS updated_at`,
    [
      row.id,
      sealed.bodyEnc,
      sealed.excerptEnc,
      sealed.detailsEnc,
      sealed.words,
      content.mood,
      content.dreamtOn,
      content.dreamPeriod,
      content.nightmare,
      content.lucid,
      content.recursIds,
      content.appointmentId,
      content.timerMinutes,
      content.secondsSpent,
    ],
  );
  const updated = result.rows[0];
  if (!updated) throw new Error('a locked entry vanished during its save');
  return entryOf(
    row.id,
    content,
    {
      version: updated.version,
      wordCount: sealed.words,
      createdAt: row.created_at,
      updatedAt: updated.updated_at,
      conflictOf: row.conflict_of,
    },
    kept,
  );
}
