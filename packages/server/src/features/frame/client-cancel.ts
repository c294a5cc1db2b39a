import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { noticeMinutes } from '../../frame/cancellation-policy.js';
import type { ChargeEvent } from '../../frame/frame-types.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { findAppointment } from './appointment-record.js';
import { selfId } from './care-access.js';
import { formatLocalStart } from './charges-format.js';
import { applyCharge, lockClientCharges, previewCharge } from './charges.js';
import { ownUpcomingAppointment, withdrawMoveRequests } from './client-cancel-record.js';
import { Appointment, ChargePreview } from './frame-schemas.js';

/**
 * POST /api/frame/appointments/:id/cancel (client): cancels one of the client's own future
 * sessions, charged by the policy. The client confirms the amount they were shown; if it would now
 * be different (the notice window passed meanwhile, the free allowance was used elsewhere), nothing
 * happens and the answer (409, charge_changed) carries the new explanation.
 */
export const clientCancelRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/appointments/:id/cancel',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'Cancel one of your sessions, confirming the charge you were shown',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { expectedAmountPence: Type.Integer({ minimum: 0, maximum: 10_000_000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ appointment: Appointment, charge: ChargePreview }) }),
      },
    },
    async (request) => {
      const now = new Date();
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const appointment = await ownUpcomingAppointment(tx, request.params.id, 'frame.appointment_cancelled', now);
        const subject = { subjectType: 'appointment', subjectId: appointment.id, subjectUserId: appointment.clientId };
        // Before the quote: another cancellation confirmed meanwhile must not use the free miss this one was shown.
        await lockClientCharges(tx, appointment.clientId);
        const event: ChargeEvent = {
          kind: 'cancelled_client',
          noticeMinutes: noticeMinutes(appointment.startsAt, now),
        };
        const charge = await previewCharge(tx, appointment, event);
        if (charge.amountPence !== request.body.expectedAmountPence) {
          refuse(
            tx,
            { action: 'frame.appointment_cancelled', ...subject },
            409,
            'charge_changed',
            `The charge has changed since you looked. ${charge.explanation} Please look again before you confirm.`,
          );
        }
        const self = selfId(tx);
        await tx.query(
          `UPDATE appointments
              SET status = 'cancelled_client', late = $2, notice_minutes = $3, cancel_reason = 'client',
                  cancelled_at = $4, cancelled_by = $5, sequence = sequence + 1, updated_at = now()
            WHERE id = $1`,
          [appointment.id, charge.late, event.noticeMinutes, now, self],
        );
        await withdrawMoveRequests(tx, [appointment.id], self);
        // A client's cancellation counts as offered: a brief episode gets no extra session for it.
        await applyCharge(tx, { ...appointment, status: 'cancelled_client' }, event, now);
        // The therapist hears at once, so the hour can be thought about (no name, no charge: a session
        // time is all the e-mail carries; the detail is in Undercurrent).
        const therapist = await tx.query<{ email: string; display_name: string; status: string }>(
          'SELECT email, display_name, status FROM users WHERE id = $1',
          [appointment.therapistId],
        );
        const to = therapist.rows[0];
        if (to && to.status === 'active') {
          await enqueueEmail(
            tx,
            {
              kind: 'frame.client_cancelled',
              to: to.email,
              subject: 'A session has been cancelled',
              text: [
                `Hello ${to.display_name},`,
                '',
                `A client has cancelled their session on ${formatLocalStart(appointment.localStart, appointment.timeZone)}.`,
                '',
                `You can see it in Undercurrent: ${app.ctx.config.publicUrl}/clients/${appointment.clientId}`,
              ].join('\n'),
            },
            Boolean(app.ctx.config.smtpUrl),
          );
        }
        tx.audit({
          action: 'frame.appointment_cancelled',
          ...subject,
          details: {
            by: 'client',
            late: charge.late,
            amountPence: charge.amountPence,
            noticeMinutes: event.noticeMinutes,
          },
        });
        const updated = await findAppointment(tx, appointment.id);
        if (!updated) throw new Error('the appointment vanished');
        return { appointment: updated, charge };
      });
    },
  );
};
