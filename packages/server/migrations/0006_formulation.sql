-- The clinical record, second part: the case formulation, one per episode — a living document
-- (presenting difficulties, history, attachment and development, goals with a status each, the
-- relationship pattern in CCRT terms), every saved version kept, dated review entries appended —
-- and the practice's CCRT category set (an edited copy of the standard clusters).
--
-- Who reads a formulation: exactly as progress notes, the therapists currently caring for the client
-- (restrictive policy, app_cares_for) or the system actor — never the practice admin, a supervisor
-- or the client. Versions and review entries are append-only (key rotation may rewrite their
-- ciphertext, nothing else).

-- The practice's CCRT category set: { id, name, unverified, source, basedOn, clusters: [...] } as
-- packages/clinical validateCcrtCategorySet accepts it. No row = the standard clusters.
CREATE TABLE ccrt_category_sets (
  practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  category_set jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE formulations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  episode_id uuid NOT NULL,
  client_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- JSON of the text: presenting difficulties, history, attachment and development, goals (text and
  -- status), the therapist's own words for W, RO and RS.
  content_enc text NOT NULL,
  -- The CCRT clusters chosen, by id from the practice's set: { "W": [...], "RO": [...], "RS": [...] }.
  ccrt_clusters jsonb NOT NULL DEFAULT '{"W": [], "RO": [], "RS": []}'::jsonb,
  created_by uuid NOT NULL,
  updated_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, episode_id),
  FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, created_by) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, updated_by) REFERENCES users(practice_id, id)
);
CREATE INDEX formulations_client_idx ON formulations (practice_id, client_id);

-- Every saved version (the whole content and the clusters, encrypted together): the history.
CREATE TABLE formulation_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  formulation_id uuid NOT NULL,
  version integer NOT NULL,
  snapshot_enc text NOT NULL,
  saved_by uuid NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, formulation_id, version),
  FOREIGN KEY (practice_id, formulation_id) REFERENCES formulations(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, saved_by) REFERENCES users(practice_id, id)
);

-- Dated review entries of an episode's formulation (kept even before the formulation text exists).
CREATE TABLE formulation_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  episode_id uuid NOT NULL,
  client_id uuid NOT NULL,
  author_id uuid NOT NULL,
  reviewed_on date NOT NULL,
  text_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, author_id) REFERENCES users(practice_id, id)
);
CREATE INDEX formulation_reviews_episode_idx ON formulation_reviews (practice_id, episode_id, reviewed_on, created_at);

-- Append-only, except key rotation by the system actor rewriting only the ciphertext (the app role's
-- UPDATE grant names those columns alone), and the cascade when the episode itself goes (its row is
-- gone by then).
CREATE FUNCTION formulation_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - 'snapshot_enc' - 'text_enc') = (to_jsonb(OLD) - 'snapshot_enc' - 'text_enc')
     AND record_rekeyed(to_jsonb(OLD) ->> 'snapshot_enc', to_jsonb(NEW) ->> 'snapshot_enc')
     AND record_rekeyed(to_jsonb(OLD) ->> 'text_enc', to_jsonb(NEW) ->> 'text_enc') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND NOT EXISTS (
    SELECT 1 FROM episodes e WHERE e.practice_id = OLD.practice_id
       AND e.id = COALESCE(to_jsonb(OLD) ->> 'episode_id',
         (SELECT f.episode_id::text FROM formulations f WHERE f.practice_id = OLD.practice_id
             AND f.id = (to_jsonb(OLD) ->> 'formulation_id')::uuid))::uuid) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: the formulation keeps every version and review', TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER formulation_versions_append_only BEFORE UPDATE OR DELETE ON formulation_versions
  FOR EACH ROW EXECUTE FUNCTION formulation_append_only();
CREATE TRIGGER formulation_reviews_append_only BEFORE UPDATE OR DELETE ON formulation_reviews
  FOR EACH ROW EXECUTE FUNCTION formulation_append_only();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ccrt_category_sets', 'formulations', 'formulation_versions', 'formulation_reviews']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- The current carers of the client, or the system — not the admin, a supervisor or the client.
CREATE POLICY carer_only ON formulations AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));
CREATE POLICY carer_only ON formulation_reviews AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));
CREATE POLICY formulation_visible ON formulation_versions AS RESTRICTIVE
  USING (EXISTS (SELECT 1 FROM formulations f WHERE f.practice_id = formulation_versions.practice_id
                   AND f.id = formulation_versions.formulation_id));

GRANT SELECT, INSERT, UPDATE ON ccrt_category_sets, formulations TO undercurrent_app;
GRANT SELECT, INSERT ON formulation_versions, formulation_reviews TO undercurrent_app;
GRANT UPDATE (snapshot_enc) ON formulation_versions TO undercurrent_app;
GRANT UPDATE (text_enc) ON formulation_reviews TO undercurrent_app;
