import crypto from 'node:crypto';
import type { Scoped } from '../access/access-layer.js';
import { dueDateFor, todayIn } from '../features/subject-access/due-date.js';
import { sarContext } from '../features/subject-access/request-record.js';

/**
 * One open subject access request in the demo practice: Priya asked by e-mail for a copy of her
 * records a week before the day the demo is seeded; Morgan Ellis (the admin) recorded it and checked
 * her identity (she is a current client). Nothing is decided or prepared yet, so Dr Ruth Mensah has
 * two process notes to review. Written as the system; idempotent (a practice that already has a
 * request is left alone).
 */
export const DEMO_SAR_NOTES = 'Priya asked by e-mail for a copy of everything the practice holds about her.';

export async function seedDemoSubjectAccess(
  tx: Scoped,
  userIds: Record<string, string>,
): Promise<{ requests: number }> {
  const existing = await tx.query('SELECT 1 FROM subject_access_requests LIMIT 1');
  if ((existing.rowCount ?? 0) > 0) return { requests: 0 };
  const priya = userIds['priya.nair'];
  const admin = userIds['morgan.ellis'];
  if (!priya || !admin) throw new Error('the demo people are missing');
  const zone = await tx.query<{ time_zone: string }>('SELECT time_zone FROM practices WHERE id = app_practice_id()');
  const today = todayIn(zone.rows[0]?.time_zone ?? 'Europe/London');
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const receivedOn = new Date(Date.UTC(y, m - 1, d - 7)).toISOString().slice(0, 10);
  const id = crypto.randomUUID();
  await tx.query(
    `INSERT INTO subject_access_requests (id, practice_id, client_id, received_on, channel, requester,
       identity_checked_on, identity_method, notes_enc, due_on, created_by, created_at)
     VALUES ($1, app_practice_id(), $2, $3, 'email', 'client', $3, 'known_to_practice', $4, $5, $6, now() - interval '7 days')`,
    [
      id,
      priya,
      receivedOn,
      await tx.encrypt('clinical', sarContext('notes_enc', id), DEMO_SAR_NOTES),
      dueDateFor(receivedOn),
      admin,
    ],
  );
  return { requests: 1 };
}
