import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { authorId, NO_SUCH_PROCESS_NOTE, processNoteEvent } from './process-note-record.js';

/** DELETE /api/record/process-notes/:id (therapist): deletes one of the signed-in therapist's own process notes. */
export const deleteProcessNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/record/process-notes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Delete one of your process notes',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const event = processNoteEvent('record.process_note_deleted', id);
        const deleted = await tx.query('DELETE FROM process_notes WHERE id = $1 AND author_id = $2', [
          id,
          authorId(tx),
        ]);
        if (deleted.rowCount !== 1) refuse(tx, event, 404, 'not_found', NO_SUCH_PROCESS_NOTE);
        tx.audit(event);
        return { ok: true as const };
      }),
  );
};
