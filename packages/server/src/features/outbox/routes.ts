import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listOutboxRoute } from './list-outbox.js';
import { openMessageRoute } from './open-message.js';
import { retryMessageRoute } from './retry-message.js';

/** The outbox, for admins: what was sent, what is waiting or failed, and sending again. */
export const outboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await listOutboxRoute(app, {});
  await openMessageRoute(app, {});
  await retryMessageRoute(app, {});
};
