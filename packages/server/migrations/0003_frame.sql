-- The therapy frame: therapist settings, locations, treatment episodes, recurring series and the
-- sessions they generate (called appointments here: "sessions" are sign-in sessions), breaks,
-- clients' planned absences, move requests, the per-client charges ledger and calendar feeds.
-- Times: an appointment's instant is starts_at (timestamptz); the wall time it was agreed in is
-- kept as local_start + time_zone, so a series stays at 09:00 London time across clock changes.

ALTER TABLE users ADD COLUMN time_zone text;
ALTER TABLE practices ADD COLUMN currency text NOT NULL DEFAULT 'GBP' CHECK (currency ~ '^[A-Z]{3}$');

CREATE TABLE therapist_settings (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  therapist_id uuid NOT NULL,
  time_zone text NOT NULL DEFAULT 'Europe/London',
  session_minutes integer NOT NULL DEFAULT 50 CHECK (session_minutes BETWEEN 10 AND 240),
  min_gap_minutes integer NOT NULL DEFAULT 10 CHECK (min_gap_minutes BETWEEN 0 AND 120),
  -- [{ "weekday": 1..7 (Monday = 1), "start": "HH:MM", "end": "HH:MM" }]
  working_hours jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- { "consultation": pence, "assessment": pence, "session": pence, "review": pence }
  fees jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- CancellationPolicy (packages/server/src/frame/cancellation-policy.ts)
  policy jsonb NOT NULL,
  reminder_lead_hours integer CHECK (reminder_lead_hours IS NULL OR reminder_lead_hours BETWEEN 1 AND 168),
  feed_shows_client_names boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, therapist_id),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

-- Rooms (shared by the practice's therapists) and online meeting places.
CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('room', 'online')),
  address text CHECK (address IS NULL OR length(address) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz,
  UNIQUE (practice_id, id)
);
CREATE UNIQUE INDEX locations_name_idx ON locations (practice_id, lower(name)) WHERE archived_at IS NULL;

CREATE TABLE episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  therapist_id uuid NOT NULL,
  client_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'assessment'
    CHECK (status IN ('assessment', 'active', 'paused', 'ending', 'ended')),
  -- The agreement (null while in assessment).
  kind text CHECK (kind IN ('brief', 'open')),
  session_count integer CHECK (session_count IS NULL OR session_count BETWEEN 1 AND 200),
  -- [{ "weekday": 1..7, "time": "HH:MM" }], 1 to 5 slots
  slots jsonb NOT NULL DEFAULT '[]'::jsonb,
  time_zone text NOT NULL,
  location_id uuid,
  fee_pence integer CHECK (fee_pence IS NULL OR fee_pence BETWEEN 0 AND 10000000),
  session_minutes integer CHECK (session_minutes IS NULL OR session_minutes BETWEEN 10 AND 240),
  start_date date,
  review_every integer CHECK (review_every IS NULL OR review_every BETWEEN 1 AND 100),
  planned_end_date date,
  ending_date date,
  closing_summary_enc text,
  follow_up_date date,
  -- Per-client override of the therapist's cancellation policy (null = the therapist's).
  policy jsonb,
  agreed_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, location_id) REFERENCES locations(practice_id, id)
);
CREATE INDEX episodes_client_idx ON episodes (practice_id, client_id, created_at DESC);
CREATE INDEX episodes_therapist_idx ON episodes (practice_id, therapist_id, status);

