import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { getCcrtCategoriesRoute } from './ccrt-categories-get.js';
import { putCcrtCategoriesRoute } from './ccrt-categories-put.js';
import { defensiveFunctioningRoute } from './defensive-functioning-get.js';
import { getFormulationRoute } from './formulation-get.js';
import { addReviewRoute } from './formulation-review-add.js';
import { saveFormulationRoute } from './formulation-save.js';
import { formulationVersionsRoute } from './formulation-versions.js';

/**
 * The case formulation of an episode (read, save, history, review entries), its defensive-functioning
 * trend, and the practice's CCRT category set. Each route lives in its own file; they share a scope
 * whose error handler answers field problems with their fields.
 */
export const formulationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      getFormulationRoute,
      saveFormulationRoute,
      formulationVersionsRoute,
      addReviewRoute,
      defensiveFunctioningRoute,
      getCcrtCategoriesRoute,
      putCcrtCategoriesRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
