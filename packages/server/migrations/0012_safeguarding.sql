-- Safeguarding (CLINICAL-REFERENCE.md §4): the practice's settings and written policy, alerts raised
-- by a PHQ-9 item-9 answer or by risk language in a client's journal entry, the risk record's
-- decision log, and the Stanley–Brown safety plan.
--
-- An alert holds identifiers only: never the answer or the client's words. The therapist caring
-- for the client sees it; once escalated, the clinical lead it was escalated to sees it too. The
-- client does not read alerts (they are the clinicians' working record; a subject-access request
-- reaches them); the client reads their own safety plan.

CREATE TABLE safeguarding_settings (
  practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
  -- The written policy the client agrees to, in plain words; its version counts up on each change.
  policy_text text NOT NULL CHECK (char_length(policy_text) BETWEEN 1 AND 10000),
  policy_version integer NOT NULL DEFAULT 1 CHECK (policy_version >= 1),
  -- Risk language in a private entry: 'never' (the client is invited to tell their therapist) or
  -- 'always' (the therapist is alerted, without the entry's words).
  private_entry_alerts text NOT NULL DEFAULT 'never' CHECK (private_entry_alerts IN ('never', 'always')),
  escalate_after_minutes integer NOT NULL DEFAULT 240 CHECK (escalate_after_minutes BETWEEN 15 AND 10080),
  clinical_lead_id uuid,
  region text NOT NULL DEFAULT 'GB' CHECK (region IN ('GB', 'US')),
  -- The practice's changes to our phrase list (packages/clinical risk-language).
  added_phrases text[] NOT NULL DEFAULT '{}',
  removed_phrases text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  FOREIGN KEY (practice_id, clinical_lead_id) REFERENCES users(practice_id, id)
);

CREATE TABLE safeguarding_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  -- The therapist caring for the client when it was raised; NULL when none did (then it is raised
  -- already escalated to the clinical lead).
  therapist_id uuid,
  -- What raised it: a questionnaire answer (measure_responses.id) or a journal entry (its id).
  trigger text NOT NULL CHECK (trigger IN ('questionnaire_item', 'risk_language')),
  source_id uuid NOT NULL,
  -- 'answer-at-or-above-threshold' | 'declined' | 'unanswered' (questionnaire), 'shared_entry' |
  -- 'private_entry' (risk language).
  reason text NOT NULL CHECK (reason IN ('answer-at-or-above-threshold', 'declined', 'unanswered',
                                         'shared_entry', 'private_entry')),
  -- How many places matched (risk language): a later save with more raises a new alert.
  matches integer NOT NULL DEFAULT 0 CHECK (matches >= 0),
  raised_at timestamptz NOT NULL DEFAULT now(),
  -- When the content-free e-mail was queued (by the safeguarding-alerts job).
  notified_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  escalated_at timestamptz,
  escalated_to uuid,
  UNIQUE (practice_id, id),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
  CHECK ((escalated_at IS NULL) = (escalated_to IS NULL)),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, acknowledged_by) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, escalated_to) REFERENCES users(practice_id, id)
);
CREATE INDEX safeguarding_alerts_client_idx ON safeguarding_alerts (practice_id, client_id, raised_at DESC);
CREATE INDEX safeguarding_alerts_open_idx ON safeguarding_alerts (practice_id, raised_at)
  WHERE acknowledged_at IS NULL;
-- One alert per therapist, source and number of matches: a repeated save of the same words raises
-- nothing new (the client's own transaction inserts with ON CONFLICT DO NOTHING: it cannot read alerts).
CREATE UNIQUE INDEX safeguarding_alerts_once_idx ON safeguarding_alerts
  (practice_id, source_id, matches, coalesce(therapist_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- The risk record's decision log: append-only. record_enc is encrypted JSON
-- { decision, reasons, whoWasTold, clientInformedHow }.
CREATE TABLE safeguarding_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  alert_id uuid,
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  client_informed text NOT NULL CHECK (client_informed IN ('yes', 'no', 'not_yet')),
  record_enc text NOT NULL,
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, decided_by) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, alert_id) REFERENCES safeguarding_alerts(practice_id, id)
);
CREATE INDEX safeguarding_decisions_client_idx ON safeguarding_decisions (practice_id, client_id, decided_at DESC);

-- The Stanley–Brown safety plan, written together in session (the therapist types), every version
-- kept: plan_enc is encrypted JSON of the six sections and reasons for living. The client reads the
-- latest.
CREATE TABLE safety_plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  written_by uuid NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  plan_enc text NOT NULL,
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, client_id, version),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, written_by) REFERENCES users(practice_id, id)
);

-- Decisions and plan versions are kept as written; only key rotation (the system actor) may
-- re-encrypt their text.
CREATE FUNCTION safeguarding_record_is_final() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  col text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'UPDATE' AND app_user_id() IS NULL
     AND (to_jsonb(NEW) - col) = (to_jsonb(OLD) - col)
     AND record_rekeyed(to_jsonb(OLD) ->> col, to_jsonb(NEW) ->> col) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the risk record is kept as written: add a new entry instead' USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER safeguarding_decision_is_final BEFORE UPDATE OR DELETE ON safeguarding_decisions
  FOR EACH ROW EXECUTE FUNCTION safeguarding_record_is_final('record_enc');
CREATE TRIGGER safety_plan_version_is_final BEFORE UPDATE OR DELETE ON safety_plan_versions
  FOR EACH ROW EXECUTE FUNCTION safeguarding_record_is_final('plan_enc');

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['safeguarding_settings', 'safeguarding_alerts', 'safeguarding_decisions',
                           'safety_plan_versions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- Whether the signed-in person is the clinical lead an alert about this client was escalated to.
CREATE FUNCTION app_escalated_to_me(client uuid) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (
    SELECT 1 FROM safeguarding_alerts a
     WHERE a.practice_id = app_practice_id() AND a.client_id = client AND a.escalated_to = app_user_id()) $$;

CREATE POLICY carer_or_lead ON safeguarding_alerts AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id) OR escalated_to = app_user_id())
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id) OR escalated_to = app_user_id()
              OR client_id = app_user_id());
CREATE POLICY carer_or_lead ON safeguarding_decisions AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id) OR app_escalated_to_me(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id) OR app_escalated_to_me(client_id));

CREATE POLICY carer_or_client ON safety_plan_versions AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id) OR client_id = app_user_id())
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));

GRANT SELECT, INSERT, UPDATE ON safeguarding_settings TO undercurrent_app;
GRANT SELECT, INSERT ON safeguarding_alerts, safeguarding_decisions, safety_plan_versions TO undercurrent_app;
GRANT UPDATE (notified_at, acknowledged_at, acknowledged_by, escalated_at, escalated_to) ON safeguarding_alerts TO undercurrent_app;
GRANT UPDATE (record_enc) ON safeguarding_decisions TO undercurrent_app;
GRANT UPDATE (plan_enc) ON safety_plan_versions TO undercurrent_app;
