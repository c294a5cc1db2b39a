import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { createUser, normaliseEmail } from '../../accounts/users.js';
import { localKey, utcToLocal } from '../../frame/zoned-time.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { assertBookable } from '../frame/appointments-booking.js';
import { describeInstant, lockFrame } from '../frame/clash.js';
import { loadSettings } from '../frame/settings-record.js';
import { invitationEmail } from '../invitations/invitation-email.js';
import { issueInvitation, practiceDetails } from '../invitations/invitation-record.js';
import type { IntakeRow } from './intake-practice-record.js';

/** What accepting an enquiry made: the client's account, the invitation, the episode and the appointment. */
export interface Conversion {
  clientId: string;
  invitationId: string | null;
  episodeId: string;
  appointmentId: string;
}

export const SLOT_NO_LONGER_FREE = (when: string) =>
  `The time the person asked for (${when}) is no longer free on the therapist's calendar. ` +
  'Nothing has been booked. Propose another time instead, with a message; they will choose again from the free times.';
const SLOT_PASSED = (when: string) =>
  `The time the person asked for (${when}) has passed. Nothing has been booked. ` +
  'Propose another time instead, with a message; they will choose again from the free times.';

interface Person {
  id: string;
  hasPassword: boolean;
  isClient: boolean;
  active: boolean;
}

async function personByEmail(tx: Scoped, email: string): Promise<Person | undefined> {
  const found = await tx.query<{ id: string; has_password: boolean; is_client: boolean; active: boolean }>(
    `SELECT u.id, u.password_hash IS NOT NULL AS has_password, u.status = 'active' AS active,
            EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = 'client') AS is_client
       FROM users u WHERE u.email = $1`,
    [email],
  );
  const row = found.rows[0];
  return row && { id: row.id, hasPassword: row.has_password, isClient: row.is_client, active: row.active };
}

/**
 * The client account for the person: the existing client with that address, or a new one prepared
 * without a password (the invitation lets them choose it). A staff address or a switched-off
 * account is refused: those are for an administrator to sort out under People.
 */
async function clientFor(tx: Scoped, event: AuditInput, email: string, name: string) {
  const existing = await personByEmail(tx, email);
  if (existing && (!existing.isClient || !existing.active)) {
    refuse(
      tx,
      event,
      409,
      'address_in_use',
      `${email} belongs to an account at this practice that is ${existing.active ? 'not a client account' : 'switched off'}. ` +
        'Nothing has been booked. Ask an administrator to look at it under People, or refer on.',
    );
  }
  if (existing) return { ...existing, created: false };
  const id = await createUser(tx, { email, displayName: name, passwordHash: null, roles: ['client'] });
  return { id, hasPassword: false, isClient: true, active: true, created: true };
}

/**
 * Accepting a consultation request (inside the decision's transaction, the intake row locked): the
 * client account, an invitation e-mailed through the outbox (unless the person can already sign in),
 * an assessment episode with the therapist (or their episode still open with them) and the
 * consultation at the requested time — checked again under the therapist's frame lock, so a time
 * taken meanwhile is refused with 409 and nothing is made.
 */
