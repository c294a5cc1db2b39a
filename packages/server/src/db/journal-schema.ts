import { boolean, date, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of the client's private space (migrations/0004_journal.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const journalEntries = pgTable('journal_entries', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  kind: text('kind').notNull(),
  version: integer('version').notNull(),
  bodyEnc: text('body_enc').notNull(),
  excerptEnc: text('excerpt_enc').notNull(),
  detailsEnc: text('details_enc'),
  wordCount: integer('word_count').notNull(),
  mood: smallint('mood'),
  dreamtOn: date('dreamt_on', { mode: 'string' }),
  dreamPeriod: text('dream_period'),
  nightmare: boolean('nightmare').notNull(),
  lucid: boolean('lucid').notNull(),
  recursIds: uuid('recurs_ids').array().notNull(),
  appointmentId: uuid('appointment_id'),
  timerMinutes: smallint('timer_minutes'),
  secondsSpent: integer('seconds_spent').notNull(),
  conflictOf: uuid('conflict_of'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const journalShares = pgTable('journal_shares', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  entryId: uuid('entry_id'),
  kind: text('kind').notNull(),
  sharedAt: tz('shared_at').notNull().defaultNow(),
  bringNext: boolean('bring_next').notNull(),
  bringMarkedAt: tz('bring_marked_at'),
  withdrawnAt: tz('withdrawn_at'),
});

export const journalReads = pgTable(
  'journal_reads',
  {
    practiceId: uuid('practice_id').notNull(),
    shareId: uuid('share_id').notNull(),
    therapistId: uuid('therapist_id').notNull(),
    firstReadAt: tz('first_read_at').notNull().defaultNow(),
    readAt: tz('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.shareId, t.therapistId] })],
);

export const journalTags = pgTable('journal_tags', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  nameEnc: text('name_enc').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const journalEntryTags = pgTable(
  'journal_entry_tags',
  {
    practiceId: uuid('practice_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    tagId: uuid('tag_id').notNull(),
    clientId: uuid('client_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.entryId, t.tagId] })],
);

export const journalNotReady = pgTable('journal_not_ready', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  textEnc: text('text_enc').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const journalSchema = {
  journalEntries,
  journalShares,
  journalReads,
  journalTags,
  journalEntryTags,
  journalNotReady,
};
