import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of the pattern aids' settings (migrations/0015_patterns.sql is the source of truth). */
export const patternsSettings = pgTable(
  'patterns_settings',
  {
    practiceId: uuid('practice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    ownView: boolean('own_view').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.clientId] })],
);

export const ccrtEpisodes = pgTable('ccrt_episodes', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  therapistId: uuid('therapist_id').notNull(),
  entryId: text('entry_id').notNull(),
  passageDate: date('passage_date', { mode: 'string' }).notNull(),
  startOffset: integer('start_offset').notNull(),
  endOffset: integer('end_offset').notNull(),
  wish: text('wish').array().notNull().default([]),
  responseOfOther: text('response_of_other').array().notNull().default([]),
  responseOfSelf: text('response_of_self').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** A therapist's corrections of one shared dream's codes (migrations/0017_dream_code_corrections.sql). */
export const dreamCodeCorrections = pgTable('dream_code_corrections', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  entryId: uuid('entry_id').notNull(),
  entryVersion: integer('entry_version').notNull(),
  correctionsEnc: text('corrections_enc').notNull(),
  correctionsCount: integer('corrections_count').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const patternsSchema = { patternsSettings, ccrtEpisodes, dreamCodeCorrections };
