import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditAction } from '../../audit/audit-event.js';
import { lockAppointment, type ChargeableAppointment } from './charges.js';

/**
 * A client acting on one of their own sessions (cancel, ask to move): it must be theirs (anyone
 * else's is "not found", so the answer does not reveal that it exists), still scheduled and not
 * yet started. Refusals are audited.
 */
export async function ownUpcomingAppointment(
  tx: Scoped,
  id: string,
  action: AuditAction,
  now: Date,
): Promise<ChargeableAppointment> {
  const appointment = await lockAppointment(tx, id);
  const event = { action, subjectType: 'appointment', subjectId: id };
  if (!appointment || appointment.clientId !== tx.actor.userId) {
    refuse(tx, event, 404, 'not_found', 'There is no such session among your sessions.');
  }
  const subject = { ...event, subjectUserId: appointment.clientId };
  if (appointment.startsAt.getTime() <= now.getTime()) {
    refuse(
      tx,
      subject,
      409,
      'already_started',
      'This session has already started, so it can no longer be changed here. Please talk with your therapist.',
    );
  }
  if (appointment.status !== 'scheduled') {
    refuse(
      tx,
      subject,
      409,
      'not_scheduled',
      appointment.status === 'moved'
        ? 'This session has been moved; see the session it was moved to.'
        : 'This session has already been cancelled.',
    );
  }
  return appointment;
}

/** Pending requests to move a session end when the session is cancelled. */
export async function withdrawMoveRequests(tx: Scoped, appointmentIds: string[], by: string | null): Promise<void> {
  if (appointmentIds.length === 0) return;
  await tx.query(
    `UPDATE move_requests SET status = 'withdrawn', resolved_at = now(), resolved_by = $2
      WHERE appointment_id = ANY($1::uuid[]) AND status = 'pending'`,
    [appointmentIds, by],
  );
}
