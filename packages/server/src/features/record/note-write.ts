import crypto from 'node:crypto';
import type { Scoped } from '../../access/access-layer.js';
import { fieldsContext, narrativeContext, snapshotContext, type NoteContent } from './note-record.js';

/**
 * Writing progress notes: the encrypted narrative and fields, and the version rows that keep every
 * saved state (each draft save, the signing) encrypted whole. Version rows are append-only.
 */
export const EMPTY_CONTENT: NoteContent = {
  narrative: '',
  fields: {},
  materialEntryIds: [],
  dreamEntryIds: [],
  defences: [],
  interventions: [],
};

/** The encrypted columns of a note's content. */
export async function sealContent(tx: Scoped, noteId: string, content: NoteContent) {
  const narrativeEnc = await tx.encrypt('clinical', narrativeContext(noteId), content.narrative);
  const fieldsEnc =
    Object.keys(content.fields).length === 0
      ? null
      : await tx.encrypt('clinical', fieldsContext(noteId), JSON.stringify(content.fields));
  return { narrativeEnc, fieldsEnc };
}

/** Appends the version row of a note's content (kind 'signed' when it is the signing). */
export async function appendVersion(
  tx: Scoped,
  noteId: string,
  version: number,
  kind: 'draft' | 'signed',
  content: NoteContent,
): Promise<void> {
  const id = crypto.randomUUID();
  const snapshot = await tx.encrypt('clinical', snapshotContext(id), JSON.stringify(content));
  await tx.query(
    `INSERT INTO progress_note_versions (id, practice_id, note_id, version, kind, snapshot_enc, saved_by)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6)`,
    [id, noteId, version, kind, snapshot, tx.actor.userId],
  );
}

/** Replaces a draft's content as the next version (the caller has checked it is a draft at that version). */
export async function updateDraft(tx: Scoped, noteId: string, version: number, content: NoteContent): Promise<void> {
  const sealed = await sealContent(tx, noteId, content);
  await tx.query(
    `UPDATE progress_notes SET narrative_enc = $2, fields_enc = $3, material_entry_ids = $4, dream_entry_ids = $5,
            defences = $6::jsonb, interventions = $7, version = $8, updated_at = now()
      WHERE id = $1 AND status = 'draft'`,
    [
      noteId,
      sealed.narrativeEnc,
      sealed.fieldsEnc,
      content.materialEntryIds,
      content.dreamEntryIds,
      JSON.stringify(content.defences),
      content.interventions,
      version,
    ],
  );
  await appendVersion(tx, noteId, version, 'draft', content);
}
