import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of the case formulation (migrations/0006_formulation.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ccrtCategorySets = pgTable('ccrt_category_sets', {
  practiceId: uuid('practice_id').primaryKey(),
  categorySet: jsonb('category_set').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const formulations = pgTable('formulations', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  episodeId: uuid('episode_id').notNull(),
  clientId: uuid('client_id').notNull(),
  version: integer('version').notNull(),
  contentEnc: text('content_enc').notNull(),
  ccrtClusters: jsonb('ccrt_clusters').notNull(),
  createdBy: uuid('created_by').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const formulationVersions = pgTable('formulation_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  formulationId: uuid('formulation_id').notNull(),
  version: integer('version').notNull(),
  snapshotEnc: text('snapshot_enc').notNull(),
  savedBy: uuid('saved_by').notNull(),
  savedAt: tz('saved_at').notNull().defaultNow(),
});

export const formulationReviews = pgTable('formulation_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  episodeId: uuid('episode_id').notNull(),
  clientId: uuid('client_id').notNull(),
  authorId: uuid('author_id').notNull(),
  reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
  textEnc: text('text_enc').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const formulationSchema = { ccrtCategorySets, formulations, formulationVersions, formulationReviews };
