import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { EPISODE_COLUMNS, episodeOutcome, toSummary, type EpisodeRow } from './episode-outcome.js';
import { EpisodeSummary } from './results-schemas.js';

/**
 * GET /api/results/clients/:clientId/episodes (therapist caring for the client): each of the
 * client's agreed treatment episodes, newest first, with its NHS Talking Therapies outcome — a
 * finished course, caseness at the first and last paired PHQ-9 + GAD-7, recovery, reliable
 * improvement and deterioration, reliable recovery — and the one category it falls in.
 */
export const episodeSummaryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/results/clients/:clientId/episodes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['results'],
        summary: "The outcome of each of a client's treatment episodes",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: Type.Object({ episodes: Type.Array(EpisodeSummary) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'results.episode_summary_viewed');
        const rows = await tx.query<EpisodeRow>(
          `SELECT ${EPISODE_COLUMNS} FROM episodes e
            WHERE e.client_id = $1 AND e.status <> 'assessment' ORDER BY e.created_at DESC`,
          [clientId],
        );
        const episodes = [];
        for (const episode of rows.rows) episodes.push(toSummary(episode, await episodeOutcome(tx, episode)));
        tx.audit({
          action: 'results.episode_summary_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { episodes: episodes.length },
        });
        return { episodes };
      }),
  );
};
