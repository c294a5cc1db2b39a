import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { latestExtendedDueDate } from './due-date.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import {
  notInFuture,
  practiceToday,
  requestEvent,
  requireOpen,
  requireRequest,
  requireWords,
  sarContext,
} from './request-record.js';
import { SarDetail, SarExtend } from './subject-access-schemas.js';

/**
 * POST /api/subject-access/requests/:id/extension (admin): extends the deadline of a complex request
 * by up to two further months (never past the ICO's rule applied three months after receipt), with
 * the reason and the date the client was told — both required. Extending again replaces the earlier
 * extension, within the same limit.
 */
export const extendRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/subject-access/requests/:id/extension',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Extend the deadline of a subject access request (up to two further months, with a reason)',
        params: Type.Object({ id: Uuid }),
        body: SarExtend,
        response: withErrors({ 200: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      const body = request.body;
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const event = {
          action: 'subject_access.request_extended' as const,
          subjectType: 'subject_access_request',
          subjectId: id,
        };
        const row = await requireRequest(tx, id, event, true);
        requireOpen(tx, row, event);
        const reason = requireWords(tx, event, body.reason, 'Please give the reason for the extension.');
        const today = await practiceToday(tx);
        notInFuture(tx, event, body.clientToldOn, today, 'The date the client was told');
        if (body.clientToldOn < row.received_on) {
          refuse(
            tx,
            event,
            400,
            'told_before_received',
            'The client cannot have been told before the request was received.',
          );
        }
        const latest = latestExtendedDueDate(row.received_on);
        if (body.dueOn > latest) {
          refuse(
            tx,
            event,
            400,
            'extension_too_long',
            `A deadline can be extended by two further months at most: for a request received on ${row.received_on} ` +
              `the latest is ${latest}.`,
          );
        }
        if (body.dueOn <= row.due_on) {
          refuse(
            tx,
            event,
            400,
            'extension_not_later',
            `An extended deadline must be after the original one (${row.due_on}).`,
          );
        }
        await tx.query(
          `UPDATE subject_access_requests
              SET extended_due_on = $2, extension_reason_enc = $3, extension_told_on = $4, updated_at = now()
            WHERE id = $1`,
          [
            id,
            body.dueOn,
            await tx.encrypt('clinical', sarContext('extension_reason_enc', id), reason),
            body.clientToldOn,
          ],
        );
        const updated = await requireRequest(tx, id, event);
        tx.audit({
          ...requestEvent('subject_access.request_extended', updated),
          details: { dueOn: body.dueOn, previousDueOn: row.extended_due_on ?? row.due_on },
        });
        return toDetail(tx, updated, [], today);
      });
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
