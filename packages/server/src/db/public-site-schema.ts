import { boolean, customType, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's typed view of the practice's public side (migrations/0010_public_site.sql is the source of truth). */
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const publicSettings = pgTable('public_settings', {
  practiceId: uuid('practice_id').primaryKey(),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const publicPages = pgTable(
  'public_pages',
  {
    practiceId: uuid('practice_id').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    published: boolean('published').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.slug] })],
);

export const profilePhotos = pgTable('profile_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  practiceId: uuid('practice_id').notNull(),
  therapistId: uuid('therapist_id').notNull(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const therapistProfiles = pgTable(
  'therapist_profiles',
  {
    practiceId: uuid('practice_id').notNull(),
    therapistId: uuid('therapist_id').notNull(),
    draft: jsonb('draft').notNull(),
    draftUpdatedAt: tz('draft_updated_at').notNull().defaultNow(),
    published: jsonb('published'),
    publishedAt: tz('published_at'),
    publishedBy: uuid('published_by'),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.therapistId] })],
);

export const publicSiteSchema = { publicSettings, publicPages, profilePhotos, therapistProfiles };
