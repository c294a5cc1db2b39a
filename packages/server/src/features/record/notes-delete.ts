import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { noteEvent, requireAuthor, requireNote } from './note-record.js';
import { SIGNED_MESSAGE } from './notes-save.js';

/** DELETE /api/record/notes/:id (the note's author): discards a draft. A signed note stays for good. */
export const deleteNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/record/notes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Discard a draft progress note',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireNote(
          tx,
          id,
          { action: 'record.note_deleted', subjectType: 'progress_note', subjectId: id },
          true,
        );
        const event = noteEvent('record.note_deleted', row);
        requireAuthor(tx, row, event, 'discard it');
        if (row.status === 'signed') refuse(tx, event, 409, 'signed', SIGNED_MESSAGE);
        await tx.query(`DELETE FROM progress_notes WHERE id = $1 AND status = 'draft'`, [id]);
        tx.audit({ ...event, details: { version: row.version } });
        return { ok: true as const };
      }),
  );
};
