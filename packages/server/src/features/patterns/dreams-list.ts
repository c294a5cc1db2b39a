import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { DreamList } from './dream-code-schemas.js';
import { dreamListItem } from './dream-codes-detail.js';
import { loadCorrections } from './dream-corrections-record.js';
import { sharedDreams } from './dream-sources.js';

/**
 * GET /api/patterns/clients/:clientId/dreams (a therapist caring for the client): the client's shared
 * dreams, oldest first, each with the codes the indicators use (automatic, with the therapist's
 * corrections applied) and whether it was corrected.
 */
export const dreamsListRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patterns/clients/:clientId/dreams',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: "A client's shared dreams with their codes",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: DreamList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'patterns.dreams_listed');
        const dreams = await sharedDreams(tx, clientId);
        const corrections = await loadCorrections(tx, clientId);
        tx.audit({
          action: 'patterns.dreams_listed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { dreams: dreams.length, corrected: corrections.size },
        });
        return { dreams: dreams.map((d) => dreamListItem(d, corrections.get(d.entryId))) };
      }),
  );
};
