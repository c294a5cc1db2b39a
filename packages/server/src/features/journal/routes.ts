import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { entryRoutes } from './entry-routes.js';
import { sharedRoutes } from './shared-routes.js';

/**
 * The client's private space: entries (free association, dreams, reflections, check-ins), tags, the
 * "not ready yet" list, shares with the therapist, and the therapist's view of what was shared.
 */
export const journalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await entryRoutes(app, {});
  await sharedRoutes(app, {});
};
