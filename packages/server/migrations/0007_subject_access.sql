-- Subject access requests (UK GDPR Art. 15): the admin records a request and its due date (one
-- month, extendable by two more with a reason), the author of any process notes about the client
-- decides note by note whether each goes into the pack (withheld until they include it), the admin
-- prepares the pack — the client's record assembled as JSON, stored encrypted with its SHA-256 so what
-- is delivered is exactly what was prepared — and records its delivery.
--
-- Row-level security besides tenant isolation:
--   requests: the practice admin (and the system) read and change them; a therapist reads only the
--     requests about a client they have written process notes about (to decide on those notes);
--   decisions: their author's alone (the reason is sealed under the practice's "process" key); the
--     admin's counts come from the system actor, never from these rows;
--   packs and deliveries: the practice admin and the system alone. Packs are append-only (key
--     rotation by the system may rewrite the ciphertext only).

CREATE TABLE subject_access_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  received_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('in_writing', 'email', 'verbally', 'portal', 'other')),
  requester text NOT NULL CHECK (requester IN ('client', 'representative')),
  -- Who the representative is and their authority (encrypted; null when the client asked).
  representative_enc text,
  identity_checked_on date,
  identity_method text CHECK (identity_method IS NULL OR identity_method IN
    ('known_to_practice', 'photo_id', 'video_call', 'documents', 'other')),
  notes_enc text,
  -- The ICO's one calendar month (or the last day of the next month when it has no such date).
  due_on date NOT NULL,
  -- An extension (at most two further months from receipt), why, and when the client was told.
  extended_due_on date,
  extension_reason_enc text,
  extension_told_on date,
  status text NOT NULL DEFAULT 'received' CHECK (status IN
    ('received', 'in_preparation', 'pack_ready', 'delivered', 'withdrawn', 'refused')),
  closed_reason_enc text,
  closed_at timestamptz,
  closed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  CHECK (due_on > received_on),
  CHECK (extended_due_on IS NULL OR (extended_due_on > due_on AND extended_due_on <= received_on + interval '3 months'
    AND extension_reason_enc IS NOT NULL AND extension_told_on IS NOT NULL)),
  CHECK ((requester = 'representative') = (representative_enc IS NOT NULL)),
  CHECK ((status IN ('withdrawn', 'refused')) = (closed_reason_enc IS NOT NULL)),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX subject_access_requests_client_idx ON subject_access_requests (practice_id, client_id);
CREATE INDEX subject_access_requests_received_idx ON subject_access_requests (practice_id, received_on DESC);

CREATE TABLE subject_access_decisions (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  request_id uuid NOT NULL,
  process_note_id uuid NOT NULL,
  author_id uuid NOT NULL,
  include boolean NOT NULL,
  reason_enc text NOT NULL CHECK (reason_enc LIKE 'uc1.process.%'),
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, request_id, process_note_id),
  FOREIGN KEY (practice_id, request_id) REFERENCES subject_access_requests(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, process_note_id) REFERENCES process_notes(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, author_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX subject_access_decisions_author_idx ON subject_access_decisions (practice_id, author_id);
CREATE INDEX subject_access_decisions_note_idx ON subject_access_decisions (practice_id, process_note_id);

CREATE TABLE subject_access_packs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  request_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  -- The pack as JSON, encrypted; the SHA-256 (hex) of that JSON's UTF-8 bytes, checked at every download.
  body_enc text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  included_process_notes integer NOT NULL DEFAULT 0 CHECK (included_process_notes >= 0),
  prepared_at timestamptz NOT NULL DEFAULT now(),
  prepared_by uuid NOT NULL,
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, request_id, version),
  FOREIGN KEY (practice_id, request_id) REFERENCES subject_access_requests(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, prepared_by) REFERENCES users(practice_id, id)
);

CREATE FUNCTION subject_access_pack_is_final() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- Key rotation (the system actor) re-encrypts the pack: only the ciphertext may change.
  IF TG_OP = 'UPDATE' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - 'body_enc') = (to_jsonb(OLD) - 'body_enc')
     AND record_rekeyed(OLD.body_enc, NEW.body_enc) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND NOT EXISTS (
    SELECT 1 FROM subject_access_requests r WHERE r.practice_id = OLD.practice_id AND r.id = OLD.request_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'a prepared subject-access pack cannot be changed: prepare a new version instead'
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER subject_access_pack_is_final BEFORE UPDATE OR DELETE ON subject_access_packs
  FOR EACH ROW EXECUTE FUNCTION subject_access_pack_is_final();

CREATE TABLE subject_access_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  request_id uuid NOT NULL,
  pack_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('secure_download', 'email_attachment', 'post', 'in_person')),
  delivered_on date NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, request_id) REFERENCES subject_access_requests(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, pack_id) REFERENCES subject_access_packs(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, recorded_by) REFERENCES users(practice_id, id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['subject_access_requests', 'subject_access_decisions', 'subject_access_packs',
    'subject_access_deliveries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['subject_access_packs', 'subject_access_deliveries']
  LOOP
    EXECUTE format('CREATE POLICY admin_only ON %I AS RESTRICTIVE '
      'USING (app_user_id() IS NULL OR app_has_role(''admin'')) '
      'WITH CHECK (app_user_id() IS NULL OR app_has_role(''admin''))', t);
  END LOOP;
END
$$;

-- The admin reads and changes requests; a therapist reads the requests about a client they have
-- process notes about (process_notes' own policy shows each therapist only their own).
CREATE POLICY admin_or_author_reads ON subject_access_requests AS RESTRICTIVE FOR SELECT
  USING (app_user_id() IS NULL OR app_has_role('admin') OR EXISTS (
    SELECT 1 FROM process_notes p WHERE p.practice_id = subject_access_requests.practice_id
      AND p.client_id = subject_access_requests.client_id AND p.author_id = app_user_id()));
CREATE POLICY admin_inserts ON subject_access_requests AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_user_id() IS NULL OR app_has_role('admin'));
CREATE POLICY admin_updates ON subject_access_requests AS RESTRICTIVE FOR UPDATE
  USING (app_user_id() IS NULL OR app_has_role('admin'))
  WITH CHECK (app_user_id() IS NULL OR app_has_role('admin'));
CREATE POLICY admin_deletes ON subject_access_requests AS RESTRICTIVE FOR DELETE
  USING (app_user_id() IS NULL OR app_has_role('admin'));

CREATE POLICY author_only ON subject_access_decisions AS RESTRICTIVE
  USING (app_user_id() IS NULL OR author_id = app_user_id())
  WITH CHECK (app_user_id() IS NULL OR author_id = app_user_id());

GRANT SELECT, INSERT, UPDATE ON subject_access_requests TO undercurrent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON subject_access_decisions TO undercurrent_app;
GRANT SELECT, INSERT ON subject_access_packs, subject_access_deliveries TO undercurrent_app;
GRANT UPDATE (body_enc) ON subject_access_packs TO undercurrent_app;
