import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { ALERT_COLUMNS, ALERT_JOINS, toAlert, type AlertRow } from './alert-record.js';
import { Alert } from './safeguarding-schemas.js';

/**
 * POST /api/safeguarding/alerts/:id/acknowledge (the therapist caring for the client, or the
 * clinical lead it was escalated to): records who acknowledged it and when. Acknowledging twice
 * keeps the first acknowledgement and answers with it.
 */
export const acknowledgeAlertRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/safeguarding/alerts/:id/acknowledge',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin', 'supervisor'] }),
      schema: {
        tags: ['safeguarding'],
        summary: 'Acknowledge a safeguarding alert',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ alert: Alert }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const event: AuditInput = {
          action: 'safeguarding.alert_acknowledged',
          subjectType: 'safeguarding_alert',
          subjectId: id,
        };
        const updated = await tx.query<{ client_id: string; first: boolean }>(
          `UPDATE safeguarding_alerts SET acknowledged_at = coalesce(acknowledged_at, now()),
                  acknowledged_by = coalesce(acknowledged_by, $2)
            WHERE id = $1 RETURNING client_id, acknowledged_by = $2 AND acknowledged_at = now() AS first`,
          [id, selfId(tx)],
        );
        const row = updated.rows[0];
        if (!row)
          refuse(
            tx,
            event,
            404,
            'not_found',
            'There is no such alert among yours. It may be about a client you no longer see.',
          );
        const read = await tx.query<AlertRow>(
          `SELECT ${ALERT_COLUMNS} FROM safeguarding_alerts a ${ALERT_JOINS} WHERE a.id = $1`,
          [id],
        );
        const alert = read.rows[0];
        if (!alert) throw new Error('an alert just acknowledged cannot be read back');
        tx.audit({ ...event, subjectUserId: row.client_id, details: { already: !row.first } });
        return { alert: toAlert(alert) };
      }),
  );
};
