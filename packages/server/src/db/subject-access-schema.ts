import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of subject access (migrations/0007_subject_access.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const subjectAccessRequests = pgTable('subject_access_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  receivedOn: day('received_on').notNull(),
  channel: text('channel').notNull(),
  requester: text('requester').notNull(),
  representativeEnc: text('representative_enc'),
  identityCheckedOn: day('identity_checked_on'),
  identityMethod: text('identity_method'),
  notesEnc: text('notes_enc'),
  dueOn: day('due_on').notNull(),
  extendedDueOn: day('extended_due_on'),
  extensionReasonEnc: text('extension_reason_enc'),
  extensionToldOn: day('extension_told_on'),
  status: text('status').notNull(),
  closedReasonEnc: text('closed_reason_enc'),
  closedAt: tz('closed_at'),
  closedBy: uuid('closed_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const subjectAccessDecisions = pgTable(
  'subject_access_decisions',
  {
    practiceId: uuid('practice_id').notNull(),
    requestId: uuid('request_id').notNull(),
    processNoteId: uuid('process_note_id').notNull(),
    authorId: uuid('author_id').notNull(),
    include: boolean('include').notNull(),
    reasonEnc: text('reason_enc').notNull(),
    decidedAt: tz('decided_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.requestId, t.processNoteId] })],
);

export const subjectAccessPacks = pgTable('subject_access_packs', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  requestId: uuid('request_id').notNull(),
  version: integer('version').notNull(),
  bodyEnc: text('body_enc').notNull(),
  sha256: text('sha256').notNull(),
  byteSize: integer('byte_size').notNull(),
  includedProcessNotes: integer('included_process_notes').notNull(),
  preparedAt: tz('prepared_at').notNull().defaultNow(),
  preparedBy: uuid('prepared_by').notNull(),
});

export const subjectAccessDeliveries = pgTable('subject_access_deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  requestId: uuid('request_id').notNull(),
  packId: uuid('pack_id').notNull(),
  method: text('method').notNull(),
  deliveredOn: day('delivered_on').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  recordedAt: tz('recorded_at').notNull().defaultNow(),
});

export const subjectAccessSchema = {
  subjectAccessRequests,
  subjectAccessDecisions,
  subjectAccessPacks,
  subjectAccessDeliveries,
};
