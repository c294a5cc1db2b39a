import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { addDays, todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { episodeForTherapist, findEpisode } from './episode-record.js';
import { FieldsError } from './episodes-field-errors.js';
import { changeFrom, deleteScheduledFrom, endSeries } from './episodes-series.js';
import { Episode, IsoDate } from './frame-schemas.js';

/**
 * POST /api/frame/episodes/:id/pause (therapist): pauses an active episode from a date (today or
 * later): its series end the day before, and its scheduled appointments from that date are removed.
 */
export const pauseEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/episodes/:id/pause',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Pause an episode from a date',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ from: IsoDate }, { additionalProperties: false }),
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const { from } = request.body;
        const episode = await episodeForTherapist(tx, request.params.id, 'frame.episode_paused', { write: true });
        const event = {
          action: 'frame.episode_paused' as const,
          subjectType: 'episode',
          subjectId: episode.id,
          subjectUserId: episode.clientId,
        };
        if (episode.status !== 'active') {
          refuse(tx, event, 409, 'not_active', 'Only an active episode can be paused.');
        }
        if (from < todayIn(episode.timeZone, now)) {
          throw new FieldsError([
            { field: 'from', message: 'The pause cannot start in the past; choose today or later.' },
          ]);
        }
        await endSeries(tx, episode.id, addDays(from, -1), true);
        const removed = await deleteScheduledFrom(tx, episode.id, changeFrom(from, episode.timeZone, now));
        await tx.query(`UPDATE episodes SET status = 'paused' WHERE id = $1`, [episode.id]);
        tx.audit({ ...event, details: { from, sessionsRemoved: removed } });
        return (await findEpisode(tx, episode.id, { now, withClosingSummary: true })) as Episode;
      }),
  );
};
