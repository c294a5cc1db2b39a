-- Undercurrent foundation: practices, people, accounts, sessions, MFA, invitations, e-mail outbox,
-- practice data keys and the hash-chained audit log. Every table that carries practice_id has
-- row-level security enabled AND forced; the application runs as undercurrent_app, which owns nothing.

DO $$
BEGIN
  CREATE ROLE undercurrent_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT undercurrent_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN
  NULL;
END
$$;

CREATE FUNCTION app_practice_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.practice_id', true), '')::uuid $$;

CREATE TABLE practices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](-?[a-z0-9])*$' AND length(slug) <= 60),
  time_zone text NOT NULL DEFAULT 'Europe/London',
  locale text NOT NULL DEFAULT 'en-GB',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE practices ENABLE ROW LEVEL SECURITY;
ALTER TABLE practices FORCE ROW LEVEL SECURITY;
-- Practice names are public (a person picks their practice on the sign-in page).
CREATE POLICY practices_read ON practices FOR SELECT USING (true);
CREATE POLICY practices_create ON practices FOR INSERT
  WITH CHECK (current_setting('app.creating_practice', true) = id::text);
CREATE POLICY practices_update ON practices FOR UPDATE
  USING (id = app_practice_id()) WITH CHECK (id = app_practice_id());

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  password_changed_at timestamptz,
  UNIQUE (practice_id, email),
  UNIQUE (practice_id, id)
);

CREATE TABLE memberships (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'therapist', 'supervisor', 'client')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (practice_id, user_id, role),
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

-- Which therapist looks after which client (set when a therapist invites a client).
CREATE TABLE care_assignments (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  therapist_id uuid NOT NULL,
  client_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  PRIMARY KEY (practice_id, therapist_id, client_id),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'therapist', 'supervisor', 'client')),
  token_hash bytea NOT NULL UNIQUE,
  invited_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id uuid,
  revoked_at timestamptz
);
CREATE INDEX invitations_practice_idx ON invitations (practice_id, created_at DESC);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  stage text NOT NULL CHECK (stage IN ('mfa_required', 'mfa_enrolment', 'active')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_minutes integer NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  mfa_method text,
  webauthn_challenge text,
  user_agent text,
  ip text,
  revoked_at timestamptz,
  revoked_reason text,
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user_idx ON sessions (practice_id, user_id);

CREATE TABLE mfa_totp (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  secret_enc text NOT NULL,
  confirmed_at timestamptz,
  last_used_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, user_id),
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

CREATE TABLE mfa_passkeys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  credential_id text NOT NULL,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  UNIQUE (practice_id, credential_id),
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

CREATE TABLE mfa_recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  code_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX mfa_recovery_codes_user_idx ON mfa_recovery_codes (practice_id, user_id);

CREATE TABLE password_resets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

-- Throttling of sign-in and reset requests, shared by every app node (nothing sticky).
CREATE TABLE auth_throttle (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  key_hash bytea NOT NULL,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (practice_id, key_hash)
);

CREATE TABLE practice_keys (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('clinical', 'process')),
  version integer NOT NULL,
  wrapped_key text NOT NULL,
  master_key_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (practice_id, purpose, version)
);

CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  kind text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_enc text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'held', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (practice_id, status, next_attempt_at);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE RESTRICT,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_role text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  subject_type text,
  subject_id text,
  subject_user_id uuid,
  ip text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  chain_seq bigint,
  prev_hash bytea,
  hash bytea,
  UNIQUE (practice_id, chain_seq)
);
CREATE INDEX audit_events_browse_idx ON audit_events (practice_id, occurred_at DESC);
CREATE INDEX audit_events_subject_idx ON audit_events (practice_id, subject_user_id, occurred_at DESC);
CREATE INDEX audit_events_unsealed_idx ON audit_events (practice_id, id) WHERE hash IS NULL;

CREATE TABLE audit_chain_heads (
  practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE RESTRICT,
  last_seq bigint NOT NULL,
  last_hash bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only: a row may be sealed once (chain_seq, prev_hash, hash set from NULL), never changed or deleted.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit events are append-only: delete refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.hash IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.practice_id IS DISTINCT FROM OLD.practice_id
     OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
     OR NEW.actor_user_id IS DISTINCT FROM OLD.actor_user_id
     OR NEW.actor_role IS DISTINCT FROM OLD.actor_role
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.outcome IS DISTINCT FROM OLD.outcome
     OR NEW.subject_type IS DISTINCT FROM OLD.subject_type
     OR NEW.subject_id IS DISTINCT FROM OLD.subject_id
     OR NEW.subject_user_id IS DISTINCT FROM OLD.subject_user_id
     OR NEW.ip IS DISTINCT FROM OLD.ip
     OR NEW.request_id IS DISTINCT FROM OLD.request_id
     OR NEW.details IS DISTINCT FROM OLD.details THEN
    RAISE EXCEPTION 'audit events are append-only: change refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Row-level security on every tenant table: a row is visible only inside its practice's scope.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'memberships', 'care_assignments', 'invitations', 'sessions', 'mfa_totp',
    'mfa_passkeys', 'mfa_recovery_codes', 'password_resets', 'auth_throttle', 'practice_keys', 'outbox',
    'audit_events', 'audit_chain_heads']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO undercurrent_app;
GRANT SELECT, INSERT, UPDATE ON practices TO undercurrent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users, memberships, care_assignments, invitations, sessions, mfa_totp,
  mfa_passkeys, mfa_recovery_codes, password_resets, auth_throttle, practice_keys, outbox, audit_chain_heads
  TO undercurrent_app;
GRANT SELECT, INSERT ON audit_events TO undercurrent_app;
GRANT UPDATE (chain_seq, prev_hash, hash) ON audit_events TO undercurrent_app;
GRANT USAGE ON SEQUENCE audit_events_id_seq TO undercurrent_app;
GRANT EXECUTE ON FUNCTION app_practice_id() TO undercurrent_app;
