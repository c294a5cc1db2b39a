import type { Static } from '@sinclair/typebox';
import { isDefenceId, overallDefensiveFunctioning } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { excerptOf } from '../journal/entry-text.js';
import { inTurn, iso } from '../journal/entry-record.js';
import type { DefenceRating, Intervention, LinkedEntry, Note, NoteFields } from './record-schemas.js';

/**
 * Reading progress notes. Row-level security already limits note rows to their author and the
 * therapists currently caring for the client (never the admin, a supervisor or the client); every
 * answer here is built from what that lets through, and the texts are decrypted per request.
 */
export const narrativeContext = (id: string) => `progress_notes.narrative_enc:${id}`;
export const fieldsContext = (id: string) => `progress_notes.fields_enc:${id}`;
export const snapshotContext = (id: string) => `progress_note_versions.snapshot_enc:${id}`;
export const reasonContext = (id: string) => `progress_note_amendments.reason_enc:${id}`;
export const amendmentTextContext = (id: string) => `progress_note_amendments.text_enc:${id}`;

export const NO_SUCH_NOTE = 'There is no such note in the records you look after.';

export type Rating = Static<typeof DefenceRating>;
export type InterventionKind = Static<typeof Intervention>;
type Person = { id: string; displayName: string };

export interface NoteRow {
  id: string;
  client_id: string;
  appointment_id: string;
  author_id: string;
  author_name: string;
  status: 'draft' | 'signed';
  version: number;
  narrative_enc: string;
  fields_enc: string | null;
  material_entry_ids: string[];
  dream_entry_ids: string[];
  defences: Rating[];
  interventions: InterventionKind[];
  session_starts_at: Date;
  session_ends_at: Date;
  signed_at: Date | null;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_late: boolean | null;
  created_at: Date;
  updated_at: Date;
}

const NOTE_SELECT = `SELECT n.id, n.client_id, n.appointment_id, n.author_id, au.display_name AS author_name, n.status,
    n.version, n.narrative_enc, n.fields_enc, n.material_entry_ids, n.dream_entry_ids, n.defences, n.interventions,
    n.session_starts_at, n.session_ends_at, n.signed_at, n.signed_by, sb.display_name AS signed_by_name,
    n.signed_late, n.created_at, n.updated_at
  FROM progress_notes n
  JOIN users au ON au.id = n.author_id
  LEFT JOIN users sb ON sb.id = n.signed_by`;

/** A note the signed-in therapist may see (locked for a change when `forUpdate`), or undefined. */
export async function findNoteRow(tx: Scoped, id: string, forUpdate = false): Promise<NoteRow | undefined> {
  const result = await tx.query<NoteRow>(`${NOTE_SELECT} WHERE n.id = $1${forUpdate ? ' FOR UPDATE OF n' : ''}`, [id]);
  return result.rows[0];
}

/** The note, or a 404 refusal (audited) that does not reveal whether it exists. */
export async function requireNote(tx: Scoped, id: string, event: AuditInput, forUpdate = false): Promise<NoteRow> {
  const row = await findNoteRow(tx, id, forUpdate);
  if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_NOTE);
  return row;
}

/** The audit event about a note: the client is its subject, so it shows in their "who opened my record". */
export function noteEvent(action: AuditInput['action'], row: NoteRow): AuditInput {
  return { action, subjectType: 'progress_note', subjectId: row.id, subjectUserId: row.client_id };
}

/** Refuses (403) a change only the note's author may make. */
export function requireAuthor(tx: Scoped, row: NoteRow, event: AuditInput, what: string): void {
  if (row.author_id !== tx.actor.userId) {
    refuse(tx, event, 403, 'not_author', `Only the therapist who wrote this note can ${what}.`);
  }
}

/** The content of a note at one version: what each version row keeps, encrypted whole. */
export interface NoteContent {
  narrative: string;
  fields: Static<typeof NoteFields>;
  materialEntryIds: string[];
  dreamEntryIds: string[];
  defences: Rating[];
  interventions: InterventionKind[];
}

