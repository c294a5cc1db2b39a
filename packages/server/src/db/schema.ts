import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { frameSchema } from './frame-schema.js';
import { journalSchema } from './journal-schema.js';
import { patternsSchema } from './patterns-schema.js';
import { recordSchema } from './record-schema.js';
import { safeguardingSchema } from './safeguarding-schema.js';
import { formulationSchema } from './formulation-schema.js';
import { lettersSchema } from './letters-schema.js';
import { subjectAccessSchema } from './subject-access-schema.js';
import { measuresSchema } from './measures-schema.js';
import { publicSiteSchema } from './public-site-schema.js';
import { resultsSchema } from './results-schema.js';
import { questionnairesSchema } from './questionnaires-schema.js';
import { intakeSchema } from './intake-schema.js';

/**
 * Drizzle's typed view of the tables that migrations/*.sql create. The SQL files are the source of
 * truth (row-level security, triggers and grants live there); `db/schema.test.ts` checks that every
 * table and column named here exists in the migrated database with the same type.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ROLES = ['admin', 'therapist', 'supervisor', 'client'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['admin', 'therapist', 'supervisor'];

export const practices = pgTable('practices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  timeZone: text('time_zone').notNull(),
  locale: text('locale').notNull(),
  currency: text('currency').notNull(),
  isDemo: boolean('is_demo').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  /** Days after an enquiry that did not become a client was last answered before it is deleted (0019). */
  enquiryRetentionDays: integer('enquiry_retention_days').notNull().default(183),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  status: text('status', { enum: ['active', 'disabled'] }).notNull(),
  failedSignIns: integer('failed_sign_ins').notNull(),
  lockedUntil: tz('locked_until'),
  isDemo: boolean('is_demo').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastSignInAt: tz('last_sign_in_at'),
  passwordChangedAt: tz('password_changed_at'),
  timeZone: text('time_zone'),
});

export const memberships = pgTable(
  'memberships',
  {
    practiceId: uuid('practice_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.userId, t.role] })],
);

export const careAssignments = pgTable(
  'care_assignments',
  {
    practiceId: uuid('practice_id').notNull(),
    therapistId: uuid('therapist_id').notNull(),
    clientId: uuid('client_id').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    endedAt: tz('ended_at'),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.therapistId, t.clientId] })],
);

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  tokenHash: bytea('token_hash').notNull(),
  invitedBy: uuid('invited_by').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  acceptedAt: tz('accepted_at'),
  acceptedUserId: uuid('accepted_user_id'),
  revokedAt: tz('revoked_at'),
  preparedUserId: uuid('prepared_user_id'),
});

export const SESSION_STAGES = ['mfa_required', 'mfa_enrolment', 'active'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: bytea('token_hash').notNull(),
  stage: text('stage', { enum: SESSION_STAGES }).notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
  idleMinutes: integer('idle_minutes').notNull(),
  absoluteExpiresAt: tz('absolute_expires_at').notNull(),
  mfaMethod: text('mfa_method'),
  webauthnChallenge: text('webauthn_challenge'),
  userAgent: text('user_agent'),
  ip: text('ip'),
  revokedAt: tz('revoked_at'),
  revokedReason: text('revoked_reason'),
});

export const mfaTotp = pgTable(
  'mfa_totp',
  {
    practiceId: uuid('practice_id').notNull(),
    userId: uuid('user_id').notNull(),
    secretEnc: text('secret_enc').notNull(),
    confirmedAt: tz('confirmed_at'),
    lastUsedStep: bigint('last_used_step', { mode: 'number' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.userId] })],
);

export const mfaPasskeys = pgTable('mfa_passkeys', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  userId: uuid('user_id').notNull(),
  credentialId: text('credential_id').notNull(),
  publicKey: bytea('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(),
  transports: text('transports')
    .array()
    .notNull()
    .default(sql`'{}'`),
  name: text('name').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastUsedAt: tz('last_used_at'),
});

export const mfaRecoveryCodes = pgTable('mfa_recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  userId: uuid('user_id').notNull(),
  codeHash: bytea('code_hash').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  usedAt: tz('used_at'),
});

export const passwordResets = pgTable('password_resets', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: bytea('token_hash').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  usedAt: tz('used_at'),
});

export const authThrottle = pgTable(
  'auth_throttle',
  {
    practiceId: uuid('practice_id').notNull(),
    keyHash: bytea('key_hash').notNull(),
    windowStart: tz('window_start').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.keyHash] })],
);

export const practiceKeys = pgTable(
  'practice_keys',
  {
    practiceId: uuid('practice_id').notNull(),
    purpose: text('purpose', { enum: ['clinical', 'process'] }).notNull(),
    version: integer('version').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    retiredAt: tz('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.purpose, t.version] })],
);

export const OUTBOX_STATUSES = ['pending', 'held', 'sent', 'failed'] as const;

export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  kind: text('kind').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyEnc: text('body_enc').notNull(),
  status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  createdAt: tz('created_at').notNull().defaultNow(),
  sentAt: tz('sent_at'),
});

export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  occurredAt: tz('occurred_at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  outcome: text('outcome', { enum: ['success', 'denied', 'failure'] }).notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  subjectUserId: uuid('subject_user_id'),
  ip: text('ip'),
  requestId: text('request_id'),
  details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull(),
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  prevHash: bytea('prev_hash'),
  hash: bytea('hash'),
});

export const auditChainHeads = pgTable('audit_chain_heads', {
  practiceId: uuid('practice_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: bytea('last_hash').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const schema = {
  practices,
  users,
  memberships,
  careAssignments,
  invitations,
  sessions,
  mfaTotp,
  mfaPasskeys,
  mfaRecoveryCodes,
  passwordResets,
  authThrottle,
  practiceKeys,
  outbox,
  auditEvents,
  auditChainHeads,
  ...frameSchema,
  ...journalSchema,
  ...recordSchema,
  ...formulationSchema,
  ...lettersSchema,
  ...subjectAccessSchema,
  ...measuresSchema,
  ...publicSiteSchema,
  ...resultsSchema,
  ...questionnairesSchema,
  ...intakeSchema,
  ...patternsSchema,
  ...safeguardingSchema,
};
