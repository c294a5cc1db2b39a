import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { score } from '@undercurrent/clinical';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { FieldsError } from '../frame/episodes-field-errors.js';
import { resolveInstrument, definitionById } from '../measures/instrument-catalogue.js';
import { insertResponse } from '../measures/response-insert.js';
import { openRequestOfMine, savedAnswers } from './questionnaire-record.js';

/**
 * POST /api/questionnaires/mine/:requestId/submit (client): sends the questionnaire. Every question
 * must have an answer (a choice, or "prefer not to answer"); the server scores the saved answers and
 * stores them through `insertResponse` (source 'portal', linked to the session), marks the request
 * completed and clears the draft. The answer says whether to show crisis resources at once — when the
 * score raised a safeguarding flag (PHQ-9 item 9 above 0, or declined) — and nothing of the score.
 */
export const submitMyQuestionnaireRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/questionnaires/mine/:requestId/submit',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'Send my completed questionnaire',
        params: Type.Object({ requestId: Uuid }),
        response: withErrors({
          200: Type.Object({ submitted: Type.Boolean(), showCrisisResources: Type.Boolean() }),
          410: Type.Ref('ErrorResponse'),
        }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const requestId = request.params.requestId.toLowerCase();
        const responseId = crypto.randomUUID();
        const event: AuditInput = {
          action: 'questionnaires.submitted',
          subjectType: 'questionnaire_request',
          subjectId: requestId,
          ...(tx.actor.userId ? { subjectUserId: tx.actor.userId } : {}),
        };
        const row = await openRequestOfMine(tx, requestId, event);
        const pinned = row.definition_id ? await definitionById(tx, row.definition_id) : undefined;
        const instrument = pinned
          ? { definition: pinned.definition, row: pinned }
          : await resolveInstrument(tx, row.instrument_id);
        if (!instrument) throw new Error('a request names an instrument the practice does not have');
        const saved = new Map((await savedAnswers(tx, requestId)).map((a) => [a.linkId, a.value]));
        const unanswered = instrument.definition.items.filter((i) => saved.get(i.linkId) == null);
        if (unanswered.length > 0) {
          throw new FieldsError(
            unanswered.map((i) => ({
              field: `answers.${i.linkId}`,
              message: `Question ${instrument.definition.items.indexOf(i) + 1} has no answer yet: choose one, or “Prefer not to answer”.`,
            })),
            'unanswered',
          );
        }
        const answers = Object.fromEntries(
          instrument.definition.items.map((i) => [i.linkId, saved.get(i.linkId) ?? null]),
        );
        const result = score(instrument.definition, answers);
        if (!result.ok) {
          throw new FieldsError(
            result.errors.map((e) => ({ field: e.linkId ? `answers.${e.linkId}` : 'answers', message: e.message })),
            'invalid_answers',
          );
        }
        const today = await tx.query<{ today: string }>(
          `SELECT to_char((now() AT TIME ZONE p.time_zone)::date, 'YYYY-MM-DD') AS today
             FROM practices p WHERE p.id = app_practice_id()`,
        );
        await insertResponse(tx, {
          id: responseId,
          clientId: row.client_id,
          instrument,
          completedOn: today.rows[0]?.today ?? new Date().toISOString().slice(0, 10),
          appointmentId: row.appointment_id,
          enteredBy: selfId(tx),
          source: 'portal',
          answers,
          score: result,
        });
        await tx.query(
          `UPDATE questionnaire_requests SET status = 'completed', completed_at = now(), response_id = $2 WHERE id = $1`,
          [requestId, responseId],
        );
        await tx.query('DELETE FROM questionnaire_answers WHERE request_id = $1', [requestId]);
        const showCrisisResources = result.flags.length > 0;
        tx.audit({
          ...event,
          details: { responseId, instrumentId: row.instrument_id, appointmentId: row.appointment_id },
        });
        return { submitted: true, showCrisisResources };
      }),
  );
};
