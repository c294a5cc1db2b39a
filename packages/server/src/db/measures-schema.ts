import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of outcome measures (migrations/0009_measures.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const instrumentDefinitions = pgTable('instrument_definitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  instrumentId: text('instrument_id').notNull(),
  version: integer('version').notNull(),
  definition: jsonb('definition').notNull(),
  importedBy: uuid('imported_by').notNull(),
  importedAt: tz('imported_at').notNull().defaultNow(),
  retiredAt: tz('retired_at'),
  retiredBy: uuid('retired_by'),
});

export const measureResponses = pgTable('measure_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  instrumentId: text('instrument_id').notNull(),
  definitionId: uuid('definition_id'),
  source: text('source').notNull(),
  completedOn: date('completed_on').notNull(),
  appointmentId: uuid('appointment_id'),
  enteredBy: uuid('entered_by').notNull(),
  enteredAt: tz('entered_at').notNull().defaultNow(),
  answersEnc: text('answers_enc').notNull(),
  scoreEnc: text('score_enc').notNull(),
});

export const measuresSchema = { instrumentDefinitions, measureResponses };
