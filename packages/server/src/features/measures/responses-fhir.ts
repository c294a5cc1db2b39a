import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  toFhirCollectionBundle,
  toFhirQuestionnaireResponse,
  toFhirScoreObservation,
  type FhirMeasureResource,
} from '@undercurrent/clinical';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { openResponses, RESPONSE_COLUMNS, type ResponseRow } from './response-record.js';

/** A FHIR resource is passed through whole (its shape is checked by the tests against the FHIR R4 schema). */
const FhirResource = Type.Object({ resourceType: Type.String(), id: Type.String() }, { additionalProperties: true });

export const FhirBundle = Type.Object({
  resourceType: Type.Literal('Bundle'),
  type: Type.Literal('collection'),
  timestamp: Type.String(),
  entry: Type.Array(Type.Object({ fullUrl: Type.String(), resource: FhirResource })),
});

/** The id of a result's total-score Observation: a UUID derived from the result's, so it stays the same. */
export function observationId(responseId: string): string {
  const h = crypto.createHash('sha256').update(`observation:${responseId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * GET /api/measures/clients/:clientId/fhir (therapist caring for the client): the client's results
 * as a FHIR R4 collection Bundle — per result a QuestionnaireResponse (linkIds, LOINC answer codes
 * where the definition has them) and, when there is a total, its Observation (LOINC total-score
 * code, valueInteger or valueQuantity in {score}, the band as interpretation text), downloaded as
 * application/fhir+json.
 */
export const exportFhirRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/measures/clients/:clientId/fhir',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['measures'],
        summary: "A client's questionnaire results as a FHIR R4 Bundle",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: FhirBundle }),
      },
    },
    async (request, reply) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'measures.fhir_exported');
        const rows = await tx.query<ResponseRow>(
          `SELECT ${RESPONSE_COLUMNS} FROM measure_responses r JOIN users u ON u.id = r.entered_by
            WHERE r.client_id = $1 ORDER BY r.completed_on, r.entered_at`,
          [clientId],
        );
        const subject = `Patient/${clientId}`;
        const resources: FhirMeasureResource[] = [];
        for (const opened of await openResponses(tx, rows.rows)) {
          const { row, definition, version, answers, score } = opened;
          resources.push(
            toFhirQuestionnaireResponse(definition, answers, {
              id: row.id,
              subject,
              authored: row.completed_on,
              ...(version !== null ? { version: String(version) } : {}),
            }),
          );
          const observation = toFhirScoreObservation(definition, score, {
            id: observationId(row.id),
            subject,
            effectiveDateTime: row.completed_on,
            derivedFrom: `urn:uuid:${row.id}`,
          });
          if (observation) resources.push(observation);
        }
        tx.audit({
          action: 'measures.fhir_exported',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { results: rows.rows.length },
        });
        void reply
          .type('application/fhir+json; charset=utf-8')
          .header('content-disposition', `attachment; filename="questionnaires-${clientId}.fhir.json"`);
        return toFhirCollectionBundle(resources, new Date().toISOString());
      }),
  );
};