export async function convertToClient(
  tx: Scoped,
  row: IntakeRow,
  name: string,
  input: { publicUrl: string; smtp: boolean; event: AuditInput },
): Promise<Conversion> {
  const therapistId = row.requested_therapist_id;
  const start = row.requested_start;
  if (!therapistId || !start) throw new Error('convertToClient needs a consultation request');
  const { event } = input;
  const now = new Date();
  await lockFrame(tx, { therapistIds: [therapistId] });
  const settings = await loadSettings(tx, therapistId);
  const zone = settings.timeZone;
  const when = describeInstant(start, zone);
  if (start.getTime() <= now.getTime()) refuse(tx, event, 409, 'slot_passed', SLOT_PASSED(when));
  const local = utcToLocal(start, zone);
  const slot = {
    startsAt: start,
    endsAt: new Date(start.getTime() + settings.sessionMinutes * 60_000),
    localStart: localKey(local.date, local.time),
  };
  try {
    await assertBookable(tx, { therapistId, zone, slot, locationId: null }, now);
  } catch (error) {
    if (error instanceof HttpError && (error.code === 'clash' || error.code === 'in_break')) {
      refuse(tx, event, 409, 'slot_taken', SLOT_NO_LONGER_FREE(when));
    }
    throw error;
  }

  const email = normaliseEmail(row.email);
  // The same lock creating and accepting an invitation take: one decision per address at a time.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-invite:${tx.actor.practiceId}:${email}`]);
  const client = await clientFor(tx, event, email, name);
  const otherTherapist = await tx.query(
    `SELECT 1 FROM episodes WHERE client_id = $1 AND status <> 'ended' AND therapist_id <> $2`,
    [client.id, therapistId],
  );
  if ((otherTherapist.rowCount ?? 0) > 0) {
    refuse(
      tx,
      event,
      409,
      'episode_in_progress',
      `${email} is already in therapy at this practice with another therapist. Nothing has been booked. ` +
        'Talk with their therapist, or refer on.',
    );
  }
  await tx.query(
    `INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES (app_practice_id(), $1, $2)
     ON CONFLICT (practice_id, therapist_id, client_id) DO UPDATE SET ended_at = NULL`,
    [therapistId, client.id],
  );

  const open = await tx.query<{ id: string }>(
    `SELECT id FROM episodes WHERE client_id = $1 AND therapist_id = $2 AND status <> 'ended'
      ORDER BY created_at DESC LIMIT 1`,
    [client.id, therapistId],
  );
  let episodeId = open.rows[0]?.id;
  if (!episodeId) {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO episodes (practice_id, therapist_id, client_id, time_zone, created_by)
       VALUES (app_practice_id(), $1, $2, $3, $4) RETURNING id`,
      [therapistId, client.id, zone, tx.actor.userId ?? therapistId],
    );
    episodeId = inserted.rows[0]?.id as string;
    tx.audit({
      action: 'frame.episode_created',
      subjectType: 'episode',
      subjectId: episodeId,
      subjectUserId: client.id,
    });
  }

  // A first consultation is free (the public site says so).
  const appointment = await tx.query<{ id: string }>(
    `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at,
            local_start, time_zone, fee_pence)
     VALUES (app_practice_id(), $1, $2, $3, 'consultation', $4, $5, $6, $7, 0) RETURNING id`,
    [episodeId, therapistId, client.id, slot.startsAt, slot.endsAt, slot.localStart, zone],
  );
  const appointmentId = appointment.rows[0]?.id as string;
  tx.audit({
    action: 'frame.appointment_created',
    subjectType: 'appointment',
    subjectId: appointmentId,
    subjectUserId: client.id,
    details: { kind: 'consultation', episodeId },
  });

  const invitationId = client.hasPassword ? null : await inviteOnce(tx, { email, name, therapistId, ...input });
  return { clientId: client.id, invitationId, episodeId, appointmentId };

  async function inviteOnce(
    scoped: Scoped,
    who: { email: string; name: string; therapistId: string; publicUrl: string; smtp: boolean },
  ): Promise<string> {
    const pending = await scoped.query<{ id: string }>(
      `SELECT id FROM invitations WHERE email = $1 AND role = 'client' AND accepted_at IS NULL AND revoked_at IS NULL
          AND expires_at > now() ORDER BY created_at DESC LIMIT 1`,
      [who.email],
    );
    const waiting = pending.rows[0]?.id;
    if (waiting) {
      await scoped.query('UPDATE invitations SET prepared_user_id = $2 WHERE id = $1', [waiting, client.id]);
      return waiting;
    }
    const issued = await issueInvitation(scoped, {
      email: who.email,
      displayName: who.name,
      role: 'client',
      invitedBy: who.therapistId,
      publicUrl: who.publicUrl,
    });
    await scoped.query('UPDATE invitations SET prepared_user_id = $2 WHERE id = $1', [issued.id, client.id]);
    const practice = await practiceDetails(scoped);
    const therapist = await scoped.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [
      who.therapistId,
    ]);
    const outboxId = await enqueueEmail(
      scoped,
      invitationEmail({
        to: who.email,
        displayName: who.name,
        inviterName: therapist.rows[0]?.display_name ?? practice.name,
        practiceName: practice.name,
        timeZone: practice.timeZone,
        role: 'client',
        link: issued.link,
        expiresAt: issued.expiresAt,
      }),
      who.smtp,
    );
    scoped.audit({
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: issued.id,
      subjectUserId: client.id,
      details: { role: 'client', outboxId, via: 'intake' },
    });
    return issued.id;
  }
}
