import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { episodeForTherapist, findEpisode } from './episode-record.js';
import { FieldsError } from './episodes-field-errors.js';
import { startSeries } from './episodes-series.js';
import { Episode, IsoDate } from './frame-schemas.js';
import { materialiseOrRefuse } from './materialise.js';

/**
 * POST /api/frame/episodes/:id/resume (therapist): resumes a paused episode from a date with the
 * same weekly slots (new series from that date); a clash with what was booked meanwhile is refused.
 */
export const resumeEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/episodes/:id/resume',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Resume a paused episode from a date, on the same weekly slots',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({ from: IsoDate }, { additionalProperties: false }),
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const { from } = request.body;
        const episode = await episodeForTherapist(tx, request.params.id, 'frame.episode_resumed', { write: true });
        const event = {
          action: 'frame.episode_resumed' as const,
          subjectType: 'episode',
          subjectId: episode.id,
          subjectUserId: episode.clientId,
        };
        if (episode.status !== 'paused') {
          refuse(tx, event, 409, 'not_paused', 'Only a paused episode can be resumed.');
        }
        if (from < todayIn(episode.timeZone, now)) {
          throw new FieldsError([
            { field: 'from', message: 'Sessions cannot resume in the past; choose today or later.' },
          ]);
        }
        if (episode.plannedEndDate && from > episode.plannedEndDate) {
          throw new FieldsError([{ field: 'from', message: 'That is after the episode’s planned end.' }]);
        }
        await tx.query(`UPDATE episodes SET status = 'active' WHERE id = $1`, [episode.id]);
        await startSeries(tx, episode.id, episode.slots, episode.timeZone, from, episode.plannedEndDate);
        const { created } = await materialiseOrRefuse(tx, episode.id, event, now);
        tx.audit({ ...event, details: { from, sessionsCreated: created } });
        return (await findEpisode(tx, episode.id, { now, withClosingSummary: true })) as Episode;
      }),
  );
};
