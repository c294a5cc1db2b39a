import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { clientName } from '../journal/shared-record.js';
import { inTurn, iso } from '../journal/entry-record.js';
import { narrativeContext, noteExcerpt, odfOf, type Rating } from './note-record.js';
import { NoteList } from './record-schemas.js';

/** Statuses of a session that did not take place then (no note is written for it). */
export const NOT_HELD = `('cancelled_client', 'cancelled_therapist', 'moved')`;

/**
 * GET /api/record/clients/:clientId/notes (therapist caring for the client): the client's progress
 * notes newest first, the past sessions with me that have no note yet, and which sessions I have a
 * process note for (row-level security returns only my own process notes).
 */
export const listNotesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/clients/:clientId/notes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: "A client's progress notes, and the past sessions without one",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: NoteList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'record.notes_listed');
        const therapistId = selfId(tx);
        const notes = await tx.query<{
          id: string;
          appointment_id: string;
          status: 'draft' | 'signed';
          session_starts_at: Date;
          session_ends_at: Date;
          author_id: string;
          author_name: string;
          signed_at: Date | null;
          signed_late: boolean | null;
          amendment_count: number;
          narrative_enc: string;
          defences: Rating[];
          updated_at: Date;
        }>(
          `SELECT n.id, n.appointment_id, n.status, n.session_starts_at, n.session_ends_at, n.author_id,
                  u.display_name AS author_name, n.signed_at, n.signed_late, n.narrative_enc, n.defences, n.updated_at,
                  (SELECT count(*)::int FROM progress_note_amendments a WHERE a.note_id = n.id) AS amendment_count
             FROM progress_notes n JOIN users u ON u.id = n.author_id
            WHERE n.client_id = $1
            ORDER BY n.session_starts_at DESC, n.id DESC`,
          [clientId],
        );
        const sessions = await tx.query<{ id: string; starts_at: Date; ends_at: Date; status: string }>(
          `SELECT a.id, a.starts_at, a.ends_at, a.status FROM appointments a
            WHERE a.client_id = $1 AND a.therapist_id = $2 AND a.ends_at <= now() AND a.status NOT IN ${NOT_HELD}
              AND a.id NOT IN (SELECT n.appointment_id FROM progress_notes n WHERE n.client_id = $1)
            ORDER BY a.starts_at DESC, a.id DESC`,
          [clientId, therapistId],
        );
        const processNotes = await tx.query<{ appointment_id: string }>(
          `SELECT appointment_id FROM process_notes
            WHERE client_id = $1 AND author_id = $2 AND appointment_id IS NOT NULL`,
          [clientId, therapistId],
        );
        const summaries = await inTurn(notes.rows, async (n) => ({
          id: n.id,
          appointmentId: n.appointment_id,
          status: n.status,
          session: { startsAt: iso(n.session_starts_at), endsAt: iso(n.session_ends_at) },
          author: { id: n.author_id, displayName: n.author_name },
          signedAt: n.signed_at ? iso(n.signed_at) : null,
          signedLate: n.signed_late,
          amendmentCount: n.amendment_count,
          excerpt: noteExcerpt(await tx.decrypt(narrativeContext(n.id), n.narrative_enc)),
          odf: odfOf(n.defences),
          updatedAt: iso(n.updated_at),
        }));
        tx.audit({
          action: 'record.notes_listed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { notes: summaries.length, sessionsWithoutNote: sessions.rows.length },
        });
        return {
          client: { id: clientId, displayName: await clientName(tx, clientId) },
          notes: summaries,
          sessionsWithoutNote: sessions.rows.map((s) => ({
            appointmentId: s.id,
            startsAt: iso(s.starts_at),
            endsAt: iso(s.ends_at),
            status: s.status,
          })),
          myProcessNoteAppointmentIds: processNotes.rows.map((p) => p.appointment_id),
        };
      }),
  );
};
