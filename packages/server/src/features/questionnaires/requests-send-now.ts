import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { resolveInstrument } from '../measures/instrument-catalogue.js';
import { queueQuestionnaireReminder } from './questionnaire-email.js';
import { REQUEST_COLUMNS, REQUEST_FROM, toRequest, type RequestRow } from './questionnaire-record.js';
import { QuestionnaireRequest, SendNowBody } from './questionnaires-schemas.js';
import { SENT_NOW_OPEN_DAYS } from './schedule-occurrences.js';

/**
 * POST /api/questionnaires/clients/:clientId/requests (a therapist caring for the client): sends a
 * questionnaire now — open at once for 7 days, with its reminder e-mail queued. One open request per
 * instrument: sending it again while one is open is refused.
 */
export const sendNowRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/questionnaires/clients/:clientId/requests',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'Send a questionnaire to a client now',
        params: Type.Object({ clientId: Uuid }),
        body: SendNowBody,
        response: withErrors({ 200: Type.Object({ request: QuestionnaireRequest }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const event: AuditInput = {
          action: 'questionnaires.request_sent',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { instrumentId: request.body.instrumentId },
        };
        await requireOwnClient(tx, clientId, event.action);
        const instrument = await resolveInstrument(tx, request.body.instrumentId);
        if (!instrument) {
          refuse(tx, event, 400, 'unknown_instrument', 'There is no such questionnaire in this practice’s catalogue.');
        }
        const open = await tx.query(
          `SELECT 1 FROM questionnaire_requests WHERE client_id = $1 AND instrument_id = $2 AND status = 'open'
             AND expires_at > now()`,
          [clientId, instrument.definition.id],
        );
        if ((open.rowCount ?? 0) > 0) {
          refuse(
            tx,
            event,
            409,
            'already_open',
            `${instrument.definition.name} is already waiting for this client; it can be sent again once it is completed or has expired.`,
          );
        }
        const episode = await tx.query<{ id: string }>(
          `SELECT id FROM episodes WHERE client_id = $1 AND therapist_id = $2 AND status <> 'ended'
            ORDER BY created_at DESC LIMIT 1`,
          [clientId, selfId(tx)],
        );
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO questionnaire_requests (practice_id, client_id, episode_id, instrument_id, definition_id,
                                              opens_at, expires_at, created_by)
           VALUES (app_practice_id(), $1, $2, $3, $4, now(), now() + make_interval(days => $5), $6) RETURNING id`,
          [
            clientId,
            episode.rows[0]?.id ?? null,
            instrument.definition.id,
            instrument.row?.id ?? null,
            SENT_NOW_OPEN_DAYS,
            selfId(tx),
          ],
        );
        const id = inserted.rows[0]?.id;
        if (!id) throw new Error('a request just made cannot be read back');
        tx.audit({ ...event, subjectType: 'questionnaire_request', subjectId: id });
        await queueQuestionnaireReminder(tx, id, {
          publicUrl: app.ctx.config.publicUrl,
          smtpConfigured: app.ctx.config.smtpUrl !== undefined,
        });
        const row = await tx.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE q.id = $1`, [id]);
        if (!row.rows[0]) throw new Error('a request just made cannot be read back');
        return { request: await toRequest(tx, row.rows[0]) };
      }),
  );
};
