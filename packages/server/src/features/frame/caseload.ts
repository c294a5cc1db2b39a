import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAppointments } from './appointment-record.js';
import { selfId } from './care-access.js';
import { findEpisodes } from './episode-record.js';
import { Appointment, Episode } from './frame-schemas.js';

export const CaseloadRow = Type.Object({
  clientId: Uuid,
  clientName: Type.String(),
  episode: Type.Union([Episode, Type.Null()]),
  nextAppointment: Type.Union([Appointment, Type.Null()]),
  pendingMoveRequests: Type.Integer({ minimum: 0 }),
});

interface ClientRow {
  client_id: string;
  client_name: string;
  episode_id: string | null;
  next_id: string | null;
  pending: number;
}

/**
 * GET /api/frame/caseload (therapist): one row per client currently in my care, by name: their
 * current episode (the latest not ended, else the latest), their next scheduled appointment and how
 * many requests to move a session are waiting for me. Four queries whatever the caseload.
 */
export const caseloadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/caseload',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'My clients with their episode, next appointment and pending move requests',
        response: withErrors({ 200: Type.Array(CaseloadRow) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = selfId(tx);
        const now = new Date();
        const clients = await tx.query<ClientRow>(
          `SELECT ca.client_id, u.display_name AS client_name,
                  (SELECT e.id FROM episodes e WHERE e.client_id = ca.client_id
                    ORDER BY e.status = 'ended', e.created_at DESC, e.id LIMIT 1) AS episode_id,
                  (SELECT a.id FROM appointments a
                    WHERE a.client_id = ca.client_id AND a.therapist_id = $1 AND a.status = 'scheduled' AND a.starts_at > $2
                    ORDER BY a.starts_at, a.id LIMIT 1) AS next_id,
                  coalesce(mr.pending, 0) AS pending
             FROM care_assignments ca JOIN users u ON u.id = ca.client_id
             LEFT JOIN (SELECT r.client_id, count(*)::int AS pending
                          FROM move_requests r JOIN appointments a ON a.id = r.appointment_id
                         WHERE r.status = 'pending' AND a.therapist_id = $1
                         GROUP BY r.client_id) AS mr ON mr.client_id = ca.client_id
            WHERE ca.therapist_id = $1 AND ca.ended_at IS NULL
            ORDER BY lower(u.display_name), ca.client_id`,
          [therapistId, now],
        );
        const episodeIds = clients.rows.flatMap((r) => (r.episode_id ? [r.episode_id] : []));
        const nextIds = clients.rows.flatMap((r) => (r.next_id ? [r.next_id] : []));
        const episodes = new Map(
          (episodeIds.length ? await findEpisodes(tx, { ids: episodeIds }, { now }) : []).map((e) => [e.id, e]),
        );
        const next = new Map(
          (nextIds.length ? await findAppointments(tx, { ids: nextIds }) : []).map((a) => [a.id, a]),
        );
        tx.audit({ action: 'frame.caseload_viewed', details: { clients: clients.rows.length } });
        return clients.rows.map((r) => ({
          clientId: r.client_id,
          clientName: r.client_name,
          episode: (r.episode_id && episodes.get(r.episode_id)) || null,
          nextAppointment: (r.next_id && next.get(r.next_id)) || null,
          pendingMoveRequests: r.pending,
        }));
      }),
  );
};
