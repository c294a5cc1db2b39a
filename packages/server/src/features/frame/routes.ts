import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chargeFeatureRoutes } from './charges-routes.js';
import { episodeFeatureRoutes } from './episodes-routes.js';
import { feedFeatureRoutes } from './feeds-routes.js';

/**
 * The therapy frame: therapist settings, rooms, treatment episodes and their recurring sessions,
 * breaks, attendance and charges, the client's view, calendar feeds.
 */
export const frameRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await episodeFeatureRoutes(app, {});
  await chargeFeatureRoutes(app, {});
  await feedFeatureRoutes(app, {});
};
