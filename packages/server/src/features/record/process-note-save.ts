import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { isoText } from '../journal/entry-record.js';
import { SAVE_BODY_LIMIT_BYTES } from '../journal/entries-save.js';
import { ProcessNote, ProcessNoteSave } from './record-schemas.js';
import {
  authorId,
  checkBody,
  findProcessNoteRow,
  NO_SUCH_PROCESS_NOTE,
  processBodyContext,
  processNoteEvent,
  requireCurrentClient,
  toProcessNote,
  type ProcessNoteRow,
  type ProcessNoteView,
} from './process-note-record.js';

type Save = Static<typeof ProcessNoteSave>;

const STALE =
  'This process note was changed elsewhere (another tab or device) since you opened it. ' +
  'Copy what you wrote, reload the note, and add it again.';

/**
 * PUT /api/record/process-notes/:id (therapist): saves one of the signed-in therapist's process
 * notes about a client they currently care for. Base version 0 creates it under the id the device
 * made; otherwise the save must be over the stored version (409 stale), except a retried save of the
 * same content, which changes nothing. The session, if named, must be this client's, and a
 * therapist keeps one process note per session. The body is sealed under the "process" data key.
 */
export const saveProcessNoteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/record/process-notes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      bodyLimit: SAVE_BODY_LIMIT_BYTES,
      schema: {
        tags: ['record'],
        summary: 'Save one of your process notes (create with base version 0; versioned)',
        params: Type.Object({ id: Uuid }),
        body: ProcessNoteSave,
        response: withErrors({ 200: Type.Object({ note: ProcessNote }) }),
      },
    },
    async (request) => {
      const id = request.params.id.toLowerCase();
      const save: Save = {
        ...request.body,
        clientId: request.body.clientId.toLowerCase(),
        appointmentId: request.body.appointmentId?.toLowerCase() ?? null,
      };
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const event = processNoteEvent('record.process_note_saved', id);
        checkBody(tx, save.body, event);
        await requireCurrentClient(tx, save.clientId, event);
        // Twice at most: a first save racing another first save of the same id finds it on the second pass.
        for (let attempt = 0; attempt < 2; attempt++) {
          const row = await findProcessNoteRow(tx, id, true);
          if (!row) {
            if (save.baseVersion !== 0) refuse(tx, event, 404, 'not_found', NO_SUCH_PROCESS_NOTE);
            await checkAppointment(tx, save, null, event);
            const created = await insertNote(tx, id, save);
            if (!created) continue;
            tx.audit({ ...event, details: { version: 1, created: true } });
            return { note: created };
          }
          if (row.client_id !== save.clientId) {
            refuse(tx, event, 400, 'client_changed', 'A process note cannot move to another client.');
          }
          if (row.version !== save.baseVersion) {
            const stored = await toProcessNote(tx, row);
            if (stored.body === save.body && stored.appointmentId === save.appointmentId) {
              tx.audit({ ...event, details: { version: row.version, retried: true } });
              return { note: stored };
            }
            refuse(
              tx,
              { ...event, details: { storedVersion: row.version, baseVersion: save.baseVersion } },
              409,
              'stale',
              STALE,
            );
          }
          await checkAppointment(tx, save, row, event);
          const note = await updateNote(tx, row, save, event);
          tx.audit({ ...event, details: { version: note.version } });
          return { note };
        }
        refuse(tx, event, 404, 'not_found', NO_SUCH_PROCESS_NOTE);
      });
    },
  );
};

/** The session, when named and changed, must be this client's and must not have another of this therapist's process notes. */
async function checkAppointment(tx: Scoped, save: Save, row: ProcessNoteRow | null, event: AuditInput): Promise<void> {
  const appointmentId = save.appointmentId;
  if (appointmentId === null || appointmentId === row?.appointment_id) return;
  const found = await tx.query<{ theirs: boolean; taken: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM appointments WHERE id = $1 AND client_id = $2) AS theirs,
            EXISTS (SELECT 1 FROM process_notes WHERE author_id = $3 AND appointment_id = $1) AS taken`,
    [appointmentId, save.clientId, authorId(tx)],
  );
  const facts = found.rows[0];
  if (!facts?.theirs) {
    refuse(tx, event, 400, 'unknown_session', 'That session is not one of this client’s. Please choose another.');
  }
  if (facts.taken) sessionTaken(tx, event);
}

function sessionTaken(tx: Scoped, event: AuditInput): never {
  refuse(
    tx,
    event,
    409,
    'session_has_process_note',
    'You already have a process note for this session. Please open that one instead.',
  );
}

/** A new note (version 1); undefined when the id is taken — by a concurrent save, or by a row not visible to this author. */
async function insertNote(tx: Scoped, id: string, save: Save): Promise<ProcessNoteView | undefined> {
  const bodyEnc = await tx.encrypt('process', processBodyContext(id), save.body);
  const result = await tx.query<ProcessNoteRow>(
    `INSERT INTO process_notes (id, practice_id, author_id, client_id, appointment_id, version, body_enc)
     VALUES ($1, app_practice_id(), $2, $3, $4, 1, $5)
     ON CONFLICT DO NOTHING
     RETURNING id, client_id, appointment_id, version, body_enc, ${isoText('created_at')} AS created_at,
               ${isoText('updated_at')} AS updated_at`,
    [id, authorId(tx), save.clientId, save.appointmentId, bodyEnc],
  );
  const row = result.rows[0];
  return row ? toProcessNote(tx, row, save.body) : undefined;
}

async function updateNote(tx: Scoped, row: ProcessNoteRow, save: Save, event: AuditInput): Promise<ProcessNoteView> {
  const bodyEnc = await tx.encrypt('process', processBodyContext(row.id), save.body);
  const result = await tx
    .query<ProcessNoteRow>(
      `UPDATE process_notes SET version = version + 1, body_enc = $3, appointment_id = $4, updated_at = now()
        WHERE id = $1 AND author_id = $2
        RETURNING id, client_id, appointment_id, version, body_enc, ${isoText('created_at')} AS created_at,
                  ${isoText('updated_at')} AS updated_at`,
      [row.id, authorId(tx), bodyEnc, save.appointmentId],
    )
    .catch((error: unknown) => {
      // Another save (a second tab) gave this session a process note after checkAppointment looked.
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === '23505' && constraint === 'process_notes_session_idx') sessionTaken(tx, event);
      throw error;
    });
  const updated = result.rows[0];
  if (!updated) throw new Error('a locked process note vanished during its save');
  return toProcessNote(tx, updated, save.body);
}
