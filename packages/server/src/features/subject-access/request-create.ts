import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { dueDateFor } from './due-date.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import { notInFuture, practiceToday, requestEvent, requireRequest, sarContext } from './request-record.js';
import { checkRepresentative } from './request-write.js';
import { SarCreate, SarDetail } from './subject-access-schemas.js';

/**
 * POST /api/subject-access/requests (admin): records a request received from (or for) a client of
 * the practice. The due date follows from the date received (due-date.ts); dates after today are
 * refused; a representative must be named with their authority.
 */
export const createRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/subject-access/requests',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Record a subject access request',
        body: SarCreate,
        response: withErrors({ 201: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const clientId = body.clientId.toLowerCase();
      const id = crypto.randomUUID();
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const event = {
          action: 'subject_access.request_created' as const,
          subjectType: 'subject_access_request',
          subjectId: id,
        };
        const client = await tx.query(
          `SELECT 1 FROM users u JOIN memberships m ON m.practice_id = u.practice_id AND m.user_id = u.id
            WHERE u.id = $1 AND m.role = 'client'`,
          [clientId],
        );
        if (client.rowCount === 0) {
          refuse(
            tx,
            event,
            400,
            'unknown_client',
            'That person is not a client of this practice. Please choose a client.',
          );
        }
        const today = await practiceToday(tx);
        notInFuture(tx, event, body.receivedOn, today, 'The date the request was received');
        notInFuture(tx, event, body.identityCheckedOn, today, 'The date identity was checked');
        const representative = checkRepresentative(tx, event, body.requester, body.representative);
        const notes = body.notes?.trim() ?? '';
        await tx.query(
          `INSERT INTO subject_access_requests (id, practice_id, client_id, received_on, channel, requester,
             representative_enc, identity_checked_on, identity_method, notes_enc, due_on, created_by)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            id,
            clientId,
            body.receivedOn,
            body.channel,
            body.requester,
            representative === null
              ? null
              : await tx.encrypt('clinical', sarContext('representative_enc', id), representative),
            body.identityCheckedOn ?? null,
            body.identityMethod ?? null,
            notes === '' ? null : await tx.encrypt('clinical', sarContext('notes_enc', id), notes),
            dueDateFor(body.receivedOn),
            actor.userId,
          ],
        );
        const row = await requireRequest(tx, id, event);
        tx.audit({
          ...requestEvent('subject_access.request_created', row),
          details: { channel: body.channel, requester: body.requester, dueOn: row.due_on },
        });
        return toDetail(tx, row, [], today);
      });
      reply.code(201);
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
