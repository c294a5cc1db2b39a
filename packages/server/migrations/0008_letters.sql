-- Letters: a simple letter (to a GP, say) written from one of the practice's templates, printed on
-- the practice's letterhead as a PDF and filed in the client's record.
--
-- The letterhead and the templates are the practice's (no clinical content: templates hold only
-- placeholders from a fixed vocabulary, filled from real data when a letter is started). A letter's
-- recipient, subject and body are encrypted. A letter is a draft (versioned, editable) until it is
-- finalised ("filed in the record"); a trigger then refuses any change or deletion of the row, except
-- key rotation by the system actor rewriting ciphertext. Letters are readable by their author and a
-- therapist currently caring for the client — not the practice admin, a supervisor or the client.

CREATE TABLE letterheads (
  practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address_lines text[] NOT NULL DEFAULT '{}' CHECK (cardinality(address_lines) <= 6),
  phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 60),
  email text NOT NULL DEFAULT '' CHECK (length(email) <= 320),
  website text NOT NULL DEFAULT '' CHECK (length(website) <= 200),
  footer text NOT NULL DEFAULT '' CHECK (length(footer) <= 300),
  -- When the built-in templates were added (once, on the practice's first use of letters).
  templates_seeded_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE letter_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  -- Which built-in default this started as (null: the practice's own).
  built_in text,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  subject text NOT NULL CHECK (length(subject) <= 300),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, built_in)
);
CREATE UNIQUE INDEX letter_templates_name_idx ON letter_templates (practice_id, lower(name));

CREATE TABLE letters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  author_id uuid NOT NULL,
  -- The template it was started from (kept as a plain id: a template may be deleted later).
  template_id uuid,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  recipient_name_enc text NOT NULL,
  recipient_address_enc text NOT NULL,
  subject_enc text NOT NULL,
  body_enc text NOT NULL,
  -- The letterhead as it was printed when the letter was filed (the practice's, not clinical).
  letterhead jsonb,
  finalised_at timestamptz,
  finalised_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  CHECK ((status = 'final') = (finalised_at IS NOT NULL)),
  CHECK ((status = 'final') = (letterhead IS NOT NULL)),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, author_id) REFERENCES users(practice_id, id)
);
CREATE INDEX letters_client_idx ON letters (practice_id, client_id, created_at DESC);
CREATE INDEX letters_author_idx ON letters (practice_id, author_id, created_at DESC);

CREATE FUNCTION letter_final_is_final() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- Key rotation (the system actor, no signed-in person) re-encrypts a filed letter's texts under a
  -- new key version: the ciphertext changes, nothing else may.
  IF TG_OP = 'UPDATE' AND OLD.status = 'final' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - 'recipient_name_enc' - 'recipient_address_enc' - 'subject_enc' - 'body_enc')
       = (to_jsonb(OLD) - 'recipient_name_enc' - 'recipient_address_enc' - 'subject_enc' - 'body_enc')
     AND record_rekeyed(OLD.recipient_name_enc, NEW.recipient_name_enc)
     AND record_rekeyed(OLD.recipient_address_enc, NEW.recipient_address_enc)
     AND record_rekeyed(OLD.subject_enc, NEW.subject_enc)
     AND record_rekeyed(OLD.body_enc, NEW.body_enc) THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'a finalised letter is filed in the record and cannot be changed or deleted: write a new letter instead'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER letter_final_is_final BEFORE UPDATE OR DELETE ON letters
  FOR EACH ROW EXECUTE FUNCTION letter_final_is_final();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['letterheads', 'letter_templates', 'letters']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- Letters: their author, a therapist currently caring for the client, or the system — not the
-- practice admin, a supervisor or the client (subject access goes through its own process).
CREATE POLICY author_or_carer ON letters AS RESTRICTIVE
  USING (app_user_id() IS NULL OR author_id = app_user_id() OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR author_id = app_user_id() OR app_cares_for(client_id));

GRANT SELECT, INSERT, UPDATE ON letterheads TO undercurrent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON letter_templates, letters TO undercurrent_app;
