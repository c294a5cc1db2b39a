import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { authorId, processNoteEvent } from '../record/process-note-record.js';
import { requireOpen, requireRequest, requireWords } from './request-record.js';
import { authorNotesFor, decisionContext, toReviewNote } from './review-record.js';
import { ReviewNote, SarDecision } from './subject-access-schemas.js';

/**
 * PUT /api/subject-access/requests/:id/process-notes/:noteId (the note's author, a therapist):
 * includes one of their own process notes in the request's pack, or withholds it, with the reason
 * (required, sealed under the "process" key). Anyone else — the admin, a supervisor, the client,
 * another therapist — gets 404: they cannot see the request through row-level security unless they
 * have process notes about the client, and never someone else's note. Deciding again replaces the
 * decision; it applies to packs prepared from then on.
 */
export const decideProcessNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/subject-access/requests/:id/process-notes/:noteId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Include or withhold one of your process notes in a subject access pack, with the reason',
        params: Type.Object({ id: Uuid, noteId: Uuid }),
        body: SarDecision,
        response: withErrors({ 200: Type.Object({ note: ReviewNote }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const noteId = request.params.noteId.toLowerCase();
        // The event names the note only (never the client as subject person), as every process-note event.
        const event = {
          ...processNoteEvent('subject_access.process_note_decided', noteId),
          details: { requestId: id, include: request.body.include },
        };
        // Not locked: FOR UPDATE would need the admin's update policy; a decision on a request closed
        // meanwhile is harmless (a closed request prepares no more packs).
        const row = await requireRequest(tx, id, event);
        requireOpen(tx, row, event);
        const [note] = await authorNotesFor(tx, id, row.client_id, noteId);
        if (!note) {
          refuse(tx, event, 404, 'not_found', 'There is no such process note of yours about this client.');
        }
        const reason = requireWords(
          tx,
          event,
          request.body.reason,
          request.body.include
            ? 'Please give the reason for including this process note.'
            : 'Please give the reason for withholding this process note.',
        );
        await tx.query(
          `INSERT INTO subject_access_decisions (practice_id, request_id, process_note_id, author_id, include, reason_enc)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5)
           ON CONFLICT (practice_id, request_id, process_note_id)
           DO UPDATE SET include = EXCLUDED.include, reason_enc = EXCLUDED.reason_enc, decided_at = now()`,
          [
            id,
            noteId,
            authorId(tx),
            request.body.include,
            await tx.encrypt('process', decisionContext(id, noteId), reason),
          ],
        );
        const [decided] = await authorNotesFor(tx, id, row.client_id, noteId);
        if (!decided) throw new Error('a process note vanished while its decision was recorded');
        tx.audit(event);
        return { note: await toReviewNote(tx, id, decided) };
      }),
  );
};
