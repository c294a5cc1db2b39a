import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { noteEvent, requireNote, toNote } from './note-record.js';
import { Note } from './record-schemas.js';

/**
 * GET /api/record/notes/:id (the note's author, or a therapist currently caring for the client):
 * one progress note whole, with its amendments and the shared entries it links to.
 */
export const getNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/notes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'One progress note',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ note: Note }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireNote(tx, id, {
          action: 'record.note_viewed',
          subjectType: 'progress_note',
          subjectId: id,
        });
        tx.audit({ ...noteEvent('record.note_viewed', row), details: { version: row.version } });
        return { note: await toNote(tx, row) };
      }),
  );
};
