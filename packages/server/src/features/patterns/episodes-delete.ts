import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';

/** DELETE /api/patterns/clients/:clientId/episodes/:episodeId (a carer): un-confirm an episode. */
export const deleteEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/patterns/clients/:clientId/episodes/:episodeId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: 'Remove a confirmed relationship episode',
        params: Type.Object({ clientId: Uuid, episodeId: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const episodeId = request.params.episodeId.toLowerCase();
        const event = {
          action: 'patterns.episode_removed' as const,
          subjectType: 'ccrt_episode',
          subjectId: episodeId,
          subjectUserId: clientId,
        };
        await requireOwnClient(tx, clientId, event.action);
        const removed = await tx.query('DELETE FROM ccrt_episodes WHERE id = $1 AND client_id = $2', [
          episodeId,
          clientId,
        ]);
        if (removed.rowCount === 0)
          refuse(tx, event, 404, 'not_found', 'There is no such confirmed episode for this client.');
        tx.audit(event);
        return { ok: true as const };
      }),
  );
};
