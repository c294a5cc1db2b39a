import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The therapy frame: charges routes (each route lives in its own file and is registered here). */
export const chargeFeatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  void app;
};
