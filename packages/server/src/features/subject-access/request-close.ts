import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import {
  practiceToday,
  requestEvent,
  requireOpen,
  requireRequest,
  requireWords,
  sarContext,
} from './request-record.js';
import { SarClose, SarDetail } from './subject-access-schemas.js';

/**
 * POST /api/subject-access/requests/:id/close (admin): closes an open request without delivering a
 * pack — withdrawn by the requester, or refused (manifestly unfounded or excessive, identity not
 * confirmed…) — with the reason, which is required. Packs already prepared stay as they were.
 */
export const closeRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/subject-access/requests/:id/close',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Close a subject access request as withdrawn or refused, with the reason',
        params: Type.Object({ id: Uuid }),
        body: SarClose,
        response: withErrors({ 200: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      const body = request.body;
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const event = {
          action: 'subject_access.request_closed' as const,
          subjectType: 'subject_access_request',
          subjectId: id,
        };
        const row = await requireRequest(tx, id, event, true);
        requireOpen(tx, row, event);
        const reason = requireWords(
          tx,
          event,
          body.reason,
          body.outcome === 'withdrawn'
            ? 'Please note how the request was withdrawn.'
            : 'Please give the reason for refusing the request.',
        );
        await tx.query(
          `UPDATE subject_access_requests
              SET status = $2, closed_reason_enc = $3, closed_at = now(), closed_by = $4, updated_at = now()
            WHERE id = $1`,
          [id, body.outcome, await tx.encrypt('clinical', sarContext('closed_reason_enc', id), reason), actor.userId],
        );
        const updated = await requireRequest(tx, id, event);
        tx.audit({ ...requestEvent('subject_access.request_closed', updated), details: { outcome: body.outcome } });
        return toDetail(tx, updated, [], await practiceToday(tx));
      });
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
