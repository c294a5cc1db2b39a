import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { FieldsError } from '../frame/episodes-field-errors.js';
import { decisionContext } from './alert-record.js';
import { requireRiskRecordAccess } from './risk-access.js';
import { DecisionBody } from './safeguarding-schemas.js';

/**
 * POST /api/safeguarding/clients/:clientId/decisions (carer, or the clinical lead of an escalated
 * alert): adds a decision to the risk record — what was decided, why, who was told, whether and how
 * the client was informed (BACP: record the decision, the reasons, who was told, whether/how the
 * client was informed). Encrypted; kept as written.
 */
export const createDecisionRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/safeguarding/clients/:clientId/decisions',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin', 'supervisor'] }),
      schema: {
        tags: ['safeguarding'],
        summary: 'Record a safeguarding decision',
        params: Type.Object({ clientId: Uuid }),
        body: DecisionBody,
        response: withErrors({ 200: Type.Object({ id: Uuid }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const body = request.body;
        const id = crypto.randomUUID();
        const event: AuditInput = {
          action: 'safeguarding.decision_recorded',
          subjectType: 'safeguarding_decision',
          subjectId: id,
          subjectUserId: clientId,
        };
        await requireRiskRecordAccess(tx, clientId, event.action);
        const problems = [];
        if (body.decision.trim() === '') problems.push({ field: 'decision', message: 'Say what was decided.' });
        if (body.reasons.trim() === '') problems.push({ field: 'reasons', message: 'Say why it was decided.' });
        if (body.clientInformed === 'yes' && body.clientInformedHow.trim() === '') {
          problems.push({ field: 'clientInformedHow', message: 'Say how the client was informed.' });
        }
        if (problems.length > 0) throw new FieldsError(problems);
        const alertId = body.alertId?.toLowerCase() ?? null;
        if (alertId) {
          const alert = await tx.query('SELECT 1 FROM safeguarding_alerts WHERE id = $1 AND client_id = $2', [
            alertId,
            clientId,
          ]);
          if (alert.rowCount === 0) refuse(tx, event, 400, 'unknown_alert', 'That alert is not one about this client.');
        }
        const record = {
          decision: body.decision.trim(),
          reasons: body.reasons.trim(),
          whoWasTold: body.whoWasTold.trim(),
          clientInformedHow: body.clientInformedHow.trim(),
        };
        await tx.query(
          `INSERT INTO safeguarding_decisions (id, practice_id, client_id, alert_id, decided_by, client_informed, record_enc)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6)`,
          [
            id,
            clientId,
            alertId,
            selfId(tx),
            body.clientInformed,
            await tx.encrypt('clinical', decisionContext(id), JSON.stringify(record)),
          ],
        );
        tx.audit({ ...event, details: { alertId, clientInformed: body.clientInformed } });
        return { id };
      }),
  );
};
