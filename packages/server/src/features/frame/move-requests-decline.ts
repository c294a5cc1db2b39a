import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { requireOwnClient, selfId } from './care-access.js';
import { formatLocalStart } from './charges-format.js';
import { findMoveRequests, responseContext } from './move-requests-record.js';

/**
 * POST /api/frame/move-requests/:id/decline (therapist): declines a client's pending request to
 * move a session, with an optional reply (encrypted; the client reads it when signed in). The
 * client is e-mailed that it was not possible — never the reply itself.
 */
export const declineMoveRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/move-requests/:id/decline',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Decline a client’s request to move a session, with an optional reply',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { message: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      const reply = request.body.message?.trim() || null;
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = selfId(tx);
        const event = {
          action: 'frame.move_request_resolved' as const,
          subjectType: 'move_request',
          subjectId: request.params.id,
        };
        const [found] = await findMoveRequests(tx, { id: request.params.id });
        if (!found || found.therapist_id !== therapistId) {
          refuse(tx, event, 404, 'not_found', 'There is no such request from your clients.');
        }
        await requireOwnClient(tx, found.client_id, 'frame.move_request_resolved');
        const locked = await tx.query<{ status: string }>('SELECT status FROM move_requests WHERE id = $1 FOR UPDATE', [
          found.id,
        ]);
        if (locked.rows[0]?.status !== 'pending') {
          refuse(
            tx,
            { ...event, subjectUserId: found.client_id },
            409,
            'not_pending',
            'This request has already been answered.',
          );
        }
        await tx.query(
          `UPDATE move_requests SET status = 'declined', response_enc = $2, resolved_at = now(), resolved_by = $3
            WHERE id = $1`,
          [found.id, reply ? await tx.encrypt('clinical', responseContext(found.id), reply) : null, therapistId],
        );
        const people = await tx.query<{ id: string; email: string; display_name: string; status: string }>(
          'SELECT id, email, display_name, status FROM users WHERE id = ANY($1::uuid[])',
          [[found.client_id, therapistId]],
        );
        const client = people.rows.find((p) => p.id === found.client_id);
        const therapist = people.rows.find((p) => p.id === therapistId);
        const appointment = await tx.query<{ local_start: string; time_zone: string }>(
          'SELECT local_start, time_zone FROM appointments WHERE id = $1',
          [found.appointment_id],
        );
        const when = appointment.rows[0];
        if (client && client.status === 'active' && when) {
          await enqueueEmail(
            tx,
            {
              kind: 'frame.move_request',
              to: client.email,
              subject: 'Your request to move a session',
              text: [
                `Hello ${client.display_name},`,
                '',
                `Your request to move your session on ${formatLocalStart(when.local_start, when.time_zone)} was not possible; ` +
                  `please talk with ${therapist?.display_name ?? 'your therapist'}.`,
                '',
                `You can see your sessions here: ${app.ctx.config.publicUrl}/sessions`,
              ].join('\n'),
            },
            Boolean(app.ctx.config.smtpUrl),
          );
        }
        tx.audit({
          ...event,
          subjectUserId: found.client_id,
          details: { outcome: 'declined', withReply: reply !== null },
        });
        return { ok: true as const };
      });
    },
  );
};
