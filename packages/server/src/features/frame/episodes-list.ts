import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from './care-access.js';
import { findEpisodes } from './episode-record.js';
import { Episode } from './frame-schemas.js';

/** GET /api/frame/clients/:clientId/episodes (therapist): a client's episodes, newest first. */
export const listEpisodesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/clients/:clientId/episodes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'A client’s treatment episodes, newest first',
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: Type.Array(Episode) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId } = request.params;
        await requireOwnClient(tx, clientId, 'frame.episode_viewed');
        const episodes = await findEpisodes(tx, { clientId }, { withClosingSummary: true });
        tx.audit({
          action: 'frame.episode_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { listed: episodes.length },
        });
        return episodes;
      }),
  );
};
