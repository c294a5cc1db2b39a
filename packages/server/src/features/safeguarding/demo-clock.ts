import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { systemActor } from '../../access/actor.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { processSafeguardingAlerts } from '../../jobs/safeguarding-alerts.js';

/**
 * POST /api/safeguarding/demo/run-alerts (admin of the demo practice, demo mode only): runs the
 * safeguarding-alerts job's pass for the practice as if it were `minutesAhead` minutes later, so a
 * demonstration (and the e2e journey) can show an alert escalating without waiting four hours. The
 * route does not exist unless the server runs in demo mode, and refuses any practice that is not a
 * demo one; the real job always uses the real time.
 */
export const demoRunAlertsRoute: FastifyPluginAsyncTypebox = async (app) => {
  if (!app.ctx.config.demo) return;
  app.post(
    '/api/safeguarding/demo/run-alerts',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['safeguarding'],
        summary: 'Demo only: run the alerts job as if later',
        body: Type.Object(
          { minutesAhead: Type.Integer({ minimum: 0, maximum: 10080 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ emailed: Type.Integer(), escalated: Type.Integer() }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await app.ctx.access.run(actor, async (tx) => {
        const practice = await tx.query<{ is_demo: boolean }>(
          'SELECT is_demo FROM practices WHERE id = app_practice_id()',
        );
        if (!practice.rows[0]?.is_demo) {
          refuse(
            tx,
            { action: 'safeguarding.alert_escalated', subjectType: 'practice', subjectId: actor.practiceId },
            404,
            'not_found',
            'This is only for the demo practice.',
          );
        }
      });
      const now = new Date(Date.now() + request.body.minutesAhead * 60_000);
      return app.ctx.access.run(systemActor(actor.practiceId), (tx) =>
        processSafeguardingAlerts(tx, {
          publicUrl: app.ctx.config.publicUrl,
          smtpConfigured: app.ctx.config.smtpUrl !== undefined,
          now,
        }),
      );
    },
  );
};
