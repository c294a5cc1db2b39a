import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noticeMinutes } from '../../frame/cancellation-policy.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { previewCharge } from './charges.js';
import { ownUpcomingAppointment } from './client-cancel-record.js';
import { ChargePreview } from './frame-schemas.js';

/**
 * POST /api/frame/appointments/:id/cancel-preview (client): what cancelling this session now would
 * cost, and why, before the client decides. Nothing changes.
 */
export const clientCancelPreviewRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/appointments/:id/cancel-preview',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'What cancelling one of your sessions now would be charged, before you decide',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({}, { additionalProperties: false }),
        response: withErrors({ 200: ChargePreview }),
      },
    },
    async (request) => {
      const now = new Date();
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const appointment = await ownUpcomingAppointment(tx, request.params.id, 'frame.cancel_previewed', now);
        const preview = await previewCharge(tx, appointment, {
          kind: 'cancelled_client',
          noticeMinutes: noticeMinutes(appointment.startsAt, now),
        });
        tx.audit({
          action: 'frame.cancel_previewed',
          subjectType: 'appointment',
          subjectId: appointment.id,
          subjectUserId: appointment.clientId,
          details: { amountPence: preview.amountPence, late: preview.late },
        });
        return preview;
      });
    },
  );
};
