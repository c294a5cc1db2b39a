import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of letters (migrations/0008_letters.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const letterheads = pgTable('letterheads', {
  practiceId: uuid('practice_id').primaryKey(),
  name: text('name').notNull(),
  addressLines: text('address_lines').array().notNull(),
  phone: text('phone').notNull(),
  email: text('email').notNull(),
  website: text('website').notNull(),
  footer: text('footer').notNull(),
  templatesSeededAt: tz('templates_seeded_at'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const letterTemplates = pgTable('letter_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  builtIn: text('built_in'),
  name: text('name').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const letters = pgTable('letters', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  authorId: uuid('author_id').notNull(),
  templateId: uuid('template_id'),
  status: text('status').notNull(),
  version: integer('version').notNull(),
  recipientNameEnc: text('recipient_name_enc').notNull(),
  recipientAddressEnc: text('recipient_address_enc').notNull(),
  subjectEnc: text('subject_enc').notNull(),
  bodyEnc: text('body_enc').notNull(),
  letterhead: jsonb('letterhead'),
  finalisedAt: tz('finalised_at'),
  finalisedBy: uuid('finalised_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const lettersSchema = { letterheads, letterTemplates, letters };