-- One recurring series per weekly slot of an agreement. rrule is RFC 5545 (FREQ=WEEKLY;BYDAY=..),
-- anchored at the local wall time dtstart_local in time_zone. Appointments are materialised up to
-- materialised_until (a rolling horizon for open-ended work), never an unbounded future.
CREATE TABLE session_series (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  episode_id uuid NOT NULL,
  rrule text NOT NULL,
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  local_time text NOT NULL CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  time_zone text NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  materialised_until date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX session_series_open_idx ON session_series (practice_id, materialised_until) WHERE ended_at IS NULL;

CREATE TABLE breaks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  -- null: the whole practice (including bank holidays)
  therapist_id uuid,
  kind text NOT NULL CHECK (kind IN ('therapist', 'practice', 'bank_holiday')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((kind = 'therapist') = (therapist_id IS NOT NULL)),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX breaks_range_idx ON breaks (practice_id, starts_on, ends_on);
CREATE UNIQUE INDEX breaks_bank_holiday_idx ON breaks (practice_id, starts_on) WHERE kind = 'bank_holiday';

CREATE TABLE client_absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  note_enc text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX client_absences_client_idx ON client_absences (practice_id, client_id, starts_on);

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  episode_id uuid NOT NULL,
  therapist_id uuid NOT NULL,
  client_id uuid NOT NULL,
  series_id uuid,
  -- For a series occurrence: its original local start ("2027-01-14T09:00"); stable across moves.
  occurrence_key text,
  kind text NOT NULL CHECK (kind IN ('consultation', 'assessment', 'session', 'review')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  local_start text NOT NULL,
  time_zone text NOT NULL,
  location_id uuid,
  fee_pence integer NOT NULL DEFAULT 0 CHECK (fee_pence BETWEEN 0 AND 10000000),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN
    ('scheduled', 'attended', 'cancelled_client', 'did_not_attend', 'cancelled_therapist', 'moved')),
  -- For cancelled_client: early or late by the policy, with the notice given.
  late boolean,
  notice_minutes integer,
  cancel_reason text CHECK (cancel_reason IS NULL OR cancel_reason IN
    ('client', 'client_absence', 'therapist', 'break', 'ending', 'paused')),
  break_id uuid,
  absence_id uuid,
  moved_from_id uuid,
  moved_to_id uuid,
  cancelled_at timestamptz,
  cancelled_by uuid,
  marked_at timestamptz,
  marked_by uuid,
  reminder_sent_at timestamptz,
  -- iCalendar SEQUENCE: bumped on every change a calendar app must pick up.
  sequence integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, series_id) REFERENCES session_series(practice_id, id) ON DELETE SET NULL (series_id),
  FOREIGN KEY (practice_id, location_id) REFERENCES locations(practice_id, id),
  FOREIGN KEY (practice_id, break_id) REFERENCES breaks(practice_id, id) ON DELETE SET NULL (break_id),
  FOREIGN KEY (practice_id, absence_id) REFERENCES client_absences(practice_id, id) ON DELETE SET NULL (absence_id)
);
CREATE UNIQUE INDEX appointments_occurrence_idx ON appointments (practice_id, series_id, occurrence_key)
  WHERE series_id IS NOT NULL;
CREATE INDEX appointments_therapist_time_idx ON appointments (practice_id, therapist_id, starts_at);
CREATE INDEX appointments_client_time_idx ON appointments (practice_id, client_id, starts_at);
CREATE INDEX appointments_location_time_idx ON appointments (practice_id, location_id, starts_at)
  WHERE location_id IS NOT NULL;
CREATE INDEX appointments_episode_idx ON appointments (practice_id, episode_id, starts_at);
CREATE INDEX appointments_reminder_idx ON appointments (practice_id, starts_at)
  WHERE status = 'scheduled' AND reminder_sent_at IS NULL;

CREATE TABLE move_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  appointment_id uuid NOT NULL,
  client_id uuid NOT NULL,
  message_enc text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  response_enc text,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid,
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX move_requests_appointment_idx ON move_requests (practice_id, appointment_id);

-- The charges ledger: append-only. A correction is a new entry reversing an earlier one.
CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  therapist_id uuid NOT NULL,
  appointment_id uuid,
  kind text NOT NULL CHECK (kind IN
    ('session_fee', 'late_cancellation', 'did_not_attend', 'hour_is_yours', 'free_missed', 'reversal', 'adjustment')),
  amount_pence integer NOT NULL CHECK (amount_pence BETWEEN -10000000 AND 10000000),
  currency text NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
  reverses_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  created_by uuid,
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id) ON DELETE SET NULL (appointment_id)
);
CREATE INDEX ledger_client_idx ON ledger_entries (practice_id, client_id, created_at);
CREATE INDEX ledger_appointment_idx ON ledger_entries (practice_id, appointment_id);
CREATE UNIQUE INDEX ledger_reversal_once_idx ON ledger_entries (practice_id, reverses_id) WHERE reverses_id IS NOT NULL;

CREATE FUNCTION ledger_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- Removing a whole practice (or a person) cascades; anything else is refused.
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.appointment_id IS NULL AND OLD.appointment_id IS NOT NULL
     AND NEW.id = OLD.id AND NEW.amount_pence = OLD.amount_pence AND NEW.kind = OLD.kind THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the charges ledger is append-only: add a reversing entry instead'
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- Private iCalendar subscription URLs. The token (practice id + secret) is shown once; only its
-- hash is kept. Revoking one stops it at once.
CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (practice_id, user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (practice_id, user_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['therapist_settings', 'locations', 'episodes', 'session_series', 'breaks',
    'client_absences', 'appointments', 'move_requests', 'ledger_entries', 'calendar_feeds']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON therapist_settings, locations, episodes, session_series, breaks,
  client_absences, appointments, move_requests, calendar_feeds TO undercurrent_app;
GRANT SELECT, INSERT ON ledger_entries TO undercurrent_app;
