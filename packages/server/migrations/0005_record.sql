-- The clinical record, first part: progress notes (one per session, draft → signed, amendments
-- appended, every version kept), process notes (the author's alone, under the practice's separate
-- "process" data key), and the practice's note template and late-signing threshold.
--
-- A signed note cannot be changed: the app role may UPDATE a note only while it is a draft (a
-- trigger refuses any change to a signed row, and deleting one), amendments and versions are
-- append-only. Process notes have a restrictive policy: their author alone (or the system actor,
-- for key rotation) sees or touches a row — not the practice admin, a supervisor, the client or
-- another therapist.

CREATE TABLE note_settings (
  practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  -- The optional structured fields shown under the narrative, in order:
  -- [{ "key": "themes", "label": "Themes", "enabled": true, "hint": "…" }]. Built-in keys have a
  -- meaning (themes, material, dreams, transference, countertransference, defences, interventions,
  -- risk, plan); a practice may add its own text fields (key custom_<slug>).
  fields jsonb NOT NULL,
  -- A note signed more than this long after its session ended is marked as signed late.
  late_after_hours integer NOT NULL DEFAULT 72 CHECK (late_after_hours BETWEEN 1 AND 2160),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE progress_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  appointment_id uuid NOT NULL,
  author_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- The narrative, and the structured fields' text as encrypted JSON ({ "themes": "…", … }).
  narrative_enc text NOT NULL,
  fields_enc text,
  -- Journal entries the client shared and brought (entry ids), and the dreams among them discussed.
  material_entry_ids uuid[] NOT NULL DEFAULT '{}',
  dream_entry_ids uuid[] NOT NULL DEFAULT '{}',
  -- [{ "defence": DMRS id (packages/clinical defences), "level": 1..7 }]
  defences jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Any of clarification, confrontation, interpretation, support, other.
  interventions text[] NOT NULL DEFAULT '{}',
  session_starts_at timestamptz NOT NULL,
  session_ends_at timestamptz NOT NULL,
  signed_at timestamptz,
  signed_by uuid,
  signed_late boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, appointment_id),
  CHECK ((status = 'signed') = (signed_at IS NOT NULL)),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, author_id) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id)
);
CREATE INDEX progress_notes_client_idx ON progress_notes (practice_id, client_id, session_starts_at DESC);
CREATE INDEX progress_notes_author_idx ON progress_notes (practice_id, author_id, session_starts_at DESC);

-- Whether a ciphertext column changed only as key rotation changes it: unchanged, or the same kind of
-- value (a clinical-key ciphertext) moved to another key version. Not added, removed, replaced by other
-- text, or swapped for another value under the same key version.
CREATE FUNCTION record_rekeyed(old_value text, new_value text) RETURNS boolean
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT CASE
      WHEN old_value IS NOT DISTINCT FROM new_value THEN true
      WHEN old_value IS NULL OR new_value IS NULL THEN false
      ELSE old_value ~ '^uc1\.clinical\.[0-9]+\.' AND new_value ~ '^uc1\.clinical\.[0-9]+\.[A-Za-z0-9+/=]+$'
        AND split_part(new_value, '.', 3) <> split_part(old_value, '.', 3)
    END
  $$;

CREATE FUNCTION progress_note_signed_is_final() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- Key rotation (the system actor, no signed-in person) re-encrypts a signed note's text under a new
  -- key version: the ciphertext changes, nothing else may.
  IF TG_OP = 'UPDATE' AND OLD.status = 'signed' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - 'narrative_enc' - 'fields_enc') = (to_jsonb(OLD) - 'narrative_enc' - 'fields_enc')
     AND record_rekeyed(OLD.narrative_enc, NEW.narrative_enc) AND record_rekeyed(OLD.fields_enc, NEW.fields_enc) THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'a signed progress note cannot be changed or deleted: add an amendment instead'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER progress_note_signed_is_final BEFORE UPDATE OR DELETE ON progress_notes
  FOR EACH ROW EXECUTE FUNCTION progress_note_signed_is_final();

-- Every saved version of a note (each draft save, the signing), encrypted whole: the history.
CREATE TABLE progress_note_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  note_id uuid NOT NULL,
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('draft', 'signed')),
  -- JSON of the note's content at that version (narrative, fields, links, defences, interventions).
  snapshot_enc text NOT NULL,
  saved_by uuid NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, note_id, version),
  FOREIGN KEY (practice_id, note_id) REFERENCES progress_notes(practice_id, id) ON DELETE CASCADE
);

