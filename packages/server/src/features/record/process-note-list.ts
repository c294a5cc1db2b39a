import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { ProcessNote } from './record-schemas.js';
import { processNoteRowsOf, requireCurrentClient, toProcessNote } from './process-note-record.js';

/**
 * GET /api/record/clients/:clientId/process-notes (therapist): the signed-in therapist's own process
 * notes about a client on their caseload, newest first. Never anyone else's: another therapist caring
 * for the same client gets an empty list.
 */
export const listProcessNotesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/clients/:clientId/process-notes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Your own process notes about a client, newest first (no one else can read them)',
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: Type.Object({ notes: Type.Array(ProcessNote) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const event = {
          action: 'record.process_notes_listed' as const,
          subjectType: 'process_notes',
          subjectId: clientId,
        };
        await requireCurrentClient(tx, clientId, event);
        const rows = await processNoteRowsOf(tx, clientId);
        const notes = [];
        for (const row of rows) notes.push(await toProcessNote(tx, row));
        tx.audit({ ...event, details: { count: notes.length } });
        return { notes };
      }),
  );
};
