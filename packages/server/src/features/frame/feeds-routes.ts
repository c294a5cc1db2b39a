import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { manageFeedsRoutes } from './feeds-manage.js';
import { publicFeedRoutes } from './feeds-public.js';
import { icsDownloadRoute } from './ics-download.js';

/**
 * The therapy frame in other calendars: private subscription links (made, listed and turned off by
 * their owner), the feed a calendar app polls, and one session as an .ics download.
 */
export const feedFeatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await manageFeedsRoutes(app, {});
  await publicFeedRoutes(app, {});
  await icsDownloadRoute(app, {});
};
