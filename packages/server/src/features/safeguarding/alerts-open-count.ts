import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';

/**
 * GET /api/safeguarding/alerts/open-count (staff): how many of the signed-in person's alerts are not
 * yet acknowledged — the navigation's badge, polled each minute. A number only (no client, no
 * identifier), so it is not audited; opening the list is.
 */
export const openAlertCountRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/alerts/open-count',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin', 'supervisor'] }),
      schema: {
        tags: ['safeguarding'],
        summary: 'How many of my alerts are open',
        response: withErrors({ 200: Type.Object({ open: Type.Integer({ minimum: 0 }) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const count = await tx.query<{ open: number }>(
          'SELECT count(*)::int AS open FROM safeguarding_alerts WHERE acknowledged_at IS NULL',
        );
        return { open: count.rows[0]?.open ?? 0 };
      }),
  );
};
