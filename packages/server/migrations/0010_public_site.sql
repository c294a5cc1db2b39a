-- The practice's public side (issue 8, parts 1–3): its public pages, its public contact details and
-- its therapists' directory profiles with their photos.
--
-- Nothing here is clinical or encrypted: every word is written to be published. What is private is
-- what has not been published yet — a page switched off, a profile's unpublished draft, a photo no
-- published profile shows. Public reads run as the practice's system actor and the routes return only
-- published content; tenant isolation (enabled and forced) keeps every practice's rows to itself.

-- The public contact details shown wherever a page would say "get in touch".
CREATE TABLE public_settings (
  practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 320),
  phone text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
  address text CHECK (address IS NULL OR length(address) <= 500),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

-- One row per page the admin has saved (home, therapy, practice, fees, accessibility, privacy); a page
-- never saved shows the default text (features/public-site/default-pages.ts), unpublished.
CREATE TABLE public_pages (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z][a-z-]{0,39}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  -- The page text in the safe formatting of packages/clinical/src/page-text (never HTML).
  body text NOT NULL CHECK (length(body) <= 20000),
  published boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (practice_id, slug)
);

-- Photos, kept in PostgreSQL with the type read from their first bytes. A photo is served only while a
-- published profile shows it; a new upload is a new row (its id is in the address, so it can be cached
-- for ever).
CREATE TABLE profile_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  therapist_id uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX profile_photos_therapist_idx ON profile_photos (practice_id, therapist_id, created_at DESC);

-- A therapist's directory profile: the draft they edit, and the version the admin published (what the
-- public sees). Editing after publishing changes the draft only; the published version stays live
-- until the admin publishes the change. Both are JSON of the same shape (features/public-site/
-- profile-schemas.ts), photo included by id.
CREATE TABLE therapist_profiles (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  therapist_id uuid NOT NULL,
  draft jsonb NOT NULL,
  draft_updated_at timestamptz NOT NULL DEFAULT now(),
  published jsonb,
  published_at timestamptz,
  published_by uuid,
  PRIMARY KEY (practice_id, therapist_id),
  CHECK ((published IS NULL) = (published_at IS NULL)),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['public_settings', 'public_pages', 'profile_photos', 'therapist_profiles']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- A therapist writes only their own profile and photos; the admin publishes (updates) any profile;
-- the system actor (demo seeding, key-less maintenance) may do either. Reads stay practice-wide: the
-- admin reviews every draft, and public reads run as the system.
CREATE POLICY own_profile_insert ON therapist_profiles AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_user_id() IS NULL OR therapist_id = app_user_id());
CREATE POLICY own_profile_update ON therapist_profiles AS RESTRICTIVE FOR UPDATE
  USING (app_user_id() IS NULL OR therapist_id = app_user_id() OR app_has_role('admin'));
CREATE POLICY own_photo_insert ON profile_photos AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_user_id() IS NULL OR therapist_id = app_user_id());
CREATE POLICY own_photo_delete ON profile_photos AS RESTRICTIVE FOR DELETE
  USING (app_user_id() IS NULL OR therapist_id = app_user_id() OR app_has_role('admin'));

GRANT SELECT, INSERT, UPDATE ON public_settings, public_pages, therapist_profiles TO undercurrent_app;
GRANT SELECT, INSERT, DELETE ON profile_photos TO undercurrent_app;
