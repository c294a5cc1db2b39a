import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { episodeForTherapist, findEpisode } from './episode-record.js';
import { FieldsError } from './episodes-field-errors.js';
import { deleteScheduledFrom, endOfDay, endSeries } from './episodes-series.js';
import { Episode, IsoDate } from './frame-schemas.js';
import { materialiseOrRefuse } from './materialise.js';

/**
 * POST /api/frame/episodes/:id/ending (therapist): sets (or changes) the ending date of an agreed
 * episode: status 'ending'; the series stop on that date; scheduled appointments after it are
 * removed. The answer's sessionsRemaining is what both sides see.
 */
export const setEndingRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/episodes/:id/ending',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Set the ending date of an episode',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ endingDate: IsoDate }, { additionalProperties: false }),
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const { endingDate } = request.body;
        const episode = await episodeForTherapist(tx, request.params.id, 'frame.episode_ending_set', { write: true });
        const event = {
          action: 'frame.episode_ending_set' as const,
          subjectType: 'episode',
          subjectId: episode.id,
          subjectUserId: episode.clientId,
        };
        if (episode.status === 'assessment' || episode.status === 'ended') {
          refuse(
            tx,
            event,
            409,
            'not_agreed',
            episode.status === 'ended'
              ? 'This episode has already ended.'
              : 'No frame has been agreed yet; end the episode instead of setting an ending date.',
          );
        }
        if (endingDate < todayIn(episode.timeZone, now)) {
          throw new FieldsError([
            { field: 'endingDate', message: 'The ending date has passed; choose today or later.' },
          ]);
        }
        await endSeries(tx, episode.id, endingDate, false);
        const removed = await deleteScheduledFrom(tx, episode.id, endOfDay(endingDate, episode.timeZone));
        await tx.query(`UPDATE episodes SET status = 'ending', ending_date = $2 WHERE id = $1`, [
          episode.id,
          endingDate,
        ]);
        // A later ending date than before: the frame continues up to it.
        const { created } = await materialiseOrRefuse(tx, episode.id, event, now);
        tx.audit({ ...event, details: { endingDate, sessionsRemoved: removed, sessionsCreated: created } });
        return (await findEpisode(tx, episode.id, { now, withClosingSummary: true })) as Episode;
      }),
  );
};
