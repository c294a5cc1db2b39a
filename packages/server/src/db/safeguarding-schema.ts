import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of safeguarding (migrations/0012_safeguarding.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const safeguardingSettings = pgTable('safeguarding_settings', {
  practiceId: uuid('practice_id').primaryKey(),
  policyText: text('policy_text').notNull(),
  policyVersion: integer('policy_version').notNull(),
  privateEntryAlerts: text('private_entry_alerts').notNull(),
  escalateAfterMinutes: integer('escalate_after_minutes').notNull(),
  clinicalLeadId: uuid('clinical_lead_id'),
  region: text('region').notNull(),
  addedPhrases: text('added_phrases').array().notNull(),
  removedPhrases: text('removed_phrases').array().notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const safeguardingAlerts = pgTable('safeguarding_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  therapistId: uuid('therapist_id'),
  trigger: text('trigger').notNull(),
  sourceId: uuid('source_id').notNull(),
  reason: text('reason').notNull(),
  matches: integer('matches').notNull(),
  raisedAt: tz('raised_at').notNull().defaultNow(),
  notifiedAt: tz('notified_at'),
  acknowledgedAt: tz('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by'),
  escalatedAt: tz('escalated_at'),
  escalatedTo: uuid('escalated_to'),
});

export const safeguardingDecisions = pgTable('safeguarding_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  alertId: uuid('alert_id'),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: tz('decided_at').notNull().defaultNow(),
  clientInformed: text('client_informed').notNull(),
  recordEnc: text('record_enc').notNull(),
});

export const safetyPlanVersions = pgTable('safety_plan_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  version: integer('version').notNull(),
  writtenBy: uuid('written_by').notNull(),
  writtenAt: tz('written_at').notNull().defaultNow(),
  planEnc: text('plan_enc').notNull(),
});

/** migrations/0016_policy_agreements.sql */
export const policyAgreements = pgTable('policy_agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  policyVersion: integer('policy_version').notNull(),
  agreedAt: tz('agreed_at').notNull().defaultNow(),
});

export const practiceCrisisResources = pgTable('practice_crisis_resources', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  textNumber: text('text_number'),
  textKeyword: text('text_keyword'),
  url: text('url'),
  hours: text('hours').notNull(),
  description: text('description').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const safeguardingSchema = {
  safeguardingSettings,
  safeguardingAlerts,
  safeguardingDecisions,
  safetyPlanVersions,
  policyAgreements,
  practiceCrisisResources,
};
