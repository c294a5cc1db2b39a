import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { todayIn } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { episodeForTherapist, findEpisode } from './episode-record.js';
import { assertNoProblems, type FieldProblem } from './episodes-field-errors.js';
import { deleteScheduledFrom, endSeries } from './episodes-series.js';
import { Episode, IsoDate } from './frame-schemas.js';

/** "2027-03-31" + 3 months = "2027-06-30" (the day is kept, or the month's last day when shorter). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * POST /api/frame/episodes/:id/end (therapist): ends an episode with a closing summary (encrypted;
 * only therapists ever read it) and a follow-up date (proposed: three months after the ending date,
 * or after today). Scheduled appointments still to come are removed and the series closed.
 */
export const endEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/episodes/:id/end',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'End an episode with a closing summary and a follow-up date',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            closingSummary: Type.String({ minLength: 1, maxLength: 20_000 }),
            followUpDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const summary = request.body.closingSummary.trim();
        const episode = await episodeForTherapist(tx, request.params.id, 'frame.episode_ended', { write: true });
        const event = {
          action: 'frame.episode_ended' as const,
          subjectType: 'episode',
          subjectId: episode.id,
          subjectUserId: episode.clientId,
        };
        if (episode.status === 'ended') refuse(tx, event, 409, 'already_ended', 'This episode has already ended.');
        const today = todayIn(episode.timeZone, now);
        const problems: FieldProblem[] = [];
        if (!summary)
          problems.push({ field: 'closingSummary', message: 'Write a closing summary to end the episode.' });
        const followUp =
          request.body.followUpDate === undefined
            ? addMonths(episode.endingDate && episode.endingDate > today ? episode.endingDate : today, 3)
            : request.body.followUpDate;
        if (followUp && followUp < today) {
          problems.push({ field: 'followUpDate', message: 'The follow-up date has passed; choose a later one.' });
        }
        assertNoProblems(problems, 'invalid_ending');

        await endSeries(tx, episode.id, today, true);
        const removed = await deleteScheduledFrom(tx, episode.id, now);
        const encrypted = await tx.encrypt('clinical', `episodes.closing_summary_enc:${episode.id}`, summary);
        await tx.query(
          `UPDATE episodes SET status = 'ended', closing_summary_enc = $2, follow_up_date = $3, ended_at = now(),
                  ending_date = coalesce(least(ending_date, $4::date), $4::date)
            WHERE id = $1`,
          [episode.id, encrypted, followUp, today],
        );
        tx.audit({ ...event, details: { sessionsRemoved: removed, followUp: followUp !== null } });
        return (await findEpisode(tx, episode.id, { now, withClosingSummary: true })) as Episode;
      }),
  );
};
