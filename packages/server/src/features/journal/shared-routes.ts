import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notReadyCreateRoute } from './not-ready-create.js';
import { notReadyDeleteRoute } from './not-ready-delete.js';
import { notReadyListRoute } from './not-ready-list.js';
import { notReadyUpdateRoute } from './not-ready-update.js';
import { sharedListRoute } from './shared-list.js';
import { sharedReadRoute } from './shared-read.js';
import { sharedSummaryRoute } from './shared-summary.js';
import { sharedUnreadRoute } from './shared-unread.js';

/** The therapist's side (what clients shared) and the client's "not ready yet" list. */
export const sharedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await sharedSummaryRoute(app, {});
  await sharedListRoute(app, {});
  await sharedReadRoute(app, {});
  await sharedUnreadRoute(app, {});
  await notReadyListRoute(app, {});
  await notReadyCreateRoute(app, {});
  await notReadyUpdateRoute(app, {});
  await notReadyDeleteRoute(app, {});
};
