import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { clientName } from '../journal/shared-record.js';
import { iso } from '../journal/entry-record.js';
import { NOT_HELD } from '../record/notes-list.js';
import { ResultList } from './measures-schemas.js';
import { openResponses, RESPONSE_COLUMNS, toResult, type ResponseRow } from './response-record.js';

/**
 * GET /api/measures/clients/:clientId/responses (therapist caring for the client): the client's
 * questionnaire results, newest first — total, band, caseness, prorating, "no score" and why, and
 * raised flags with the answer that raised them — and the past sessions an entry can belong to.
 */
export const listResponsesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/measures/clients/:clientId/responses',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['measures'],
        summary: "A client's questionnaire results",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: ResultList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'measures.responses_listed');
        const rows = await tx.query<ResponseRow>(
          `SELECT ${RESPONSE_COLUMNS} FROM measure_responses r JOIN users u ON u.id = r.entered_by
            WHERE r.client_id = $1 ORDER BY r.completed_on DESC, r.entered_at DESC`,
          [clientId],
        );
        const sessions = await tx.query<{ id: string; starts_at: Date }>(
          `SELECT a.id, a.starts_at FROM appointments a
            WHERE a.client_id = $1 AND a.starts_at <= now() AND a.status NOT IN ${NOT_HELD}
            ORDER BY a.starts_at DESC LIMIT 50`,
          [clientId],
        );
        const results = (await openResponses(tx, rows.rows)).map(toResult);
        tx.audit({
          action: 'measures.responses_listed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { results: results.length },
        });
        return {
          client: { id: clientId, displayName: await clientName(tx, clientId) },
          results,
          sessions: sessions.rows.map((s) => ({ appointmentId: s.id, startsAt: iso(s.starts_at) })),
        };
      }),
  );
};
