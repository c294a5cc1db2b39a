import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';

const InstrumentId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 64 });

/**
 * PUT /api/results/clients/:clientId/shares/:instrumentId (therapist caring for the client): show
 * the client their chart of this instrument in the portal, or stop showing it. Only an instrument
 * the client has answered can be shared.
 */
export const putShareRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/results/clients/:clientId/shares/:instrumentId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['results'],
        summary: 'Share a questionnaire chart with the client, or stop sharing it',
        params: Type.Object({ clientId: Uuid, instrumentId: InstrumentId }),
        body: Type.Object({ shared: Type.Boolean() }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ instrumentId: Type.String(), shared: Type.Boolean() }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const { instrumentId } = request.params;
        const { shared } = request.body;
        const event = {
          action: 'results.share_changed' as const,
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { instrument: instrumentId, shared },
        };
        await requireOwnClient(tx, clientId, event.action);
        const answered = await tx.query('SELECT 1 FROM measure_responses WHERE client_id = $1 AND instrument_id = $2', [
          clientId,
          instrumentId,
        ]);
        if (answered.rowCount === 0) {
          refuse(tx, event, 404, 'not_answered', 'This client has no results of that questionnaire to share.');
        }
        await tx.query(
          `INSERT INTO result_shares (practice_id, client_id, instrument_id, shared, changed_by)
           VALUES (app_practice_id(), $1, $2, $3, $4)
           ON CONFLICT (practice_id, client_id, instrument_id)
           DO UPDATE SET shared = EXCLUDED.shared, changed_by = EXCLUDED.changed_by, changed_at = now()`,
          [clientId, instrumentId, shared, selfId(tx)],
        );
        tx.audit(event);
        return { instrumentId, shared };
      }),
  );
};
