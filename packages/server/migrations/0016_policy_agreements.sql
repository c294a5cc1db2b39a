-- Safeguarding, second part: the client's agreement to the practice's written policy, and the
-- practice's own crisis resources (shown with its region's on every crisis panel and public page).

-- One row each time a client agrees to a version of the policy: append-only. The client alone
-- records their agreement (nobody agrees on their behalf); their carers, the clinical lead of an
-- escalated alert and the practice's admins read it.
CREATE TABLE policy_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  policy_version integer NOT NULL CHECK (policy_version >= 1),
  agreed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (practice_id, client_id, policy_version),
  FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id) ON DELETE CASCADE
);

CREATE FUNCTION policy_agreement_is_final() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- Removing a whole practice (or a person) cascades; anything else is refused.
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'an agreement to the policy is kept as recorded: the client agrees again to a new version'
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER policy_agreement_is_final BEFORE UPDATE OR DELETE ON policy_agreements
  FOR EACH ROW EXECUTE FUNCTION policy_agreement_is_final();

-- The practice's own crisis resources, in the order the admin chose. At least one way to reach
-- each (a phone number, a number to text, a web address); formats are checked by the server with
-- messages a person can act on, and bounded here.
CREATE TABLE practice_crisis_resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position BETWEEN 0 AND 99),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  phone text CHECK (phone IS NULL OR char_length(phone) BETWEEN 3 AND 30),
  text_number text CHECK (text_number IS NULL OR char_length(text_number) BETWEEN 3 AND 30),
  text_keyword text CHECK (text_keyword IS NULL OR char_length(text_keyword) BETWEEN 1 AND 40),
  url text CHECK (url IS NULL OR char_length(url) BETWEEN 8 AND 500),
  hours text NOT NULL CHECK (char_length(hours) BETWEEN 1 AND 120),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK (phone IS NOT NULL OR text_number IS NOT NULL OR url IS NOT NULL),
  UNIQUE (practice_id, position),
  FOREIGN KEY (practice_id, updated_by) REFERENCES users(practice_id, id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['policy_agreements', 'practice_crisis_resources']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (practice_id = app_practice_id()) '
      'WITH CHECK (practice_id = app_practice_id())', t);
  END LOOP;
END
$$;

CREATE POLICY own_or_clinician ON policy_agreements AS RESTRICTIVE
  USING (app_user_id() IS NULL OR client_id = app_user_id() OR app_cares_for(client_id)
         OR app_escalated_to_me(client_id) OR app_has_role('admin'))
  WITH CHECK (app_user_id() IS NULL OR client_id = app_user_id());

-- Everyone in the practice reads them (they are shown to clients and on public pages, through the
-- system actor); only admins write (the list is replaced whole: delete, then insert in order).
CREATE POLICY admin_writes ON practice_crisis_resources AS RESTRICTIVE FOR INSERT
  WITH CHECK (app_user_id() IS NULL OR app_has_role('admin'));
CREATE POLICY admin_deletes ON practice_crisis_resources AS RESTRICTIVE FOR DELETE
  USING (app_user_id() IS NULL OR app_has_role('admin'));

GRANT SELECT, INSERT ON policy_agreements TO undercurrent_app;
GRANT SELECT, INSERT, DELETE ON practice_crisis_resources TO undercurrent_app;
