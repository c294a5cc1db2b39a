import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { episodeForTherapist, findEpisode } from './episode-record.js';
import { Episode } from './frame-schemas.js';

/** GET /api/frame/episodes/:id (therapist): one episode, with its closing summary. */
export const getEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/episodes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'One treatment episode',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const core = await episodeForTherapist(tx, request.params.id, 'frame.episode_viewed');
        tx.audit({
          action: 'frame.episode_viewed',
          subjectType: 'episode',
          subjectId: core.id,
          subjectUserId: core.clientId,
        });
        return (await findEpisode(tx, core.id, { withClosingSummary: true })) as Episode;
      }),
  );
};
