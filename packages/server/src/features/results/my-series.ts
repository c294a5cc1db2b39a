import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { openResponses, type ResponseRow } from '../measures/response-record.js';
import { SeriesList } from './results-schemas.js';
import { buildSeries } from './series-build.js';
import { attendedSessionDates, sharedInstruments } from './share-record.js';

/**
 * GET /api/results/mine (the client): their own charts of the instruments their therapist has chosen
 * to share, and their attended session dates. Row-level security gives a client only their own
 * results of shared instruments (0013); the query asks for no more than that either.
 */
export const mySeriesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/results/mine',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['results'],
        summary: 'My questionnaire charts (those my therapist shares with me)',
        response: withErrors({ 200: SeriesList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const shared = await sharedInstruments(tx, clientId);
        const rows = await tx.query<ResponseRow>(
          `SELECT r.id, r.client_id, r.instrument_id, r.definition_id,
                  to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on, r.appointment_id, r.entered_by,
                  '' AS entered_by_name, r.entered_at, r.answers_enc, r.score_enc
             FROM measure_responses r
            WHERE r.client_id = $1 AND r.instrument_id = ANY($2::text[])
            ORDER BY r.completed_on, r.entered_at`,
          [clientId, [...shared]],
        );
        const series = buildSeries(await openResponses(tx, rows.rows), shared);
        tx.audit({
          action: 'results.own_series_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { instruments: series.length },
        });
        return { series, sessionDates: await attendedSessionDates(tx, clientId) };
      }),
  );
};
