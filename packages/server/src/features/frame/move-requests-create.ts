import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { formatLocalStart } from './charges-format.js';
import { ownUpcomingAppointment } from './client-cancel-record.js';
import { findMoveRequests, messageContext } from './move-requests-record.js';

/**
 * POST /api/frame/appointments/:id/move-request (client): asks the therapist to move one of the
 * client's own future sessions, with a message (encrypted at rest). One pending request per
 * session. The therapist is told by e-mail that a request is waiting — without the message or the
 * client's name (an inbox is not a safe place for either).
 */
export const createMoveRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/appointments/:id/move-request',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'Ask your therapist to move one of your sessions',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) => {
      const message = request.body.message.trim();
      if (!message) {
        throw new HttpError(
          400,
          'Say when would suit you instead, so your therapist can look for a time.',
          'invalid_request',
        );
      }
      const now = new Date();
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const appointment = await ownUpcomingAppointment(tx, request.params.id, 'frame.move_requested', now);
        const subject = { subjectType: 'appointment', subjectId: appointment.id, subjectUserId: appointment.clientId };
        const pending = await tx.query('SELECT 1 FROM move_requests WHERE appointment_id = $1 AND status = $2', [
          appointment.id,
          'pending',
        ]);
        if ((pending.rowCount ?? 0) > 0) {
          refuse(
            tx,
            { action: 'frame.move_requested', ...subject },
            409,
            'already_requested',
            'You have already asked to move this session; your therapist will answer that request.',
          );
        }
        const created = await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id');
        const id = created.rows[0]?.id ?? '';
        await tx.query(
          `INSERT INTO move_requests (id, practice_id, appointment_id, client_id, message_enc)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            id,
            tx.actor.practiceId,
            appointment.id,
            appointment.clientId,
            await tx.encrypt('clinical', messageContext(id), message),
          ],
        );
        const [request_] = await findMoveRequests(tx, { id });
        const therapist = await tx.query<{ email: string; display_name: string; status: string }>(
          'SELECT email, display_name, status FROM users WHERE id = $1',
          [appointment.therapistId],
        );
        const to = therapist.rows[0];
        if (request_ && to && to.status === 'active') {
          await enqueueEmail(
            tx,
            {
              kind: 'frame.move_request',
              to: to.email,
              subject: 'A request to move a session',
              text: [
                `Hello ${to.display_name},`,
                '',
                `A client has asked to move their session on ${formatLocalStart(appointment.localStart, appointment.timeZone)}.`,
                '',
                `You can see the request in Undercurrent: ${app.ctx.config.publicUrl}/clients`,
              ].join('\n'),
            },
            Boolean(app.ctx.config.smtpUrl),
          );
        }
        tx.audit({ action: 'frame.move_requested', ...subject, details: { moveRequestId: id } });
        return { ok: true as const };
      });
    },
  );
};
