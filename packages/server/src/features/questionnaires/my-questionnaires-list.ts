import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { iso } from '../journal/entry-record.js';
import { REQUEST_COLUMNS, REQUEST_FROM, requestDefinition, type RequestRow } from './questionnaire-record.js';
import { MyQuestionnaire } from './questionnaires-schemas.js';

/**
 * GET /api/questionnaires/mine (client): the signed-in client's questionnaires open now, soonest to
 * close first, with how many questions they have answered so far.
 */
export const listMyQuestionnairesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/questionnaires/mine',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'My questionnaires to complete',
        response: withErrors({ 200: Type.Object({ questionnaires: Type.Array(MyQuestionnaire) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const me = tx.actor.userId;
        const rows = await tx.query<RequestRow & { answered: string }>(
          `SELECT ${REQUEST_COLUMNS},
                  (SELECT count(*) FROM questionnaire_answers x WHERE x.request_id = q.id) AS answered
             FROM ${REQUEST_FROM}
            WHERE q.client_id = $1 AND q.status = 'open' AND q.opens_at <= now() AND q.expires_at > now()
            ORDER BY q.expires_at`,
          [me],
        );
        const questionnaires = [];
        for (const row of rows.rows) {
          const definition = await requestDefinition(tx, row);
          if (!definition) continue;
          questionnaires.push({
            id: row.id,
            name: definition.name,
            sessionStartsAt: row.session_starts_at ? iso(row.session_starts_at) : null,
            expiresAt: iso(row.expires_at),
            itemCount: definition.items.length,
            answeredCount: Number(row.answered),
          });
        }
        tx.audit({
          action: 'questionnaires.portal_listed',
          subjectType: 'user',
          ...(me ? { subjectId: me, subjectUserId: me } : {}),
          details: { count: questionnaires.length },
        });
        return { questionnaires };
      }),
  );
};
