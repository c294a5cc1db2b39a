-- Questionnaires for clients (issue 6, part 3): schedules per episode (which instrument, when), a
-- request to complete one per occurrence (made by the background job ahead of a session, or sent now
-- by the therapist), the client's answers saved item by item as they go (resumable), and the
-- portal's submission stored as a measure response with source 'portal'.
--
-- Timing (features/questionnaires/schedule-occurrences.ts): a request for a session opens 48 hours
-- before it and expires when the session starts; at ending it opens 7 days before the ending date and
-- expires at the end of that day; at follow-up it opens N months after the ending date and expires 14
-- days later; sent now, it expires 7 days later. One reminder e-mail, with no clinical content, when
-- a request opens.

CREATE TABLE questionnaire_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  episode_id uuid NOT NULL,
  client_id uuid NOT NULL,
  -- A built-in instrument ("phq-9") or one of the practice's (its instrument_id; the version active
  -- when each request is made is pinned on the request).
  instrument_id text NOT NULL CHECK (instrument_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  timing text NOT NULL CHECK (timing IN ('every_session', 'every_n_sessions', 'reviews', 'ending', 'follow_up')),
  every_n integer CHECK (every_n IS NULL OR every_n BETWEEN 2 AND 52),
  months_after integer CHECK (months_after IS NULL OR months_after BETWEEN 1 AND 24),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  stopped_at timestamptz,
  stopped_by uuid,
  CHECK ((timing = 'every_n_sessions') = (every_n IS NOT NULL)),
  CHECK ((timing = 'follow_up') = (months_after IS NOT NULL)),
  CHECK ((stopped_at IS NULL) = (stopped_by IS NULL)),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, created_by) REFERENCES users(practice_id, id),
  FOREIGN KEY (practice_id, stopped_by) REFERENCES users(practice_id, id)
);
CREATE INDEX questionnaire_schedules_episode_idx ON questionnaire_schedules (practice_id, episode_id)
  WHERE stopped_at IS NULL;

CREATE TABLE questionnaire_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  episode_id uuid,
  -- The schedule that made it (null: sent now by the therapist) and which of its occurrences
  -- ("session:<appointment id>", "ending:2027-03-01", "follow-up:2027-06-01"): made once.
  schedule_id uuid,
  occurrence_key text,
  instrument_id text NOT NULL,
  -- The practice definition version pinned when the request was made (null for a built-in one).
  definition_id uuid,
  appointment_id uuid,
  opens_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'expired')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  reminder_sent_at timestamptz,
  completed_at timestamptz,
  response_id uuid,
  CHECK (expires_at > opens_at),
  CHECK ((schedule_id IS NULL) = (occurrence_key IS NULL)),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL AND response_id IS NOT NULL)),
  UNIQUE (practice_id, id),
  UNIQUE (schedule_id, occurrence_key),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, schedule_id) REFERENCES questionnaire_schedules(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, definition_id) REFERENCES instrument_definitions(practice_id, id),
  FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id),
  FOREIGN KEY (practice_id, response_id) REFERENCES measure_responses(practice_id, id)
);
CREATE INDEX questionnaire_requests_client_idx ON questionnaire_requests (practice_id, client_id, created_at DESC);
CREATE INDEX questionnaire_requests_open_idx ON questionnaire_requests (practice_id, expires_at) WHERE status = 'open';

-- The client's answers so far, one row per question, saved as they go: encrypted, and theirs alone
-- (the therapist sees the response once submitted, not the draft).
CREATE TABLE questionnaire_answers (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  request_id uuid NOT NULL,
  client_id uuid NOT NULL,
  link_id text NOT NULL CHECK (length(link_id) BETWEEN 1 AND 64),
  value_enc text NOT NULL,
  -- How many times this answer was saved: a save names the revision it replaces.
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, link_id),
  FOREIGN KEY (practice_id, request_id) REFERENCES questionnaire_requests(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['questionnaire_schedules', 'questionnaire_requests', 'questionnaire_answers']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

-- Schedules: the therapists caring for the client (and the system's job).
CREATE POLICY carer_only ON questionnaire_schedules AS RESTRICTIVE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));
-- Requests: the client they are for, the therapists caring for them, the system.
CREATE POLICY client_or_carer ON questionnaire_requests AS RESTRICTIVE
  USING (app_user_id() IS NULL OR client_id = app_user_id() OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id() OR app_cares_for(client_id));
-- Draft answers: the client alone (and the system, for key rotation).
CREATE POLICY client_only ON questionnaire_answers AS RESTRICTIVE
  USING (app_user_id() IS NULL OR client_id = app_user_id())
  WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id());

GRANT SELECT, INSERT ON questionnaire_schedules, questionnaire_requests TO undercurrent_app;
GRANT UPDATE (stopped_at, stopped_by) ON questionnaire_schedules TO undercurrent_app;
GRANT UPDATE (status, reminder_sent_at, completed_at, response_id) ON questionnaire_requests TO undercurrent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON questionnaire_answers TO undercurrent_app;

-- Responses answered in the portal. The client inserts their own submission (never reads it back:
-- results shown to the client are another part's): the restrictive policy now lets a client INSERT a
-- row that is theirs, with source 'portal', for an open request of theirs — and nothing more.
ALTER TABLE measure_responses DROP CONSTRAINT measure_responses_source_check;
ALTER TABLE measure_responses ADD CONSTRAINT measure_responses_source_check CHECK (source IN ('paper', 'portal'));
DROP POLICY carer_only ON measure_responses;
-- Reading stays the current carers' (and the system's) alone.
CREATE POLICY carer_only ON measure_responses AS RESTRICTIVE FOR SELECT
  USING (app_user_id() IS NULL OR app_cares_for(client_id));
CREATE POLICY carer_or_portal_client_writes ON measure_responses AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id)
    OR (client_id = app_user_id() AND entered_by = app_user_id() AND source = 'portal' AND EXISTS (
      SELECT 1 FROM questionnaire_requests q
       WHERE q.client_id = measure_responses.client_id AND q.status = 'open' AND q.expires_at > now())));
CREATE POLICY carer_only_updates ON measure_responses AS RESTRICTIVE FOR UPDATE
  USING (app_user_id() IS NULL OR app_cares_for(client_id))
  WITH CHECK (app_user_id() IS NULL OR app_cares_for(client_id));
CREATE POLICY carer_only_deletes ON measure_responses AS RESTRICTIVE FOR DELETE
  USING (app_user_id() IS NULL OR app_cares_for(client_id));
