/**
 * The clinical record as the API sends it (a mirror of packages/server/src/features/record/record-schemas.ts):
 * progress notes, amendments, versions, the note template, process notes.
 */
export type Intervention = 'clarification' | 'confrontation' | 'interpretation' | 'support' | 'other';
export const INTERVENTIONS: readonly Intervention[] = [
  'clarification',
  'confrontation',
  'interpretation',
  'support',
  'other',
];

export type NoteStatus = 'draft' | 'signed';

export interface Person {
  id: string;
  displayName: string;
}

/** A DMRS defence id (from @undercurrent/clinical) and its level on the hierarchy. */
export interface DefenceRating {
  defence: string;
  level: number;
}

/** What a therapist writes in a progress note (and what each version holds). */
export interface NoteContent {
  narrative: string;
  /** Structured fields' text by key (built-in keys and the practice's custom_<slug> keys). */
  fields: Record<string, string>;
  materialEntryIds: string[];
  dreamEntryIds: string[];
  defences: DefenceRating[];
  interventions: Intervention[];
}

/** PUT /api/record/notes/:id */
export interface NoteSave extends NoteContent {
  baseVersion: number;
}

export interface Amendment {
  id: string;
  author: Person;
  reason: string;
  text: string;
  createdAt: string;
}

/** A shared journal entry a note links to, as the therapist may see it now. */
export interface LinkedEntry {
  entryId: string;
  /** Still shared with the therapist? */
  available: boolean;
  kind: string | null;
  excerpt: string | null;
  shareId: string | null;
}

export interface Note extends NoteContent {
  id: string;
  clientId: string;
  appointmentId: string;
  author: Person;
  status: NoteStatus;
  version: number;
  linkedEntries: LinkedEntry[];
  odf: number | null;
  session: { startsAt: string; endsAt: string };
  signedAt: string | null;
  signedBy: Person | null;
  signedLate: boolean | null;
  amendments: Amendment[];
  createdAt: string;
  updatedAt: string;
}

export interface NoteSummary {
  id: string;
  appointmentId: string;
  status: NoteStatus;
  session: { startsAt: string; endsAt: string };
  author: Person;
  signedAt: string | null;
  signedLate: boolean | null;
  amendmentCount: number;
  excerpt: string;
  odf: number | null;
  updatedAt: string;
}

/** GET /api/record/clients/:clientId/notes */
export interface NoteList {
  client: Person;
  notes: NoteSummary[];
  sessionsWithoutNote: { appointmentId: string; startsAt: string; endsAt: string; status: string }[];
  /** Sessions the signed-in therapist has a process note for (their own only). */
  myProcessNoteAppointmentIds: string[];
}

export interface NoteVersion extends NoteContent {
  version: number;
  kind: NoteStatus;
  savedBy: Person;
  savedAt: string;
}

/** POST /api/record/notes/:id/amendments */
export interface AmendmentBody {
  reason: string;
  text: string;
}

export interface NoteField {
  key: string;
  label: string;
  enabled: boolean;
  hint?: string;
}

/** GET/PUT /api/record/note-settings */
export interface NoteSettings {
  fields: NoteField[];
  lateAfterHours: number;
}

export interface ProcessNote {
  id: string;
  clientId: string;
  appointmentId: string | null;
  version: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** PUT /api/record/process-notes/:id (baseVersion 0 creates, with an id the device made). */
export interface ProcessNoteSave {
  clientId: string;
  appointmentId: string | null;
  baseVersion: number;
  body: string;
}
