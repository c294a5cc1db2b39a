-- Results (issue 6, part 4): which of a client's questionnaire charts their therapist has chosen to
-- show them. One row per client and instrument, kept (with who changed it and when) once set; the
-- portal shows a chart only while `shared` is true.
--
-- The client may read their own answers' scores of a shared instrument, and nothing else of
-- measure_responses: the carers-only policy of 0009 is widened for exactly that (USING only, so the
-- rule for writing answers is left as it was).

CREATE TABLE result_shares (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  -- A built-in instrument ("phq-9") or the practice's own (its instrument id, every version).
  instrument_id text NOT NULL CHECK (instrument_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  shared boolean NOT NULL,
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, client_id, instrument_id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, changed_by) REFERENCES users(practice_id, id)
);

ALTER TABLE result_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE result_shares FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON result_shares USING (practice_id = app_practice_id())
  WITH CHECK (practice_id = app_practice_id());
-- Read by the client it is about and their current carers; set by a current carer only.
CREATE POLICY client_or_carer_reads ON result_shares AS RESTRICTIVE FOR SELECT
  USING (app_user_id() IS NULL OR client_id = app_user_id() OR app_cares_for(client_id));
CREATE POLICY carer_adds ON result_shares AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));
CREATE POLICY carer_changes ON result_shares AS RESTRICTIVE FOR UPDATE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));

ALTER POLICY carer_only ON measure_responses
  USING (app_user_id() IS NULL OR app_cares_for(client_id) OR (
    client_id = app_user_id() AND EXISTS (
      SELECT 1 FROM result_shares s
       WHERE s.client_id = measure_responses.client_id AND s.instrument_id = measure_responses.instrument_id
         AND s.shared)));

GRANT SELECT, INSERT ON result_shares TO undercurrent_app;
GRANT UPDATE (shared, changed_by, changed_at) ON result_shares TO undercurrent_app;
