import { boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of results (migrations/0013_results.sql is the source of truth). */
export const resultShares = pgTable(
  'result_shares',
  {
    practiceId: uuid('practice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    instrumentId: text('instrument_id').notNull(),
    shared: boolean('shared').notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.clientId, t.instrumentId] })],
);

export const resultsSchema = { resultShares };
