-- Intake (issue 8, parts 4–7): what a person sends through the practice's public site before they
-- have an account, the therapist they ask for a first consultation with, and the practice's answer.
--
-- Intake answers are special-category data (UK GDPR art. 9): the free text (what brings them,
-- previous therapy, the practice's message back) is sealed with the practice's clinical key; the
-- structured preferences (format, days, language, fee range) are kept as JSON to rank therapists.
-- The person comes back through a link whose token carries the practice id; only its hash is kept.
-- Urgent risk is never a queue: such an intake is flagged for same-day review and sorts first.
CREATE TABLE intakes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL CHECK (source IN ('website', 'demo')),
  status text NOT NULL CHECK (status IN ('new', 'same_day_review', 'requested', 'waiting_list', 'accepted',
    'time_proposed', 'referred_on')),
  -- The person's own words about themselves: encrypted.
  name_enc text NOT NULL,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
  brings_enc text NOT NULL,
  previous_therapy_enc text,
  preferences jsonb NOT NULL,
  urgent_risk boolean NOT NULL,
  consent_at timestamptz NOT NULL,
  consent_notice text NOT NULL CHECK (length(consent_notice) BETWEEN 1 AND 200),
  token_hash bytea NOT NULL UNIQUE,
  token_expires_at timestamptz NOT NULL,
  requested_therapist_id uuid,
  requested_start timestamptz,
  decided_at timestamptz,
  decided_by uuid,
  message_enc text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((requested_therapist_id IS NULL) = (requested_start IS NULL)),
  CHECK (NOT urgent_risk OR status <> 'waiting_list'),
  FOREIGN KEY (practice_id, requested_therapist_id) REFERENCES users(practice_id, id)
);
CREATE INDEX intakes_queue_idx ON intakes (practice_id, urgent_risk DESC, created_at);

ALTER TABLE intakes ENABLE ROW LEVEL SECURITY;
ALTER TABLE intakes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON intakes USING (practice_id = app_practice_id())
  WITH CHECK (practice_id = app_practice_id());
-- Who reads intakes: the practice's admins and therapists (triage), and the system actor that public
-- requests run as (the person with their link). Never a client or a supervisor.
CREATE POLICY intake_readers ON intakes AS RESTRICTIVE FOR SELECT
  USING (app_user_id() IS NULL OR app_has_role('admin') OR app_has_role('therapist'));
CREATE POLICY intake_writers ON intakes AS RESTRICTIVE FOR UPDATE
  USING (app_user_id() IS NULL OR app_has_role('admin') OR app_has_role('therapist'));

GRANT SELECT, INSERT, UPDATE ON intakes TO undercurrent_app;
