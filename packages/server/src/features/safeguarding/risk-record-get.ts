import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { decisionContext, myAlerts } from './alert-record.js';
import { policyAgreementOf } from './policy-record.js';
import { requireRiskRecordAccess } from './risk-access.js';
import { RiskRecord, type Decision } from './safeguarding-schemas.js';
import { loadSafeguardingSettings } from './settings-record.js';

/**
 * GET /api/safeguarding/clients/:clientId/risk-record (carer, or the clinical lead of an escalated
 * alert): the client's alerts and the decision log, newest first, decrypted, and whether (and when)
 * the client agreed to the current version of the practice's written policy.
 */
export const getRiskRecordRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/clients/:clientId/risk-record',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin', 'supervisor'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "A client's risk record: alerts and decisions",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: RiskRecord }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const name = await requireRiskRecordAccess(tx, clientId, 'safeguarding.risk_record_viewed');
        const rows = await tx.query<{
          id: string;
          alert_id: string | null;
          decided_at: Date;
          decided_by: string;
          client_informed: Decision['clientInformed'];
          record_enc: string;
        }>(
          `SELECT d.id, d.alert_id, d.decided_at, u.display_name AS decided_by, d.client_informed, d.record_enc
             FROM safeguarding_decisions d JOIN users u ON u.id = d.decided_by
            WHERE d.client_id = $1 ORDER BY d.decided_at DESC`,
          [clientId],
        );
        const decisions: Decision[] = [];
        for (const row of rows.rows) {
          const text = JSON.parse(await tx.decrypt(decisionContext(row.id), row.record_enc)) as Pick<
            Decision,
            'decision' | 'reasons' | 'whoWasTold' | 'clientInformedHow'
          >;
          decisions.push({
            id: row.id,
            alertId: row.alert_id,
            decidedAt: row.decided_at.toISOString(),
            decidedBy: row.decided_by,
            clientInformed: row.client_informed,
            decision: text.decision,
            reasons: text.reasons,
            whoWasTold: text.whoWasTold,
            clientInformedHow: text.clientInformedHow,
          });
        }
        const alerts = await myAlerts(tx, clientId);
        const settings = await loadSafeguardingSettings(tx);
        const agreement = await policyAgreementOf(tx, clientId, settings.policyVersion);
        tx.audit({
          action: 'safeguarding.risk_record_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { alerts: alerts.length, decisions: decisions.length },
        });
        return {
          client: { id: clientId, name },
          alerts,
          decisions,
          policyAgreement: {
            currentVersion: agreement.currentVersion,
            agreedVersion: agreement.agreedVersion,
            agreedAt: agreement.agreedAt?.toISOString() ?? null,
            agreedToCurrent: agreement.agreed,
          },
        };
      }),
  );
};
