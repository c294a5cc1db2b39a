-- Enquiries that did not become clients are deleted (UK GDPR storage limitation): on request, by an
-- administrator, and after the practice's retention period by the delete-old-enquiries job.
--
-- The period is the practice's policy: days after an enquiry was last answered (its decision, else
-- its arrival). Someone waiting or still owed an answer is never deleted by the job (it decides by
-- status); an accepted enquiry is part of a client's record and follows the record's rules, so no
-- one deletes it here, not even an administrator.
ALTER TABLE practices
  ADD COLUMN enquiry_retention_days integer NOT NULL DEFAULT 183
    CHECK (enquiry_retention_days BETWEEN 30 AND 3650);

-- Who deletes an intake: an administrator (on request) and the system actor (the retention job).
-- Never an accepted one. Removing a whole practice cascades as before (referential actions bypass
-- row security).
CREATE POLICY intake_deleters ON intakes AS RESTRICTIVE FOR DELETE
  USING (status <> 'accepted' AND (app_user_id() IS NULL OR app_has_role('admin')));

GRANT DELETE ON intakes TO undercurrent_app;
