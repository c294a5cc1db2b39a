import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { optionsFor } from '@undercurrent/clinical';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { FieldsError } from '../frame/episodes-field-errors.js';
import { answerContext, openRequestOfMine, requestDefinition, savedAnswers } from './questionnaire-record.js';
import { SaveAnswerBody, SavedAnswer } from './questionnaires-schemas.js';

/**
 * PUT /api/questionnaires/mine/:requestId/answers/:linkId (client): saves one answer as the client
 * goes. The body names the revision of the answer the device last saw: a save over a newer answer
 * (given meanwhile on another device) is refused (409) rather than lost; saving the same value again
 * is harmless (a retry answers with the answer as saved). Values the question does not offer: 400.
 */
export const saveMyAnswerRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/questionnaires/mine/:requestId/answers/:linkId',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'Save one answer of my questionnaire',
        params: Type.Object({ requestId: Uuid, linkId: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: SaveAnswerBody,
        response: withErrors({ 200: Type.Object({ answer: SavedAnswer }), 410: Type.Ref('ErrorResponse') }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const requestId = request.params.requestId.toLowerCase();
        const { linkId } = request.params;
        const { value, revision } = request.body;
        const event: AuditInput = {
          action: 'questionnaires.answer_saved',
          subjectType: 'questionnaire_request',
          subjectId: requestId,
          ...(tx.actor.userId ? { subjectUserId: tx.actor.userId } : {}),
          details: { linkId },
        };
        const row = await openRequestOfMine(tx, requestId, event);
        const definition = await requestDefinition(tx, row);
        if (!definition) throw new Error('a request names an instrument the practice does not have');
        const item = definition.items.find((i) => i.linkId === linkId);
        if (!item) refuse(tx, event, 404, 'unknown_question', 'This questionnaire has no such question.');
        if (typeof value === 'number' && !optionsFor(definition, item).some((o) => o.value === value)) {
          throw new FieldsError([
            { field: 'value', message: 'That answer is not one of the choices for this question.' },
          ]);
        }
        if (value === 'not-applicable' && !item.notApplicable) {
          throw new FieldsError([{ field: 'value', message: 'This question cannot be answered “not applicable”.' }]);
        }
        const current = (await savedAnswers(tx, requestId)).find((a) => a.linkId === linkId);
        if (current && current.value === value) {
          return { answer: current };
        }
        if ((current?.revision ?? null) !== revision) {
          refuse(
            tx,
            event,
            409,
            'answer_changed',
            'This answer was changed on another device meanwhile. Reload the questionnaire to see your latest answers.',
          );
        }
        const nextRevision = (current?.revision ?? 0) + 1;
        const valueEnc = await tx.encrypt('clinical', answerContext(requestId, linkId), JSON.stringify(value));
        await tx.query(
          `INSERT INTO questionnaire_answers (practice_id, request_id, client_id, link_id, value_enc, revision)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5)
           ON CONFLICT (request_id, link_id) DO UPDATE
             SET value_enc = excluded.value_enc, revision = excluded.revision, updated_at = now()`,
          [requestId, row.client_id, linkId, valueEnc, nextRevision],
        );
        tx.audit({ ...event, details: { linkId, revision: nextRevision } });
        return { answer: { linkId, value, revision: nextRevision } };
      }),
  );
};
