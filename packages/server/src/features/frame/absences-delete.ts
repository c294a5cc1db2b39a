import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { clientTimeZone, findAbsenceRows } from './absences-record.js';
import { otherCoveringBreak } from './breaks-record.js';
import { selfId } from './care-access.js';
import { lockAppointments, lockClientCharges, reverseAppointmentCharges } from './charges.js';
import { assertNoClash, lockFrame } from './clash.js';

/**
 * DELETE /api/frame/me/absences/:id (client): removes a planned absence that has not begun. Its
 * sessions come back (scheduled again; a break made meanwhile keeps one cancelled as the
 * therapist's) and their charges are reversed. If a session's time has since been given to
 * someone else, nothing changes and the answer names the clash.
 */
export const deleteAbsenceRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/frame/me/absences/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'Remove a planned absence that has not begun; its sessions come back and their charges are reversed',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ ok: Type.Literal(true), restoredSessions: Type.Integer() }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const event = {
          action: 'frame.absence_removed' as const,
          subjectType: 'absence',
          subjectId: request.params.id,
          subjectUserId: clientId,
        };
        const [absence] = await findAbsenceRows(tx, { clientId, id: request.params.id });
        if (!absence) refuse(tx, event, 404, 'not_found', 'There is no such absence among yours.');
        if (absence.starts_on <= todayIn(await clientTimeZone(tx, clientId))) {
          refuse(
            tx,
            event,
            409,
            'absence_started',
            'This absence has already begun, so it can no longer be removed here. Please talk with your therapist.',
          );
        }
        const therapists = await tx.query<{ therapist_id: string }>(
          'SELECT DISTINCT therapist_id FROM appointments WHERE absence_id = $1',
          [absence.id],
        );
        await lockFrame(tx, { therapistIds: therapists.rows.map((r) => r.therapist_id) });
        await lockClientCharges(tx, clientId);
        const sessions = await lockAppointments(
          tx,
          `absence_id = $1 AND status = 'cancelled_client' AND cancel_reason = 'client_absence' AND starts_at > now()`,
          [absence.id],
        );
        let restored = 0;
        for (const session of sessions) {
          const breakId = await otherCoveringBreak(tx, session, null);
          if (breakId) {
            await tx.query(
              `UPDATE appointments
                  SET status = 'cancelled_therapist', cancel_reason = 'break', break_id = $2, absence_id = NULL,
                      late = NULL, notice_minutes = NULL, updated_at = now()
                WHERE id = $1`,
              [session.id, breakId],
            );
          } else {
            await assertNoClash(tx, {
              therapistId: session.therapistId,
              locationId: session.locationId,
              startsAt: session.startsAt,
              endsAt: session.endsAt,
              ignoreAppointmentId: session.id,
            });
            await tx.query(
              `UPDATE appointments
                  SET status = 'scheduled', late = NULL, notice_minutes = NULL, cancel_reason = NULL, absence_id = NULL,
                      cancelled_at = NULL, cancelled_by = NULL, reminder_sent_at = NULL, sequence = sequence + 1,
                      updated_at = now()
                WHERE id = $1`,
              [session.id],
            );
            restored++;
          }
          await reverseAppointmentCharges(tx, session, 'the absence was removed');
        }
        await tx.query('DELETE FROM client_absences WHERE id = $1', [absence.id]);
        tx.audit({ ...event, details: { restored, sessions: sessions.length } });
        return { ok: true as const, restoredSessions: restored };
      }),
  );
};
