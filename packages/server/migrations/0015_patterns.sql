-- The pattern aids (issue 7): whether a client has turned on their own private "my patterns" view.
-- Only the client (or the system) may read or change it; no staff role can see whether it is on.
CREATE TABLE patterns_settings (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  own_view boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, client_id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

ALTER TABLE patterns_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE patterns_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON patterns_settings USING (practice_id = app_practice_id())
  WITH CHECK (practice_id = app_practice_id());
CREATE POLICY owner_only ON patterns_settings AS RESTRICTIVE
  USING (app_user_id() IS NULL OR client_id = app_user_id())
  WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON patterns_settings TO undercurrent_app;

-- Relationship episodes the therapist confirmed from a CCRT candidate (or a passage) and scored:
-- W / RO / RS as cluster ids of the practice's category set. No free text: the passage stays where it
-- is (entry_id is the cited entry or note; start_offset/end_offset the sentence's characters).
CREATE TABLE ccrt_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  therapist_id uuid NOT NULL,
  entry_id text NOT NULL CHECK (length(entry_id) BETWEEN 1 AND 80),
  passage_date date NOT NULL,
  start_offset integer NOT NULL CHECK (start_offset >= 0),
  end_offset integer NOT NULL CHECK (end_offset > start_offset),
  wish text[] NOT NULL DEFAULT '{}',
  response_of_other text[] NOT NULL DEFAULT '{}',
  response_of_self text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, client_id, entry_id, start_offset),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX ccrt_episodes_client_idx ON ccrt_episodes (practice_id, client_id, passage_date);

ALTER TABLE ccrt_episodes ENABLE ROW LEVEL SECURITY;
ALTER TABLE ccrt_episodes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ccrt_episodes USING (practice_id = app_practice_id())
  WITH CHECK (practice_id = app_practice_id());
-- Only a therapist currently caring for the client (or the system).
CREATE POLICY carers_only ON ccrt_episodes AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON ccrt_episodes TO undercurrent_app;
