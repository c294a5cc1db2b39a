/**
 * The web's mirror of the process-note shapes (packages/server/src/features/record/record-schemas.ts:
 * ProcessNote, ProcessNoteSave). Process notes are their author's alone: nobody else's ever arrive.
 */
export interface ProcessNote {
  id: string;
  clientId: string;
  /** The session this note is about, or null for a note about the work in general. */
  appointmentId: string | null;
  version: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** PUT /api/record/process-notes/:id — baseVersion 0 creates the note under the id the device made. */
export interface ProcessNoteSave {
  clientId: string;
  appointmentId: string | null;
  baseVersion: number;
  body: string;
}

/**
 * What the process-notes page reads from GET /api/record/clients/:clientId/notes (NoteList) to name
 * the client and date the sessions its notes are about; only the parts used here.
 */
export interface ProcessSessionsView {
  client: { id: string; displayName: string };
  notes: { appointmentId: string; session: { startsAt: string } }[];
  sessionsWithoutNote: { appointmentId: string; startsAt: string }[];
}
