import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { myAlerts } from './alert-record.js';
import { AlertList } from './safeguarding-schemas.js';

/**
 * GET /api/safeguarding/alerts (staff): the alerts about clients the signed-in therapist cares for,
 * and those escalated to them as clinical lead — open ones first — and how many are open (the
 * navigation's badge). Identifiers and names only: what raised an alert is in the client's record.
 */
export const listAlertsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/alerts',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin', 'supervisor'] }),
      schema: {
        tags: ['safeguarding'],
        summary: 'My safeguarding alerts',
        response: withErrors({ 200: AlertList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const alerts = await myAlerts(tx);
        const open = alerts.filter((a) => a.acknowledgedAt === null).length;
        tx.audit({ action: 'safeguarding.alerts_listed', details: { alerts: alerts.length, open } });
        return { alerts, open };
      }),
  );
};
