import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditAction, AuditInput } from '../../audit/audit-event.js';
import { characterCount, malformedMessage } from '../journal/entry-text.js';
import { isoText } from '../journal/entry-record.js';
import { MAX_NOTE_CHARACTERS, type ProcessNote } from './record-schemas.js';

/**
 * Process notes ("psychotherapy notes"): their author's alone. Row-level security already hides
 * every other author's rows; each query here also names the author, so a mistake in one place is
 * not enough to show one. The body is sealed under the practice's separate "process" data key.
 *
 * Audit events name the note (subjectType 'process_note') and never the client as their subject
 * person: the client's "who opened my record" must not reveal that process notes exist.
 */
export type ProcessNoteView = Static<typeof ProcessNote>;

export const NO_SUCH_PROCESS_NOTE = 'There is no such process note.';

export const processBodyContext = (id: string) => `process_notes.body_enc:${id}`;

export interface ProcessNoteRow {
  id: string;
  client_id: string;
  appointment_id: string | null;
  version: number;
  body_enc: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, client_id, appointment_id, version, body_enc, ${isoText('created_at')} AS created_at,
  ${isoText('updated_at')} AS updated_at`;

/** One of the signed-in therapist's own process notes (locked for a write when `lock`). */
export async function findProcessNoteRow(tx: Scoped, id: string, lock = false): Promise<ProcessNoteRow | undefined> {
  const result = await tx.query<ProcessNoteRow>(
    `SELECT ${COLUMNS} FROM process_notes WHERE id = $1 AND author_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, authorId(tx)],
  );
  return result.rows[0];
}

/** The signed-in therapist's process notes about one client, newest first. */
export async function processNoteRowsOf(tx: Scoped, clientId: string): Promise<ProcessNoteRow[]> {
  const result = await tx.query<ProcessNoteRow>(
    `SELECT ${COLUMNS} FROM process_notes WHERE author_id = $1 AND client_id = $2 ORDER BY created_at DESC, id DESC`,
    [authorId(tx), clientId],
  );
  return result.rows;
}

export async function toProcessNote(tx: Scoped, row: ProcessNoteRow, body?: string): Promise<ProcessNoteView> {
  return {
    id: row.id,
    clientId: row.client_id,
    appointmentId: row.appointment_id,
    version: row.version,
    body: body ?? (await tx.decrypt(processBodyContext(row.id), row.body_enc)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function authorId(tx: Scoped): string {
  const id = tx.actor.userId;
  if (!id) throw new Error('a process-note route ran without a signed-in therapist');
  return id;
}

export function processNoteEvent(action: AuditAction, id: string): AuditInput {
  return { action, subjectType: 'process_note', subjectId: id };
}

/**
 * Refuses (404, audited without naming the client as subject person) unless the signed-in therapist
 * currently cares for the client: a process note is written only about someone on one's caseload.
 */
export async function requireCurrentClient(tx: Scoped, clientId: string, event: AuditInput): Promise<void> {
  const found = await tx.query(
    'SELECT 1 FROM care_assignments WHERE therapist_id = $1 AND client_id = $2 AND ended_at IS NULL',
    [authorId(tx), clientId],
  );
  if (found.rowCount === 0) {
    refuse(
      tx,
      { ...event, details: { ...event.details, clientId } },
      404,
      'not_found',
      'There is no such client on your caseload.',
    );
  }
}

const NUMBER = new Intl.NumberFormat('en-GB');

/** Refuses (400) a body too long to keep, or not well-formed Unicode. */
export function checkBody(tx: Scoped, body: string, event: AuditInput): void {
  const length = characterCount(body);
  if (length > MAX_NOTE_CHARACTERS) {
    refuse(
      tx,
      event,
      400,
      'too_long',
      `This process note is ${NUMBER.format(length)} characters long; a note holds up to ` +
        `${NUMBER.format(MAX_NOTE_CHARACTERS)}. Please split it into two notes.`,
    );
  }
  const malformed = malformedMessage([body]);
  if (malformed) refuse(tx, event, 400, 'malformed_text', malformed);
}
