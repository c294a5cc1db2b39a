import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { malformedMessage } from '../journal/entry-text.js';
import { amendmentTextContext, noteEvent, reasonContext, requireNote, toNote } from './note-record.js';
import { AmendmentBody, Note } from './record-schemas.js';
import { NOTE_BODY_LIMIT_BYTES } from './notes-save.js';

/**
 * POST /api/record/notes/:id/amendments (the note's author, or a therapist currently caring for the
 * client): appends an amendment with its reason to a signed note. The note itself is not changed;
 * amendments are never changed or removed.
 */
export const amendNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/record/notes/:id/amendments',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      bodyLimit: NOTE_BODY_LIMIT_BYTES,
      schema: {
        tags: ['record'],
        summary: 'Amend a signed progress note',
        params: Type.Object({ id: Uuid }),
        body: AmendmentBody,
        response: withErrors({ 200: Type.Object({ note: Note }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireNote(tx, id, {
          action: 'record.note_amended',
          subjectType: 'progress_note',
          subjectId: id,
        });
        const event = noteEvent('record.note_amended', row);
        if (row.status !== 'signed') {
          refuse(
            tx,
            event,
            409,
            'draft',
            'This note is still a draft: change it directly, and sign it when it is ready.',
          );
        }
        const { reason, text } = request.body;
        if (reason.trim() === '' || text.trim() === '') {
          refuse(tx, event, 400, 'empty', 'An amendment needs both its text and the reason for it.');
        }
        const malformed = malformedMessage([reason, text]);
        if (malformed) refuse(tx, event, 400, 'malformed_text', malformed);
        const amendmentId = crypto.randomUUID();
        await tx.query(
          `INSERT INTO progress_note_amendments (id, practice_id, note_id, author_id, reason_enc, text_enc)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5)`,
          [
            amendmentId,
            id,
            tx.actor.userId,
            await tx.encrypt('clinical', reasonContext(amendmentId), reason),
            await tx.encrypt('clinical', amendmentTextContext(amendmentId), text),
          ],
        );
        tx.audit({ ...event, details: { amendmentId } });
        return { note: await toNote(tx, row) };
      }),
  );
};