CREATE TABLE progress_note_amendments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  note_id uuid NOT NULL,
  author_id uuid NOT NULL,
  reason_enc text NOT NULL,
  text_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, note_id) REFERENCES progress_notes(practice_id, id),
  FOREIGN KEY (practice_id, author_id) REFERENCES users(practice_id, id)
);
CREATE INDEX progress_note_amendments_note_idx ON progress_note_amendments (practice_id, note_id, created_at);

-- Append-only, except the cascade that follows discarding a draft note (its parent row is gone by
-- then; a signed note itself can never be deleted), and key rotation by the system actor, which may
-- rewrite only the ciphertext columns (the app role's UPDATE grant names those columns alone).
CREATE FUNCTION record_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - 'snapshot_enc' - 'reason_enc' - 'text_enc')
       = (to_jsonb(OLD) - 'snapshot_enc' - 'reason_enc' - 'text_enc')
     AND record_rekeyed(to_jsonb(OLD) ->> 'snapshot_enc', to_jsonb(NEW) ->> 'snapshot_enc')
     AND record_rekeyed(to_jsonb(OLD) ->> 'reason_enc', to_jsonb(NEW) ->> 'reason_enc')
     AND record_rekeyed(to_jsonb(OLD) ->> 'text_enc', to_jsonb(NEW) ->> 'text_enc') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND NOT EXISTS (
    SELECT 1 FROM progress_notes n WHERE n.practice_id = OLD.practice_id AND n.id = OLD.note_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: the record keeps every version and amendment', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER progress_note_versions_append_only BEFORE UPDATE OR DELETE ON progress_note_versions
  FOR EACH ROW EXECUTE FUNCTION record_append_only();
CREATE TRIGGER progress_note_amendments_append_only BEFORE UPDATE OR DELETE ON progress_note_amendments
  FOR EACH ROW EXECUTE FUNCTION record_append_only();

-- Process notes ("psychotherapy notes", HIPAA 45 CFR 164.501): the author's alone.
CREATE TABLE process_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  author_id uuid NOT NULL,
  client_id uuid NOT NULL,
  appointment_id uuid,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- Encrypted under the practice's "process" data key (uc1.process.*), never the clinical one.
  body_enc text NOT NULL CHECK (body_enc LIKE 'uc1.process.%'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, author_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id)
);
CREATE INDEX process_notes_author_idx ON process_notes (practice_id, author_id, client_id, created_at DESC);
CREATE UNIQUE INDEX process_notes_session_idx ON process_notes (practice_id, author_id, appointment_id)
  WHERE appointment_id IS NOT NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['note_settings', 'progress_notes', 'progress_note_versions', 'progress_note_amendments',
    'process_notes']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- Progress notes: their author, a therapist currently caring for the client, or the system — not
-- the practice admin, a supervisor or the client (subject access goes through its own process).
CREATE POLICY author_or_carer ON progress_notes AS RESTRICTIVE
  USING (app_user_id() IS NULL OR author_id = app_user_id() OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR author_id = app_user_id() OR app_cares_for(client_id));
CREATE POLICY note_visible ON progress_note_versions AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM progress_notes n WHERE n.practice_id = progress_note_versions.practice_id
                   AND n.id = progress_note_versions.note_id));
CREATE POLICY note_visible ON progress_note_amendments AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM progress_notes n WHERE n.practice_id = progress_note_amendments.practice_id
                   AND n.id = progress_note_amendments.note_id));

CREATE POLICY author_only ON process_notes AS RESTRICTIVE
  USING (app_user_id() IS NULL OR author_id = app_user_id())
  WITH CHECK (app_user_id() IS NULL OR author_id = app_user_id());

GRANT SELECT, INSERT, UPDATE ON note_settings TO undercurrent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON progress_notes, process_notes TO undercurrent_app;
GRANT SELECT, INSERT ON progress_note_versions, progress_note_amendments TO undercurrent_app;
GRANT UPDATE (snapshot_enc) ON progress_note_versions TO undercurrent_app;
GRANT UPDATE (reason_enc, text_enc) ON progress_note_amendments TO undercurrent_app;
GRANT EXECUTE ON FUNCTION record_rekeyed(text, text) TO undercurrent_app;
