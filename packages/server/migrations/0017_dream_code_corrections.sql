-- The pattern aids (issue 7, part 7): a therapist's corrections of the automatic Hall–Van de Castle
-- codes of a shared dream. One row per dream: the corrections (add / remove / change a code, as JSON,
-- encrypted with the practice's clinical key: evidence quotes the dream's words), who made them and
-- when, and a version for optimistic concurrency (a save over another version is refused with 409).
-- The indicators and the h-profile of the therapist's patterns view use the corrected codes.
CREATE TABLE dream_code_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  entry_id uuid NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
  -- The dream text's version (journal_entries.version) the corrections were made against.
  entry_version integer NOT NULL CHECK (entry_version >= 1),
  corrections_enc text NOT NULL,
  corrections_count integer NOT NULL CHECK (corrections_count >= 0),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, entry_id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, updated_by) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX dream_code_corrections_client_idx ON dream_code_corrections (practice_id, client_id);

ALTER TABLE dream_code_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE dream_code_corrections FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dream_code_corrections USING (practice_id = app_practice_id())
  WITH CHECK (practice_id = app_practice_id());
-- Only a therapist currently caring for the client (or the system): never the client, never another
-- therapist of the practice.
CREATE POLICY carers_only ON dream_code_corrections AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON dream_code_corrections TO undercurrent_app;
