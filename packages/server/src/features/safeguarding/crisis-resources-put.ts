import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { FieldsError } from '../frame/episodes-field-errors.js';
import { checkLocalResources } from './crisis-resource-rules.js';
import { loadLocalResources, replaceLocalResources } from './crisis-resources-record.js';
import { LocalResources } from './safeguarding-schemas.js';

/**
 * PUT /api/safeguarding/crisis-resources (admin): saves the practice's own crisis resources, whole and
 * in order (so adding, editing, reordering and removing are one save). Every problem is answered
 * beside its field; nothing is saved until all are right, so the list already shown stays as it was.
 */
export const putLocalResourcesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/safeguarding/crisis-resources',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "Save the practice's own crisis resources (the whole list, in order)",
        body: LocalResources,
        response: withErrors({ 200: LocalResources }),
      },
    },
    async (request) => {
      const { cleaned, problems } = checkLocalResources(request.body.resources);
      if (problems.length > 0) throw new FieldsError(problems, 'invalid_crisis_resources');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await replaceLocalResources(tx, cleaned, selfId(tx));
        const resources = await loadLocalResources(tx);
        tx.audit({
          action: 'safeguarding.crisis_resources_changed',
          subjectType: 'safeguarding_settings',
          subjectId: tx.actor.practiceId,
          details: { count: resources.length },
        });
        return { resources };
      });
    },
  );
};
