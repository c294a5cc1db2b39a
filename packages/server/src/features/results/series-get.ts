import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { openResponses, RESPONSE_COLUMNS, type ResponseRow } from '../measures/response-record.js';
import { SeriesList } from './results-schemas.js';
import { buildSeries } from './series-build.js';
import { attendedSessionDates, sharedInstruments } from './share-record.js';

/**
 * GET /api/results/clients/:clientId/series (therapist caring for the client): one chart's data per
 * instrument the client has answered — points with date, total and band, the bands and cut-off of
 * the definition, reliable-change markers against the first point, whether the chart is shared with
 * the client — and the dates of the client's attended sessions.
 */
export const getSeriesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/results/clients/:clientId/series',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['results'],
        summary: "A client's questionnaire charts",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: SeriesList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'results.series_viewed');
        const rows = await tx.query<ResponseRow>(
          `SELECT ${RESPONSE_COLUMNS} FROM measure_responses r JOIN users u ON u.id = r.entered_by
            WHERE r.client_id = $1 ORDER BY r.completed_on, r.entered_at`,
          [clientId],
        );
        const series = buildSeries(await openResponses(tx, rows.rows), await sharedInstruments(tx, clientId));
        tx.audit({
          action: 'results.series_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { instruments: series.length, results: rows.rowCount ?? 0 },
        });
        return { series, sessionDates: await attendedSessionDates(tx, clientId) };
      }),
  );
};
