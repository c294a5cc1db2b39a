-- The client's private space: journal entries (free association, dreams, reflections, check-ins),
-- the client's tags, the "not ready to talk about yet" list, shares with the therapist and the
-- therapist's read markers. Entry text is encrypted (uc1.clinical.*) by the server before it gets here.
--
-- Besides tenant isolation, restrictive row-level policies enforce invariant 5 in the database itself:
-- an entry row is visible to the client who wrote it, to the system (no signed-in user: jobs, key
-- rotation, demo seeding), and — for reading only — to a therapist currently caring for the client
-- while a share of that entry is in force. Tags and the not-ready list are the client's alone. So a
-- fault in a route cannot hand a private entry to staff: PostgreSQL would return no row.

CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

CREATE FUNCTION app_has_role(role text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT role = ANY (string_to_array(coalesce(current_setting('app.roles', true), ''), ',')) $$;

CREATE TABLE journal_entries (
  id uuid PRIMARY KEY,
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('free_association', 'dream', 'reflection', 'check_in')),
  -- Optimistic concurrency: every save names the version it edited; a stale save becomes a conflict copy.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  body_enc text NOT NULL,
  -- The first words of the body, encrypted apart so a timeline need not decrypt whole entries.
  excerpt_enc text NOT NULL,
  -- Dream details as encrypted JSON: setting, people, feelings on waking, the day before, associations.
  details_enc text,
  word_count integer NOT NULL DEFAULT 0 CHECK (word_count >= 0),
  mood smallint CHECK (mood IS NULL OR mood BETWEEN 0 AND 10),
  dreamt_on date,
  dream_period text CHECK (dream_period IS NULL OR dream_period IN ('night', 'nap')),
  nightmare boolean NOT NULL DEFAULT false,
  lucid boolean NOT NULL DEFAULT false,
  -- Earlier dreams this one recurs (ids of the same client's dreams).
  recurs_ids uuid[] NOT NULL DEFAULT '{}',
  -- A reflection written about a session (appointments.id).
  appointment_id uuid,
  -- Free association: the timer chosen (minutes) and the time actually spent writing (seconds).
  timer_minutes smallint CHECK (timer_minutes IS NULL OR timer_minutes IN (5, 10, 20)),
  seconds_spent integer NOT NULL DEFAULT 0 CHECK (seconds_spent BETWEEN 0 AND 604800),
  -- Set on a copy made when two devices saved different text over the same version.
  conflict_of uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  UNIQUE (practice_id, client_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX journal_entries_client_idx ON journal_entries (practice_id, client_id, created_at DESC, id DESC);

-- A share of one entry with the client's therapist. Withdrawing keeps the row (the therapist sees that
-- something was withdrawn, and when) but ends the therapist's access to the entry; deleting the entry
-- afterwards keeps the row with entry_id cleared.
CREATE TABLE journal_shares (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  entry_id uuid,
  kind text NOT NULL CHECK (kind IN ('free_association', 'dream', 'reflection', 'check_in')),
  shared_at timestamptz NOT NULL DEFAULT now(),
  -- "To bring to the next session": the next session after bring_marked_at.
  bring_next boolean NOT NULL DEFAULT false,
  bring_marked_at timestamptz,
  withdrawn_at timestamptz,
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE,
  -- A share is always of its own client's entry.
  FOREIGN KEY (practice_id, client_id, entry_id) REFERENCES journal_entries(practice_id, client_id, id)
    ON DELETE SET NULL (entry_id)
);
CREATE UNIQUE INDEX journal_shares_live_idx ON journal_shares (entry_id) WHERE withdrawn_at IS NULL;
CREATE INDEX journal_shares_entry_idx ON journal_shares (entry_id);
CREATE INDEX journal_shares_entry_fk_idx ON journal_shares (practice_id, client_id, entry_id);
CREATE INDEX journal_shares_client_idx ON journal_shares (practice_id, client_id, shared_at DESC);

CREATE TABLE journal_reads (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  share_id uuid NOT NULL REFERENCES journal_shares(id) ON DELETE CASCADE,
  therapist_id uuid NOT NULL,
  first_read_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (practice_id, share_id, therapist_id),
  FOREIGN KEY (practice_id, therapist_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX journal_reads_share_idx ON journal_reads (share_id);
CREATE INDEX journal_reads_therapist_idx ON journal_reads (practice_id, therapist_id);

CREATE TABLE journal_tags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  name_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX journal_tags_client_idx ON journal_tags (practice_id, client_id);

CREATE TABLE journal_entry_tags (
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  entry_id uuid NOT NULL REFERENCES journal_entries(id) ON DELETE CASCADE,
  tag_id uuid NOT NULL REFERENCES journal_tags(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  PRIMARY KEY (practice_id, entry_id, tag_id)
);
CREATE INDEX journal_entry_tags_tag_idx ON journal_entry_tags (tag_id);
CREATE INDEX journal_entry_tags_entry_idx ON journal_entry_tags (entry_id);

-- "Not ready to talk about yet": the client's alone. No staff role can read it, shared or not.
CREATE TABLE journal_not_ready (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  text_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, id),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);
CREATE INDEX journal_not_ready_client_idx ON journal_not_ready (practice_id, client_id, created_at);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['journal_entries', 'journal_shares', 'journal_reads', 'journal_tags',
    'journal_entry_tags', 'journal_not_ready']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
  -- The client's alone (or the system's): tags, entry tags, the not-ready list, writes to entries and shares.
  FOREACH t IN ARRAY ARRAY['journal_tags', 'journal_entry_tags', 'journal_not_ready']
  LOOP
    EXECUTE format('CREATE POLICY owner_only ON %I AS RESTRICTIVE '
      'USING (app_user_id() IS NULL OR client_id = app_user_id()) '
      'WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id())', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['journal_entries', 'journal_shares']
  LOOP
    EXECUTE format('CREATE POLICY owner_inserts ON %I AS RESTRICTIVE FOR INSERT '
      'WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id())', t);
    EXECUTE format('CREATE POLICY owner_updates ON %I AS RESTRICTIVE FOR UPDATE '
      'USING (app_user_id() IS NULL OR client_id = app_user_id()) '
      'WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id())', t);
    EXECUTE format('CREATE POLICY owner_deletes ON %I AS RESTRICTIVE FOR DELETE '
      'USING (app_user_id() IS NULL OR client_id = app_user_id())', t);
  END LOOP;
END
$$;

-- Whether the signed-in person is a therapist currently caring for this client.
CREATE FUNCTION app_cares_for(client uuid) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT app_has_role('therapist') AND EXISTS (
    SELECT 1 FROM care_assignments c
     WHERE c.practice_id = app_practice_id() AND c.therapist_id = app_user_id()
       AND c.client_id = client AND c.ended_at IS NULL) $$;

-- The share must be the entry's own client's (the composite foreign key already makes it so; the
-- policy does not rely on that).
CREATE POLICY owner_or_shared_reads ON journal_entries AS RESTRICTIVE FOR SELECT
  USING (app_user_id() IS NULL OR client_id = app_user_id() OR (
    app_cares_for(client_id) AND EXISTS (
      SELECT 1 FROM journal_shares s
       WHERE s.entry_id = journal_entries.id AND s.client_id = journal_entries.client_id
         AND s.withdrawn_at IS NULL)));
CREATE POLICY owner_or_carer_reads ON journal_shares AS RESTRICTIVE FOR SELECT
  USING (app_user_id() IS NULL OR client_id = app_user_id() OR app_cares_for(client_id));
-- A therapist records their own reads; the client may see whether a share of theirs was read.
CREATE POLICY reader_or_owner ON journal_reads AS RESTRICTIVE
  USING (app_user_id() IS NULL OR therapist_id = app_user_id() OR EXISTS (
    SELECT 1 FROM journal_shares s WHERE s.id = journal_reads.share_id AND s.client_id = app_user_id()))
  WITH CHECK (app_user_id() IS NULL OR therapist_id = app_user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON journal_entries, journal_shares, journal_reads, journal_tags,
  journal_entry_tags, journal_not_ready TO undercurrent_app;
GRANT EXECUTE ON FUNCTION app_user_id(), app_has_role(text), app_cares_for(uuid) TO undercurrent_app;
