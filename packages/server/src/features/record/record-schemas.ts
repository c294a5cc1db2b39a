import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/**
 * Request and response shapes of the clinical record (progress notes, amendments, versions, the
 * note template, process notes). One place, so routes, web and tests agree.
 */

const DateTime = Type.String({ format: 'date-time' });
/** Clinical text: generous, bounded (UTF-16 units; the routes count characters for their messages). */
export const MAX_NOTE_CHARACTERS = 100_000;
const NoteText = Type.String({ maxLength: 2 * MAX_NOTE_CHARACTERS + 1000 });

export const Intervention = Type.Union([
  Type.Literal('clarification'),
  Type.Literal('confrontation'),
  Type.Literal('interpretation'),
  Type.Literal('support'),
  Type.Literal('other'),
]);

/** A defence the therapist observed: a DMRS id from @undercurrent/clinical (DEFENCE_IDS); the level is the hierarchy's. */
export const DefenceRating = Type.Object(
  { defence: Type.String({ minLength: 1, maxLength: 60 }), level: Type.Integer({ minimum: 1, maximum: 7 }) },
  { additionalProperties: false },
);

/** The structured fields' text by key (built-in keys and the practice's custom_<slug> keys). */
export const NoteFields = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' }), NoteText, {
  maxProperties: 40,
});

export const NoteContent = {
  narrative: NoteText,
  fields: NoteFields,
  materialEntryIds: Type.Array(Uuid, { maxItems: 50 }),
  dreamEntryIds: Type.Array(Uuid, { maxItems: 50 }),
  defences: Type.Array(DefenceRating, { maxItems: 60 }),
  interventions: Type.Array(Intervention, { maxItems: 5 }),
};

/** PUT /api/record/notes/:id — a draft save over the version the therapist last had. */
export const NoteSave = Type.Object(
  { baseVersion: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), ...NoteContent },
  { additionalProperties: false },
);
export type NoteSave = Static<typeof NoteSave>;

export const NoteStatus = Type.Union([Type.Literal('draft'), Type.Literal('signed')]);

export const Amendment = Type.Object({
  id: Uuid,
  author: Type.Object({ id: Uuid, displayName: Type.String() }),
  reason: Type.String(),
  text: Type.String(),
  createdAt: DateTime,
});

/** A shared journal entry the note links to, as the therapist may see it now. */
export const LinkedEntry = Type.Object({
  entryId: Uuid,
  /** Still shared with the therapist? A withdrawn or deleted entry shows only that. */
  available: Type.Boolean(),
  kind: Type.Union([Type.String(), Type.Null()]),
  excerpt: Type.Union([Type.String(), Type.Null()]),
  shareId: Type.Union([Uuid, Type.Null()]),
});

export const Note = Type.Object({
  id: Uuid,
  clientId: Uuid,
  appointmentId: Uuid,
  author: Type.Object({ id: Uuid, displayName: Type.String() }),
  status: NoteStatus,
  version: Type.Integer(),
  narrative: Type.String(),
  fields: NoteFields,
  materialEntryIds: Type.Array(Uuid),
  dreamEntryIds: Type.Array(Uuid),
  linkedEntries: Type.Array(LinkedEntry),
  defences: Type.Array(DefenceRating),
  /** The ODF of this note's rated defences (packages/clinical overallDefensiveFunctioning), null if none. */
  odf: Type.Union([Type.Number(), Type.Null()]),
  interventions: Type.Array(Intervention),
  session: Type.Object({ startsAt: DateTime, endsAt: DateTime }),
  signedAt: Type.Union([DateTime, Type.Null()]),
  signedBy: Type.Union([Type.Object({ id: Uuid, displayName: Type.String() }), Type.Null()]),
  /** Signed more than the practice's late_after_hours after the session ended. */
  signedLate: Type.Union([Type.Boolean(), Type.Null()]),
  amendments: Type.Array(Amendment),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Note = Static<typeof Note>;

export const NoteSummary = Type.Object({
  id: Uuid,
  appointmentId: Uuid,
  status: NoteStatus,
  session: Type.Object({ startsAt: DateTime, endsAt: DateTime }),
  author: Type.Object({ id: Uuid, displayName: Type.String() }),
  signedAt: Type.Union([DateTime, Type.Null()]),
  signedLate: Type.Union([Type.Boolean(), Type.Null()]),
  amendmentCount: Type.Integer(),
  /** The first 200 or so characters of the narrative. */
  excerpt: Type.String(),
  odf: Type.Union([Type.Number(), Type.Null()]),
  updatedAt: DateTime,
});

/** GET /api/record/clients/:clientId/notes: the notes, and the past sessions that have none yet. */
export const NoteList = Type.Object({
  client: Type.Object({ id: Uuid, displayName: Type.String() }),
  notes: Type.Array(NoteSummary),
  sessionsWithoutNote: Type.Array(
    Type.Object({ appointmentId: Uuid, startsAt: DateTime, endsAt: DateTime, status: Type.String() }),
  ),
  /** Whether the signed-in therapist has a process note for each session (their own; never anyone else's). */
  myProcessNoteAppointmentIds: Type.Array(Uuid),
});

export const NoteVersion = Type.Object({
  version: Type.Integer(),
  kind: NoteStatus,
  savedBy: Type.Object({ id: Uuid, displayName: Type.String() }),
  savedAt: DateTime,
  narrative: Type.String(),
  fields: NoteFields,
  materialEntryIds: Type.Array(Uuid),
  dreamEntryIds: Type.Array(Uuid),
  defences: Type.Array(DefenceRating),
  interventions: Type.Array(Intervention),
});

export const AmendmentBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    text: Type.String({ minLength: 1, maxLength: 2 * MAX_NOTE_CHARACTERS + 1000 }),
  },
  { additionalProperties: false },
);

export const NoteField = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' }),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    enabled: Type.Boolean(),
    hint: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export const NoteSettings = Type.Object(
  {
    fields: Type.Array(NoteField, { minItems: 1, maxItems: 40 }),
    lateAfterHours: Type.Integer({ minimum: 1, maximum: 2160 }),
  },
  { additionalProperties: false },
);
export type NoteSettings = Static<typeof NoteSettings>;

export const ProcessNote = Type.Object({
  id: Uuid,
  clientId: Uuid,
  appointmentId: Type.Union([Uuid, Type.Null()]),
  version: Type.Integer(),
  body: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export const ProcessNoteSave = Type.Object(
  {
    clientId: Uuid,
    appointmentId: Type.Union([Uuid, Type.Null()]),
    /** 0 for a new note (with an id the device made); otherwise the version last had. */
    baseVersion: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    body: Type.String({ maxLength: 2 * MAX_NOTE_CHARACTERS + 1000 }),
  },
  { additionalProperties: false },
);
