-- Outcome measures, first part: the practice's imported instrument definitions (instruments it is
-- licensed to use, e.g. CORE-10 or WSAS, in the format of packages/clinical) and questionnaires a
-- therapist entered from paper, with their answers and the product's score of them.
--
-- A definition is never changed or deleted once imported: importing the same instrument id again
-- adds a version (and retires the one before), retiring only sets retired_at. Answers pin the
-- definition version they were given against. Answers and scores are clinical data: encrypted, and
-- visible only to a therapist currently caring for the client (restrictive policy, app_cares_for) —
-- not to the practice admin, a supervisor, another therapist or (for now) the client.

CREATE TABLE instrument_definitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  -- The definition's own id ("core-10"), never one of the built-in instruments'.
  instrument_id text NOT NULL CHECK (instrument_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
    AND instrument_id NOT IN ('phq-9', 'gad-7', 'phq-15', 'pcl-5')),
  version integer NOT NULL CHECK (version >= 1),
  -- The validated definition as imported (packages/clinical InstrumentDefinition).
  definition jsonb NOT NULL CHECK (definition ->> 'id' = instrument_id),
  imported_by uuid NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  retired_by uuid,
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, instrument_id, version),
  CHECK ((retired_at IS NULL) = (retired_by IS NULL)),
  FOREIGN KEY (practice_id, imported_by) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, retired_by) REFERENCES users(practice_id, id)
);
-- At most one active version of an instrument.
CREATE UNIQUE INDEX instrument_definitions_active_idx ON instrument_definitions (practice_id, instrument_id)
  WHERE retired_at IS NULL;

-- Once imported, a definition is kept as it is: the only change is retiring it, once.
CREATE FUNCTION instrument_definition_is_final() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.retired_at IS NULL AND NEW.retired_at IS NOT NULL
     AND (to_jsonb(NEW) - 'retired_at' - 'retired_by') = (to_jsonb(OLD) - 'retired_at' - 'retired_by') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'an imported instrument definition cannot be changed or deleted: import a new version or retire it'
    USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER instrument_definition_is_final BEFORE UPDATE OR DELETE ON instrument_definitions
  FOR EACH ROW EXECUTE FUNCTION instrument_definition_is_final();

CREATE TABLE measure_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  -- The instrument: a built-in one ("phq-9", definition_id NULL) or the practice's, pinned to the
  -- version answered (definition_id).
  instrument_id text NOT NULL,
  definition_id uuid,
  -- 'paper': entered by the therapist from a paper form.
  source text NOT NULL DEFAULT 'paper' CHECK (source IN ('paper')),
  completed_on date NOT NULL,
  appointment_id uuid,
  entered_by uuid NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  -- JSON of the answers keyed by linkId (a value, "declined", "not-applicable" or null), and of the
  -- score the server computed with @undercurrent/clinical `score`: both encrypted.
  answers_enc text NOT NULL,
  score_enc text NOT NULL,
  UNIQUE (practice_id, id),
  CHECK ((definition_id IS NULL) = (instrument_id IN ('phq-9', 'gad-7', 'phq-15', 'pcl-5'))),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, entered_by) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, definition_id) REFERENCES instrument_definitions(practice_id, id),
  FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id)
);
CREATE INDEX measure_responses_client_idx ON measure_responses (practice_id, client_id, completed_on DESC);

-- Answers are kept as entered; only key rotation (the system actor) may rewrite their ciphertext.
CREATE FUNCTION measure_response_is_final() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - 'answers_enc' - 'score_enc') = (to_jsonb(OLD) - 'answers_enc' - 'score_enc')
     AND record_rekeyed(OLD.answers_enc, NEW.answers_enc) AND record_rekeyed(OLD.score_enc, NEW.score_enc) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'answers to a measure are kept as entered' USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER measure_response_is_final BEFORE UPDATE OR DELETE ON measure_responses
  FOR EACH ROW EXECUTE FUNCTION measure_response_is_final();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['instrument_definitions', 'measure_responses']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- Answers: a therapist currently caring for the client, or the system — not the admin, a supervisor,
-- another therapist (even the one who entered them, once their care has ended) or the client.
CREATE POLICY carer_only ON measure_responses AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));

GRANT SELECT, INSERT ON instrument_definitions, measure_responses TO undercurrent_app;
GRANT UPDATE (retired_at, retired_by) ON instrument_definitions TO undercurrent_app;
GRANT UPDATE (answers_enc, score_enc) ON measure_responses TO undercurrent_app;
