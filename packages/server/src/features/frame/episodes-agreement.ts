import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import type { WeeklySlot } from '../../frame/frame-types.js';
import { addDays } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from './care-access.js';
import { episodeForTherapist, findEpisode } from './episode-record.js';
import { AgreementBody, agreementProblems } from './episodes-agreement-rules.js';
import { assertNoProblems } from './episodes-field-errors.js';
import { changeFrom, deleteScheduledFrom, endSeries, startSeries } from './episodes-series.js';
import { Episode } from './frame-schemas.js';
import { materialiseOrRefuse } from './materialise.js';
import { loadSettings } from './settings-record.js';

/**
 * POST /api/frame/episodes/:id/agreement (therapist): agrees the frame (brief or open-ended, 1–5
 * weekly slots, location, fee, start) and makes the episode active, generating its sessions up to
 * the horizon. Re-agreeing an active or paused episode ends the old series the day before the new
 * start and removes the old frame's scheduled sessions from then. A clash refuses it all (409).
 */
export const agreementRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/episodes/:id/agreement',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Agree the frame of an episode (or change it from a date)',
        params: Type.Object({ id: Uuid }),
        body: AgreementBody,
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const now = new Date();
        const body = request.body;
        const episode = await episodeForTherapist(tx, request.params.id, 'frame.episode_agreed', { write: true });
        const event: AuditInput = {
          action: 'frame.episode_agreed',
          subjectType: 'episode',
          subjectId: episode.id,
          subjectUserId: episode.clientId,
        };
        if (episode.status === 'ending' || episode.status === 'ended') {
          refuse(
            tx,
            event,
            409,
            'episode_closing',
            episode.status === 'ended'
              ? 'This episode has ended; start a new episode to agree a new frame.'
              : 'This episode has an ending date; the frame can no longer be changed.',
          );
        }
        const settings = await loadSettings(tx, selfId(tx));
        assertNoProblems(await agreementProblems(tx, body, settings, now), 'invalid_agreement');

        const reagreed = episode.status !== 'assessment';
        let removed = 0;
        if (reagreed) {
          await endSeries(tx, episode.id, addDays(body.startDate, -1), true);
          removed = await deleteScheduledFrom(tx, episode.id, changeFrom(body.startDate, episode.timeZone, now));
        }
        await tx.query(
          `UPDATE episodes SET status = 'active', kind = $2, session_count = $3, slots = $4::jsonb, time_zone = $5,
                  location_id = $6, fee_pence = $7, session_minutes = $8, start_date = $9, review_every = $10,
                  planned_end_date = $11, policy = $12::jsonb, agreed_at = now()
            WHERE id = $1`,
          [
            episode.id,
            body.kind,
            body.kind === 'brief' ? (body.sessionCount ?? null) : null,
            JSON.stringify(body.slots),
            settings.timeZone,
            body.locationId,
            body.feePence,
            body.sessionMinutes ?? settings.sessionMinutes,
            body.startDate,
            body.reviewEvery ?? null,
            body.plannedEndDate ?? null,
            body.policy ? JSON.stringify(body.policy) : null,
          ],
        );
        await startSeries(
          tx,
          episode.id,
          body.slots as WeeklySlot[],
          settings.timeZone,
          body.startDate,
          body.plannedEndDate ?? null,
        );
        const { created } = await materialiseOrRefuse(tx, episode.id, event, now);
        tx.audit({
          ...event,
          details: {
            kind: body.kind,
            slots: body.slots.length,
            sessionsCreated: created,
            sessionsRemoved: removed,
            reagreed,
          },
        });
        return (await findEpisode(tx, episode.id, { now, withClosingSummary: true })) as Episode;
      }),
  );
};
