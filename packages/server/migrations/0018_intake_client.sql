-- Turning an accepted enquiry into a client (issue 8, part 6).
--
-- Accepting a consultation request makes, in one transaction: the person's client account (prepared
-- without a password), the invitation that lets them choose one, an assessment episode with the
-- therapist and the consultation appointment at the time they asked for. The intake remembers what it
-- made, so a retried acceptance finds it and makes nothing twice.
ALTER TABLE intakes
  ADD COLUMN client_id uuid,
  ADD COLUMN episode_id uuid,
  ADD COLUMN appointment_id uuid,
  ADD COLUMN invitation_id uuid,
  ADD FOREIGN KEY (practice_id, client_id) REFERENCES users(practice_id, id),
  ADD FOREIGN KEY (practice_id, episode_id) REFERENCES episodes(practice_id, id),
  ADD FOREIGN KEY (practice_id, appointment_id) REFERENCES appointments(practice_id, id),
  ADD CHECK (status = 'accepted' OR appointment_id IS NULL);

-- An invitation for an account the practice prepared ahead (an accepted enquiry): accepting it sets
-- that account's password instead of creating another account.
ALTER TABLE invitations
  ADD COLUMN prepared_user_id uuid,
  ADD FOREIGN KEY (practice_id, prepared_user_id) REFERENCES users(practice_id, id) ON DELETE CASCADE;
