import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The therapy frame: feeds routes (each route lives in its own file and is registered here). */
export const feedFeatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  void app;
};
