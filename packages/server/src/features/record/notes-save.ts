import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import {
  decryptContent,
  findNoteRow,
  noteEvent,
  requireAuthor,
  requireNote,
  toNote,
  type NoteRow,
} from './note-record.js';
import { checkContent, contentOfSave } from './note-validation.js';
import { updateDraft } from './note-write.js';
import { Note, NoteSave } from './record-schemas.js';

/** Room for 100,000 characters of any script (up to four bytes each) with JSON escaping. */
export const NOTE_BODY_LIMIT_BYTES = 1.5 * 1024 * 1024;

export const SIGNED_MESSAGE = 'This note is signed. Add an amendment instead.';

/** Refuses a change to a signed note (409 signed) or over a version that is no longer the stored one (409 stale). */
export function requireDraftAt(tx: Scoped, row: NoteRow, baseVersion: number, event: AuditInput): void {
  if (row.status === 'signed') refuse(tx, event, 409, 'signed', SIGNED_MESSAGE);
  if (row.version !== baseVersion) {
    refuse(
      tx,
      event,
      409,
      'stale',
      `This note was saved somewhere else since you opened it (you had version ${baseVersion}; it is now at version ${row.version}). Copy what you changed, reload the note, and save again.`,
    );
  }
}

/**
 * PUT /api/record/notes/:id (the note's author): saves a draft over the version the therapist last
 * had, as the next version (every version is kept). A signed note is never changed.
 */
export const saveNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/record/notes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      bodyLimit: NOTE_BODY_LIMIT_BYTES,
      schema: {
        tags: ['record'],
        summary: 'Save a draft progress note',
        params: Type.Object({ id: Uuid }),
        body: NoteSave,
        response: withErrors({ 200: Type.Object({ note: Note }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireNote(
          tx,
          id,
          { action: 'record.note_saved', subjectType: 'progress_note', subjectId: id },
          true,
        );
        const event = noteEvent('record.note_saved', row);
        requireAuthor(tx, row, event, 'change it');
        requireDraftAt(tx, row, request.body.baseVersion, event);
        const content = contentOfSave(request.body);
        await checkContent(tx, row.client_id, await decryptContent(tx, row), content, event);
        const version = row.version + 1;
        await updateDraft(tx, id, version, content);
        const saved = await findNoteRow(tx, id);
        if (!saved) throw new Error('a note just saved cannot be read back');
        tx.audit({
          ...event,
          details: {
            version,
            defences: content.defences.length,
            links: saved.material_entry_ids.length + saved.dream_entry_ids.length,
          },
        });
        return { note: await toNote(tx, saved, content) };
      }),
  );
};
