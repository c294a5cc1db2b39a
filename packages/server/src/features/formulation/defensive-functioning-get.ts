import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { formulationEvent, requireEpisode } from './formulation-record.js';
import { DefensiveFunctioning } from './formulation-schemas.js';
import { defensiveFunctioningOf, type RatedNote } from './defensive-functioning.js';

/**
 * GET /api/record/episodes/:episodeId/defensive-functioning (current carers): the ODF of each progress
 * note of the episode's sessions that has defences rated (signed and draft, marked as such), oldest
 * first, and the level profile of all of them — computed from progress_notes.defences.
 */
export const defensiveFunctioningRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/episodes/:episodeId/defensive-functioning',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: "The ODF trend and level profile of an episode's rated defences",
        params: Type.Object({ episodeId: Uuid }),
        response: withErrors({ 200: DefensiveFunctioning }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const episodeId = request.params.episodeId.toLowerCase();
        const episode = await requireEpisode(tx, episodeId, {
          action: 'record.defences_trend_viewed',
          subjectType: 'episode',
          subjectId: episodeId,
        });
        const notes = await tx.query<RatedNote>(
          `SELECT n.id, n.session_starts_at, n.status, n.defences
             FROM progress_notes n JOIN appointments a ON a.id = n.appointment_id
            WHERE a.episode_id = $1 AND n.client_id = $2 AND jsonb_array_length(n.defences) > 0
            ORDER BY n.session_starts_at, n.id`,
          [episodeId, episode.client_id],
        );
        const result = defensiveFunctioningOf(episodeId, notes.rows);
        tx.audit({
          ...formulationEvent('record.defences_trend_viewed', episode),
          details: { notes: result.points.length, defences: result.profile.total },
        });
        return result;
      }),
  );
};
