import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { practiceToday, REQUEST_SELECT, toSummary, type RequestRow } from './request-record.js';
import { SarSummary } from './subject-access-schemas.js';

/**
 * GET /api/subject-access/requests (admin): every subject access request of the practice — open ones
 * first, the nearest deadline first — with days left and whether it is overdue.
 */
export const listRequestsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/subject-access/requests',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Subject access requests, open ones first by deadline',
        response: withErrors({ 200: Type.Object({ requests: Type.Array(SarSummary) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const rows = await tx.query<RequestRow>(
          `${REQUEST_SELECT}
           ORDER BY (r.status IN ('received', 'in_preparation', 'pack_ready')) DESC,
                    coalesce(r.extended_due_on, r.due_on), r.received_on, r.id`,
        );
        const today = await practiceToday(tx);
        const requests = rows.rows.map((row) => toSummary(row, today));
        tx.audit({
          action: 'subject_access.requests_listed',
          details: { count: requests.length, overdue: requests.filter((r) => r.overdue).length },
        });
        return { requests };
      }),
  );
};
