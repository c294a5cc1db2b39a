import {
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Drizzle's typed view of the therapy-frame tables (migrations/0003_frame.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const isoDate = (name: string) => date(name, { mode: 'string' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const therapistSettings = pgTable(
  'therapist_settings',
  {
    practiceId: uuid('practice_id').notNull(),
    therapistId: uuid('therapist_id').notNull(),
    timeZone: text('time_zone').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    minGapMinutes: integer('min_gap_minutes').notNull(),
    workingHours: jsonb('working_hours').notNull(),
    fees: jsonb('fees').notNull(),
    policy: jsonb('policy').notNull(),
    reminderLeadHours: integer('reminder_lead_hours'),
    feedShowsClientNames: boolean('feed_shows_client_names').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.therapistId] })],
);

export const locations = pgTable('locations', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['room', 'online'] }).notNull(),
  address: text('address'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  archivedAt: tz('archived_at'),
});

export const episodes = pgTable('episodes', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  therapistId: uuid('therapist_id').notNull(),
  clientId: uuid('client_id').notNull(),
  status: text('status', { enum: ['assessment', 'active', 'paused', 'ending', 'ended'] }).notNull(),
  kind: text('kind', { enum: ['brief', 'open'] }),
  sessionCount: integer('session_count'),
  slots: jsonb('slots').notNull(),
  timeZone: text('time_zone').notNull(),
  locationId: uuid('location_id'),
  feePence: integer('fee_pence'),
  sessionMinutes: integer('session_minutes'),
  startDate: isoDate('start_date'),
  reviewEvery: integer('review_every'),
  plannedEndDate: isoDate('planned_end_date'),
  endingDate: isoDate('ending_date'),
  closingSummaryEnc: text('closing_summary_enc'),
  followUpDate: isoDate('follow_up_date'),
  policy: jsonb('policy'),
  agreedAt: tz('agreed_at'),
  endedAt: tz('ended_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const sessionSeries = pgTable('session_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  episodeId: uuid('episode_id').notNull(),
  rrule: text('rrule').notNull(),
  weekday: integer('weekday').notNull(),
  localTime: text('local_time').notNull(),
  timeZone: text('time_zone').notNull(),
  startsOn: isoDate('starts_on').notNull(),
  endsOn: isoDate('ends_on'),
  materialisedUntil: isoDate('materialised_until').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  endedAt: tz('ended_at'),
});

export const breaks = pgTable('breaks', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  therapistId: uuid('therapist_id'),
  kind: text('kind', { enum: ['therapist', 'practice', 'bank_holiday'] }).notNull(),
  title: text('title').notNull(),
  startsOn: isoDate('starts_on').notNull(),
  endsOn: isoDate('ends_on').notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const clientAbsences = pgTable('client_absences', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  startsOn: isoDate('starts_on').notNull(),
  endsOn: isoDate('ends_on').notNull(),
  noteEnc: text('note_enc'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  episodeId: uuid('episode_id').notNull(),
  therapistId: uuid('therapist_id').notNull(),
  clientId: uuid('client_id').notNull(),
  seriesId: uuid('series_id'),
  occurrenceKey: text('occurrence_key'),
  kind: text('kind', { enum: ['consultation', 'assessment', 'session', 'review'] }).notNull(),
  startsAt: tz('starts_at').notNull(),
  endsAt: tz('ends_at').notNull(),
  localStart: text('local_start').notNull(),
  timeZone: text('time_zone').notNull(),
  locationId: uuid('location_id'),
  feePence: integer('fee_pence').notNull(),
  status: text('status', {
    enum: ['scheduled', 'attended', 'cancelled_client', 'did_not_attend', 'cancelled_therapist', 'moved'],
  }).notNull(),
  late: boolean('late'),
  noticeMinutes: integer('notice_minutes'),
  cancelReason: text('cancel_reason'),
  breakId: uuid('break_id'),
  absenceId: uuid('absence_id'),
  movedFromId: uuid('moved_from_id'),
  movedToId: uuid('moved_to_id'),
  cancelledAt: tz('cancelled_at'),
  cancelledBy: uuid('cancelled_by'),
  markedAt: tz('marked_at'),
  markedBy: uuid('marked_by'),
  reminderSentAt: tz('reminder_sent_at'),
  sequence: integer('sequence').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const moveRequests = pgTable('move_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  appointmentId: uuid('appointment_id').notNull(),
  clientId: uuid('client_id').notNull(),
  messageEnc: text('message_enc'),
  status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] }).notNull(),
  responseEnc: text('response_enc'),
  createdAt: tz('created_at').notNull().defaultNow(),
  resolvedAt: tz('resolved_at'),
  resolvedBy: uuid('resolved_by'),
});

export const ledgerEntries = pgTable('ledger_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  therapistId: uuid('therapist_id').notNull(),
  appointmentId: uuid('appointment_id'),
  kind: text('kind').notNull(),
  amountPence: integer('amount_pence').notNull(),
  currency: text('currency').notNull(),
  description: text('description').notNull(),
  reversesId: uuid('reverses_id'),
  createdAt: tz('created_at').notNull(),
  createdBy: uuid('created_by'),
});

export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: bytea('token_hash').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastUsedAt: tz('last_used_at'),
  revokedAt: tz('revoked_at'),
});

export const frameSchema = {
  therapistSettings,
  locations,
  episodes,
  sessionSeries,
  breaks,
  clientAbsences,
  appointments,
  moveRequests,
  ledgerEntries,
  calendarFeeds,
};