export async function decryptContent(tx: Scoped, row: NoteRow): Promise<NoteContent> {
  const narrative = await tx.decrypt(narrativeContext(row.id), row.narrative_enc);
  const fields = row.fields_enc ? (JSON.parse(await tx.decrypt(fieldsContext(row.id), row.fields_enc)) as object) : {};
  return {
    narrative,
    fields: fields as NoteContent['fields'],
    materialEntryIds: row.material_entry_ids,
    dreamEntryIds: row.dream_entry_ids,
    defences: row.defences,
    interventions: row.interventions,
  };
}

/** The ODF of the rated defences (unknown ids, which saving refuses, are left out), null when none. */
export function odfOf(defences: Rating[]): number | null {
  return overallDefensiveFunctioning(defences.map((d) => d.defence).filter(isDefenceId));
}

const person = (id: string, displayName: string | null): Person => ({ id, displayName: displayName ?? '' });

export async function toNote(tx: Scoped, row: NoteRow, known?: NoteContent): Promise<Note> {
  const content = known ?? (await decryptContent(tx, row));
  return {
    id: row.id,
    clientId: row.client_id,
    appointmentId: row.appointment_id,
    author: person(row.author_id, row.author_name),
    status: row.status,
    version: row.version,
    ...content,
    linkedEntries: await linkedEntries(tx, row.client_id, [...content.materialEntryIds, ...content.dreamEntryIds]),
    odf: odfOf(content.defences),
    session: { startsAt: iso(row.session_starts_at), endsAt: iso(row.session_ends_at) },
    signedAt: row.signed_at ? iso(row.signed_at) : null,
    signedBy: row.signed_by ? person(row.signed_by, row.signed_by_name) : null,
    signedLate: row.signed_late,
    amendments: await amendmentsOf(tx, row.id),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/**
 * The entries a note links to, as the therapist may see them now: available only while a live share
 * of the entry exists (and row-level security lets the therapist read it); otherwise only the id.
 */
async function linkedEntries(tx: Scoped, clientId: string, ids: string[]): Promise<Static<typeof LinkedEntry>[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const result = await tx.query<{ entry_id: string; share_id: string; kind: string; excerpt_enc: string }>(
    `SELECT e.id AS entry_id, s.id AS share_id, e.kind, e.excerpt_enc
       FROM journal_entries e
       JOIN journal_shares s ON s.entry_id = e.id AND s.client_id = e.client_id AND s.withdrawn_at IS NULL
      WHERE e.client_id = $1 AND e.id = ANY($2::uuid[])`,
    [clientId, unique],
  );
  const live = new Map(result.rows.map((r) => [r.entry_id, r]));
  return inTurn(unique, async (entryId) => {
    const row = live.get(entryId);
    if (!row) return { entryId, available: false, kind: null, excerpt: null, shareId: null };
    const excerpt = await tx.decrypt(`journal_entries.excerpt_enc:${entryId}`, row.excerpt_enc);
    return { entryId, available: true, kind: row.kind, excerpt, shareId: row.share_id };
  });
}

async function amendmentsOf(tx: Scoped, noteId: string): Promise<Note['amendments']> {
  const result = await tx.query<{
    id: string;
    author_id: string;
    author_name: string;
    reason_enc: string;
    text_enc: string;
    created_at: Date;
  }>(
    `SELECT a.id, a.author_id, u.display_name AS author_name, a.reason_enc, a.text_enc, a.created_at
       FROM progress_note_amendments a JOIN users u ON u.id = a.author_id
      WHERE a.note_id = $1 ORDER BY a.created_at, a.id`,
    [noteId],
  );
  return inTurn(result.rows, async (a) => ({
    id: a.id,
    author: person(a.author_id, a.author_name),
    reason: await tx.decrypt(reasonContext(a.id), a.reason_enc),
    text: await tx.decrypt(amendmentTextContext(a.id), a.text_enc),
    createdAt: iso(a.created_at),
  }));
}

/** The start of a narrative for a list. */
export const noteExcerpt = (narrative: string) => excerptOf(narrative);
