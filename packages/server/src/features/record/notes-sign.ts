import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { decryptContent, findNoteRow, noteEvent, requireAuthor, requireNote, toNote } from './note-record.js';
import { appendVersion } from './note-write.js';
import { requireDraftAt } from './notes-save.js';
import { Note } from './record-schemas.js';
import { loadNoteSettings } from './settings-record.js';

const HOUR = 3_600_000;

/**
 * POST /api/record/notes/:id/sign (the note's author): signs the draft as it stands at the version
 * the therapist names. From then on the note cannot change (the database refuses it too); what
 * follows is an amendment. A note signed more than the practice's threshold (72 hours unless set)
 * after the session ended is marked as signed late.
 */
export const signNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/record/notes/:id/sign',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Sign a progress note',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { baseVersion: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ note: Note }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireNote(
          tx,
          id,
          { action: 'record.note_signed', subjectType: 'progress_note', subjectId: id },
          true,
        );
        const event = noteEvent('record.note_signed', row);
        requireAuthor(tx, row, event, 'sign it');
        requireDraftAt(tx, row, request.body.baseVersion, event);
        const content = await decryptContent(tx, row);
        if (content.narrative.trim() === '') {
          refuse(tx, event, 400, 'empty', 'Write the narrative before signing: a note cannot be signed empty.');
        }
        const { lateAfterHours } = await loadNoteSettings(tx);
        const signedAt = new Date();
        const late = signedAt.getTime() - row.session_ends_at.getTime() > lateAfterHours * HOUR;
        const version = row.version + 1;
        await tx.query(
          `UPDATE progress_notes SET status = 'signed', version = $2, signed_at = $3, signed_by = $4, signed_late = $5,
                  updated_at = $3
            WHERE id = $1 AND status = 'draft'`,
          [id, version, signedAt, tx.actor.userId, late],
        );
        await appendVersion(tx, id, version, 'signed', content);
        const signed = await findNoteRow(tx, id);
        if (!signed) throw new Error('a note just signed cannot be read back');
        tx.audit({ ...event, details: { version, late, lateAfterHours } });
        return { note: await toNote(tx, signed, content) };
      }),
  );
};
