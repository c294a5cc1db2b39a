import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { findNoteRow, toNote } from './note-record.js';
import { appendVersion, EMPTY_CONTENT, sealContent } from './note-write.js';
import { NOT_HELD } from './notes-list.js';
import { Note } from './record-schemas.js';

const NoteExists = Type.Object({ error: Type.String(), message: Type.String(), noteId: Uuid });

/**
 * POST /api/record/clients/:clientId/notes (therapist caring for the client): starts the draft note
 * of one of my sessions with this client that took place (or is today). One note per session: a
 * second start answers 409 with the id of the note that exists.
 */
export const createNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/record/clients/:clientId/notes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Start the progress note of a session',
        params: Type.Object({ clientId: Uuid }),
        body: Type.Object({ appointmentId: Uuid }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ note: Note }), 409: NoteExists }),
      },
    },
    async (request, reply) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const appointmentId = request.body.appointmentId.toLowerCase();
        const id = crypto.randomUUID();
        const event: AuditInput = {
          action: 'record.note_created',
          subjectType: 'progress_note',
          subjectId: id,
          subjectUserId: clientId,
          details: { appointmentId },
        };
        await requireOwnClient(tx, clientId, event.action);
        const found = await tx.query<{ starts_at: Date; ends_at: Date; not_held: boolean; future: boolean }>(
          `SELECT a.starts_at, a.ends_at, a.status IN ${NOT_HELD} AS not_held,
                  (a.starts_at AT TIME ZONE p.time_zone)::date > (now() AT TIME ZONE p.time_zone)::date AS future
             FROM appointments a JOIN practices p ON p.id = a.practice_id
            WHERE a.id = $1 AND a.client_id = $2 AND a.therapist_id = $3`,
          [appointmentId, clientId, selfId(tx)],
        );
        const session = found.rows[0];
        if (!session) {
          refuse(tx, event, 400, 'unknown_session', 'That session is not one of yours with this client.');
        }
        if (session.not_held) {
          refuse(tx, event, 400, 'not_held', 'That session was cancelled or moved, so it has no progress note.');
        }
        if (session.future) {
          refuse(
            tx,
            event,
            400,
            'future_session',
            'That session has not happened yet. A note can be started from the day of the session.',
          );
        }
        const sealed = await sealContent(tx, id, EMPTY_CONTENT);
        const inserted = await tx.query(
          `INSERT INTO progress_notes (id, practice_id, client_id, appointment_id, author_id, narrative_enc,
                                       session_starts_at, session_ends_at)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7)
           ON CONFLICT (practice_id, appointment_id) DO NOTHING`,
          [id, clientId, appointmentId, selfId(tx), sealed.narrativeEnc, session.starts_at, session.ends_at],
        );
        if (inserted.rowCount === 0) {
          const existing = await tx.query<{ id: string }>('SELECT id FROM progress_notes WHERE appointment_id = $1', [
            appointmentId,
          ]);
          const noteId = existing.rows[0]?.id;
          if (!noteId) {
            refuse(tx, event, 409, 'exists', 'This session already has a progress note that you cannot open.');
          }
          tx.audit({
            ...event,
            subjectId: noteId,
            outcome: 'failure',
            details: { appointmentId, reason: 'exists' },
          });
          return reply.status(409).send({
            error: 'exists',
            message: 'This session already has a progress note. Open it to continue.',
            noteId,
          });
        }
        await appendVersion(tx, id, 1, 'draft', EMPTY_CONTENT);
        const row = await findNoteRow(tx, id);
        if (!row) throw new Error('a note just created cannot be read back');
        tx.audit(event);
        return { note: await toNote(tx, row, EMPTY_CONTENT) };
      }),
  );
};
