import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { categorySetOf, loadCcrtCategories, saveCcrtCategories } from './ccrt-category-record.js';
import { CcrtCategories, CcrtCategoriesSave } from './formulation-schemas.js';

/**
 * PUT /api/record/ccrt-categories (admin): saves the practice's edited copy of the CCRT clusters
 * (relabelled, added, removed, responses marked positive or negative), checked with packages/clinical
 * validateCcrtCategorySet. Formulations keep the clusters they chose even when one is removed here.
 */
export const putCcrtCategoriesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/record/ccrt-categories',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['record'],
        summary: "Save the practice's CCRT category set",
        body: CcrtCategoriesSave,
        response: withErrors({ 200: CcrtCategories }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { set, problems } = categorySetOf(tx.actor.practiceId, request.body);
        assertNoProblems(problems, 'invalid_categories');
        await saveCcrtCategories(tx, set, selfId(tx));
        tx.audit({
          action: 'record.ccrt_categories_changed',
          subjectType: 'ccrt_categories',
          subjectId: tx.actor.practiceId,
          details: {
            clusters: set.clusters.length,
            W: set.clusters.filter((c) => c.component === 'W').length,
            RO: set.clusters.filter((c) => c.component === 'RO').length,
            RS: set.clusters.filter((c) => c.component === 'RS').length,
            unverified: set.unverified,
          },
        });
        return loadCcrtCategories(tx);
      }),
  );
};
