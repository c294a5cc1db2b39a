import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findAppointments } from './appointment-record.js';
import { episodeForTherapist } from './episode-record.js';
import { Appointment } from './frame-schemas.js';

/** GET /api/frame/episodes/:id/appointments (therapist): every appointment of the episode, in time order. */
export const listEpisodeAppointmentsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/episodes/:id/appointments',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'The appointments of an episode (all statuses), in time order',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Array(Appointment) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const core = await episodeForTherapist(tx, request.params.id, 'frame.episode_viewed');
        const appointments = await findAppointments(tx, { episodeId: core.id });
        tx.audit({
          action: 'frame.episode_viewed',
          subjectType: 'episode',
          subjectId: core.id,
          subjectUserId: core.clientId,
          details: { appointments: appointments.length },
        });
        return appointments;
      }),
  );
};
