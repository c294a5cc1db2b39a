import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { loadCcrtCategories } from './ccrt-category-record.js';
import { CcrtCategories } from './formulation-schemas.js';

/** GET /api/record/ccrt-categories (therapist, admin): the practice's CCRT category set, or the standard one. */
export const getCcrtCategoriesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/ccrt-categories',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['record'],
        summary: "The practice's CCRT category set",
        response: withErrors({ 200: CcrtCategories }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const set = await loadCcrtCategories(tx);
        tx.audit({
          action: 'record.ccrt_categories_viewed',
          subjectType: 'ccrt_categories',
          subjectId: tx.actor.practiceId,
        });
        return set;
      }),
  );
};
