import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of the clinical record (migrations/0005_record.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const noteSettings = pgTable('note_settings', {
  practiceId: uuid('practice_id').primaryKey(),
  fields: jsonb('fields').notNull(),
  lateAfterHours: integer('late_after_hours').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const progressNotes = pgTable('progress_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  appointmentId: uuid('appointment_id').notNull(),
  authorId: uuid('author_id').notNull(),
  status: text('status').notNull(),
  version: integer('version').notNull(),
  narrativeEnc: text('narrative_enc').notNull(),
  fieldsEnc: text('fields_enc'),
  materialEntryIds: uuid('material_entry_ids').array().notNull(),
  dreamEntryIds: uuid('dream_entry_ids').array().notNull(),
  defences: jsonb('defences').notNull(),
  interventions: text('interventions').array().notNull(),
  sessionStartsAt: tz('session_starts_at').notNull(),
  sessionEndsAt: tz('session_ends_at').notNull(),
  signedAt: tz('signed_at'),
  signedBy: uuid('signed_by'),
  signedLate: boolean('signed_late'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const progressNoteVersions = pgTable('progress_note_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  noteId: uuid('note_id').notNull(),
  version: integer('version').notNull(),
  kind: text('kind').notNull(),
  snapshotEnc: text('snapshot_enc').notNull(),
  savedBy: uuid('saved_by').notNull(),
  savedAt: tz('saved_at').notNull().defaultNow(),
});

export const progressNoteAmendments = pgTable('progress_note_amendments', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  noteId: uuid('note_id').notNull(),
  authorId: uuid('author_id').notNull(),
  reasonEnc: text('reason_enc').notNull(),
  textEnc: text('text_enc').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const processNotes = pgTable('process_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  authorId: uuid('author_id').notNull(),
  clientId: uuid('client_id').notNull(),
  appointmentId: uuid('appointment_id'),
  version: integer('version').notNull(),
  bodyEnc: text('body_enc').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const recordSchema = { noteSettings, progressNotes, progressNoteVersions, progressNoteAmendments, processNotes };
