import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import { practiceToday, requestEvent, requireRequest } from './request-record.js';
import { SarDetail } from './subject-access-schemas.js';

/**
 * GET /api/subject-access/requests/:id (admin): one request whole — its facts and deadline, the
 * process notes about the client counted per author (never their text), the packs prepared and the
 * deliveries recorded.
 */
export const getRequestRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/subject-access/requests/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'One subject access request',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const event = {
          action: 'subject_access.request_viewed' as const,
          subjectType: 'subject_access_request',
          subjectId: id,
        };
        const row = await requireRequest(tx, id, event);
        tx.audit(requestEvent('subject_access.request_viewed', row));
        return toDetail(tx, row, [], await practiceToday(tx));
      });
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
