import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of questionnaires (migrations/0011_questionnaires.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const questionnaireSchedules = pgTable('questionnaire_schedules', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  episodeId: uuid('episode_id').notNull(),
  clientId: uuid('client_id').notNull(),
  instrumentId: text('instrument_id').notNull(),
  timing: text('timing').notNull(),
  everyN: integer('every_n'),
  monthsAfter: integer('months_after'),
  createdBy: uuid('created_by').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  stoppedAt: tz('stopped_at'),
  stoppedBy: uuid('stopped_by'),
});

export const questionnaireRequests = pgTable('questionnaire_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  episodeId: uuid('episode_id'),
  scheduleId: uuid('schedule_id'),
  occurrenceKey: text('occurrence_key'),
  instrumentId: text('instrument_id').notNull(),
  definitionId: uuid('definition_id'),
  appointmentId: uuid('appointment_id'),
  opensAt: tz('opens_at').notNull(),
  expiresAt: tz('expires_at').notNull(),
  status: text('status').notNull().default('open'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  reminderSentAt: tz('reminder_sent_at'),
  completedAt: tz('completed_at'),
  responseId: uuid('response_id'),
});

export const questionnaireAnswers = pgTable(
  'questionnaire_answers',
  {
    practiceId: uuid('practice_id').notNull(),
    requestId: uuid('request_id').notNull(),
    clientId: uuid('client_id').notNull(),
    linkId: text('link_id').notNull(),
    valueEnc: text('value_enc').notNull(),
    revision: integer('revision').notNull().default(1),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.linkId] })],
);

export const questionnairesSchema = { questionnaireSchedules, questionnaireRequests, questionnaireAnswers };
