import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAppointments } from './appointment-record.js';
import { selfId } from './care-access.js';
import { Appointment } from './frame-schemas.js';
import { decryptOrNull, findMoveRequests, messageContext } from './move-requests-record.js';

export const PendingMoveRequest = Type.Object({
  id: Uuid,
  appointment: Appointment,
  message: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/**
 * GET /api/frame/move-requests (therapist): the pending requests of your current clients to move
 * a session, with their messages, oldest first. Accept one by moving the session
 * (POST /appointments/:id/move); decline it with POST /move-requests/:id/decline.
 */
export const listMoveRequestsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/move-requests',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Your clients’ pending requests to move a session',
        response: withErrors({ 200: Type.Array(PendingMoveRequest) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = selfId(tx);
        const current = await tx.query<{ client_id: string }>(
          'SELECT client_id FROM care_assignments WHERE therapist_id = $1 AND ended_at IS NULL',
          [therapistId],
        );
        const ownClients = new Set(current.rows.map((r) => r.client_id));
        const rows = (await findMoveRequests(tx, { therapistId, status: 'pending' })).filter((r) =>
          ownClients.has(r.client_id),
        );
        const appointments = new Map(
          (await findAppointments(tx, { ids: rows.map((r) => r.appointment_id) })).map((a) => [a.id, a]),
        );
        const result = [];
        for (const row of rows) {
          const appointment = appointments.get(row.appointment_id);
          if (!appointment) continue;
          result.push({
            id: row.id,
            appointment,
            message: (await decryptOrNull(tx, messageContext(row.id), row.message_enc)) ?? '',
            createdAt: row.created_at.toISOString(),
          });
        }
        for (const clientId of new Set(rows.map((r) => r.client_id))) {
          tx.audit({
            action: 'frame.move_requests_viewed',
            subjectType: 'user',
            subjectId: clientId,
            subjectUserId: clientId,
            details: { pending: rows.filter((r) => r.client_id === clientId).length },
          });
        }
        return result;
      }),
  );
};
