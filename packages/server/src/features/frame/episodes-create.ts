import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from './care-access.js';
import { lockFrame } from './clash.js';
import { findEpisode } from './episode-record.js';
import { Episode } from './frame-schemas.js';
import { loadSettings } from './settings-record.js';

/**
 * POST /api/frame/clients/:clientId/episodes (therapist): opens a new episode in assessment, in the
 * therapist's time zone. A client has one episode in progress at a time.
 */
export const createEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/frame/clients/:clientId/episodes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Start a new episode (assessment) with a client',
        params: Type.Object({ clientId: Uuid }),
        body: Type.Object({}, { additionalProperties: false }),
        response: withErrors({ 200: Episode }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId } = request.params;
        const therapistId = selfId(tx);
        await requireOwnClient(tx, clientId, 'frame.episode_created');
        await lockFrame(tx, { therapistIds: [therapistId] });
        const open = await tx.query(`SELECT 1 FROM episodes WHERE client_id = $1 AND status <> 'ended'`, [clientId]);
        if ((open.rowCount ?? 0) > 0) {
          refuse(
            tx,
            { action: 'frame.episode_created', subjectType: 'user', subjectId: clientId, subjectUserId: clientId },
            409,
            'episode_in_progress',
            'This client already has an episode in progress; end it before starting another.',
          );
        }
        const settings = await loadSettings(tx, therapistId);
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO episodes (practice_id, therapist_id, client_id, time_zone, created_by)
           VALUES (app_practice_id(), $1, $2, $3, $1) RETURNING id`,
          [therapistId, clientId, settings.timeZone],
        );
        const id = inserted.rows[0]?.id as string;
        tx.audit({ action: 'frame.episode_created', subjectType: 'episode', subjectId: id, subjectUserId: clientId });
        return (await findEpisode(tx, id, { withClosingSummary: true })) as Episode;
      }),
  );
};
