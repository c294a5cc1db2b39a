import { boolean, customType, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of intakes (migrations/0014_intake.sql and 0018_intake_client.sql are the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const intakes = pgTable('intakes', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  source: text('source').notNull(),
  status: text('status').notNull(),
  nameEnc: text('name_enc').notNull(),
  email: text('email').notNull(),
  bringsEnc: text('brings_enc').notNull(),
  previousTherapyEnc: text('previous_therapy_enc'),
  preferences: jsonb('preferences').notNull(),
  urgentRisk: boolean('urgent_risk').notNull(),
  consentAt: tz('consent_at').notNull(),
  consentNotice: text('consent_notice').notNull(),
  tokenHash: bytea('token_hash').notNull(),
  tokenExpiresAt: tz('token_expires_at').notNull(),
  requestedTherapistId: uuid('requested_therapist_id'),
  requestedStart: tz('requested_start'),
  decidedAt: tz('decided_at'),
  decidedBy: uuid('decided_by'),
  messageEnc: text('message_enc'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  clientId: uuid('client_id'),
  episodeId: uuid('episode_id'),
  appointmentId: uuid('appointment_id'),
  invitationId: uuid('invitation_id'),
});

export const intakeSchema = { intakes };
