import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import {
  REQUEST_COLUMNS,
  REQUEST_FROM,
  SCHEDULE_COLUMNS,
  toRequest,
  toSchedule,
  type RequestRow,
  type ScheduleRow,
} from './questionnaire-record.js';
import { QuestionnaireRequest, Schedule } from './questionnaires-schemas.js';

/**
 * GET /api/questionnaires/clients/:clientId (a therapist caring for the client): the schedules of the
 * client's episodes still running, and the requests made (open, completed, expired), newest first.
 */
export const listQuestionnairesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/questionnaires/clients/:clientId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'A client’s questionnaire schedules and requests',
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({
          200: Type.Object({
            /** The client's episode with the signed-in therapist that schedules belong to (null: none running). */
            episodeId: Type.Union([Uuid, Type.Null()]),
            schedules: Type.Array(Schedule),
            requests: Type.Array(QuestionnaireRequest),
          }),
        }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'questionnaires.listed');
        const episode = await tx.query<{ id: string }>(
          `SELECT id FROM episodes WHERE client_id = $1 AND therapist_id = $2 AND status <> 'ended'
            ORDER BY created_at DESC LIMIT 1`,
          [clientId, tx.actor.userId],
        );
        const schedules = await tx.query<ScheduleRow>(
          `SELECT ${SCHEDULE_COLUMNS} FROM questionnaire_schedules s
            WHERE s.client_id = $1 AND s.stopped_at IS NULL ORDER BY s.created_at`,
          [clientId],
        );
        const requests = await tx.query<RequestRow>(
          `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE q.client_id = $1 ORDER BY q.created_at DESC LIMIT 200`,
          [clientId],
        );
        tx.audit({
          action: 'questionnaires.listed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
        });
        return {
          episodeId: episode.rows[0]?.id ?? null,
          schedules: await Promise.all(schedules.rows.map((r) => toSchedule(tx, r))),
          requests: await Promise.all(requests.rows.map((r) => toRequest(tx, r))),
        };
      }),
  );
};
