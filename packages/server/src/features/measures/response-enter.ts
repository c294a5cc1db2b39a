import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { score } from '@undercurrent/clinical';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { FieldsError } from '../frame/episodes-field-errors.js';
import { resolveInstrument } from './instrument-catalogue.js';
import { EnterResponseBody, MeasureResult } from './measures-schemas.js';
import { insertResponse } from './response-insert.js';
import { openResponses, RESPONSE_COLUMNS, toResult, type ResponseRow } from './response-record.js';

/** Whether a YYYY-MM-DD string names a day of the calendar (not 2026-02-30). */
function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * POST /api/measures/clients/:clientId/responses (therapist caring for the client): records a
 * questionnaire the client completed on paper — the instrument (pinned to the definition version
 * now active), the day it was completed, optionally the session it belongs to, and each answer (a
 * value, "declined", or null for left blank). The server scores it with @undercurrent/clinical and
 * keeps answers and score, both encrypted. Answers that the instrument does not offer are refused
 * with the question they belong to.
 */
export const enterResponseRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/measures/clients/:clientId/responses',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['measures'],
        summary: 'Enter the answers of a questionnaire completed on paper',
        params: Type.Object({ clientId: Uuid }),
        body: EnterResponseBody,
        response: withErrors({ 200: Type.Object({ result: MeasureResult }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const body = request.body;
        const id = crypto.randomUUID();
        const event: AuditInput = {
          action: 'measures.response_entered',
          subjectType: 'measure_response',
          subjectId: id,
          subjectUserId: clientId,
          details: { instrumentId: body.instrumentId },
        };
        await requireOwnClient(tx, clientId, event.action);
        const instrument = await resolveInstrument(tx, body.instrumentId);
        if (!instrument) {
          refuse(tx, event, 400, 'unknown_instrument', 'There is no such questionnaire in this practice’s catalogue.');
        }
        const activeVersion = instrument.row?.version ?? null;
        if (body.version != null && body.version !== activeVersion) {
          refuse(
            tx,
            event,
            409,
            'version_changed',
            `The practice has replaced or retired this version of ${instrument.definition.name} since the form was opened. Reload the form and enter the answers again.`,
          );
        }
        if (!isCalendarDate(body.completedOn)) {
          throw new FieldsError([
            { field: 'completedOn', message: 'The date completed is not a day of the calendar.' },
          ]);
        }
        const when = await tx.query<{ future: boolean; ancient: boolean }>(
          `SELECT $1::date > (now() AT TIME ZONE p.time_zone)::date AS future, $1::date < date '1900-01-01' AS ancient
             FROM practices p WHERE p.id = app_practice_id()`,
          [body.completedOn],
        );
        if (when.rows[0]?.future) {
          throw new FieldsError([{ field: 'completedOn', message: 'The date completed cannot be in the future.' }]);
        }
        if (when.rows[0]?.ancient) {
          throw new FieldsError([
            { field: 'completedOn', message: 'The date completed is before 1900: check the year.' },
          ]);
        }
        const appointmentId = body.appointmentId?.toLowerCase() ?? null;
        if (appointmentId) {
          const session = await tx.query('SELECT 1 FROM appointments WHERE id = $1 AND client_id = $2', [
            appointmentId,
            clientId,
          ]);
          if (session.rowCount === 0) {
            refuse(tx, event, 400, 'unknown_session', 'That session is not one of this client’s.');
          }
        }
        const result = score(instrument.definition, body.answers);
        if (!result.ok) {
          throw new FieldsError(
            result.errors.map((e) => ({ field: e.linkId ? `answers.${e.linkId}` : 'answers', message: e.message })),
            'invalid_answers',
          );
        }
        const answers = Object.fromEntries(
          instrument.definition.items.map((i) => [i.linkId, body.answers[i.linkId] ?? null]),
        );
        await insertResponse(tx, {
          id,
          clientId,
          instrument,
          completedOn: body.completedOn,
          appointmentId,
          enteredBy: selfId(tx),
          source: 'paper',
          answers,
          score: result,
        });
        const rows = await tx.query<ResponseRow>(
          `SELECT ${RESPONSE_COLUMNS} FROM measure_responses r JOIN users u ON u.id = r.entered_by WHERE r.id = $1`,
          [id],
        );
        const [opened] = await openResponses(tx, rows.rows);
        if (!opened) throw new Error('a result just entered cannot be read back');
        tx.audit({
          ...event,
          details: { instrumentId: instrument.definition.id, version: activeVersion, appointmentId },
        });
        return { result: toResult(opened) };
      }),
  );
};
