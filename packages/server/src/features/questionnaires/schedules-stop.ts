import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';

/**
 * DELETE /api/questionnaires/schedules/:scheduleId (a therapist caring for the client): stops a
 * schedule; no new requests come of it. Requests already made stay as they are.
 */
export const stopScheduleRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/questionnaires/schedules/:scheduleId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'Stop a questionnaire schedule',
        params: Type.Object({ scheduleId: Uuid }),
        response: withErrors({ 200: Type.Object({ stopped: Type.Boolean() }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const scheduleId = request.params.scheduleId.toLowerCase();
        // Row-level security shows a schedule to its client's carers only: anyone else finds nothing.
        const found = await tx.query<{ client_id: string }>(
          'SELECT client_id FROM questionnaire_schedules WHERE id = $1 AND stopped_at IS NULL',
          [scheduleId],
        );
        const clientId = found.rows[0]?.client_id ?? scheduleId;
        await requireOwnClient(tx, clientId, 'questionnaires.schedule_stopped');
        await tx.query('UPDATE questionnaire_schedules SET stopped_at = now(), stopped_by = $2 WHERE id = $1', [
          scheduleId,
          selfId(tx),
        ]);
        tx.audit({
          action: 'questionnaires.schedule_stopped',
          subjectType: 'questionnaire_schedule',
          subjectId: scheduleId,
          subjectUserId: clientId,
        });
        return { stopped: true };
      }),
  );
};
