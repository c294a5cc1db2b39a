import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { loadLocalResources } from './crisis-resources-record.js';
import { LocalResources } from './safeguarding-schemas.js';

/** GET /api/safeguarding/crisis-resources (admin): the practice's own crisis resources, in order. */
export const getLocalResourcesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/crisis-resources',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "The practice's own crisis resources",
        response: withErrors({ 200: LocalResources }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const resources = await loadLocalResources(tx);
        tx.audit({
          action: 'safeguarding.crisis_resources_viewed',
          subjectType: 'safeguarding_settings',
          subjectId: tx.actor.practiceId,
          details: { count: resources.length },
        });
        return { resources };
      }),
  );
};
