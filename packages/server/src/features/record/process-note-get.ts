import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { ProcessNote } from './record-schemas.js';
import { findProcessNoteRow, NO_SUCH_PROCESS_NOTE, processNoteEvent, toProcessNote } from './process-note-record.js';

/** GET /api/record/process-notes/:id (therapist): one of the signed-in therapist's own process notes. */
export const getProcessNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/process-notes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'One of your process notes',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ note: ProcessNote }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const event = processNoteEvent('record.process_note_viewed', id);
        const row = await findProcessNoteRow(tx, id);
        if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_PROCESS_NOTE);
        tx.audit(event);
        return { note: await toProcessNote(tx, row) };
      }),
  );
};
