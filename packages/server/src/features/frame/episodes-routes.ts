import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The therapy frame: episodes routes (each route lives in its own file and is registered here). */
export const episodeFeatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  void app;
};
