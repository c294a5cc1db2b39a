import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { recordDeliveryRoute } from './delivery-record.js';
import { downloadPackJsonRoute } from './pack-download-json.js';
import { downloadPackPdfRoute } from './pack-download-pdf.js';
import { preparePackRoute } from './pack-prepare.js';
import { closeRequestRoute } from './request-close.js';
import { createRequestRoute } from './request-create.js';
import { extendRequestRoute } from './request-extend.js';
import { getRequestRoute } from './request-get.js';
import { listRequestsRoute } from './request-list.js';
import { updateRequestRoute } from './request-update.js';
import { decideProcessNoteRoute } from './review-decide.js';
import { listReviewsRoute } from './review-list.js';

/**
 * Subject access requests (UK GDPR Art. 15): the admin's requests, deadlines, packs and deliveries;
 * each process-note author's include/withhold decisions.
 */
export const subjectAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const routes: FastifyPluginAsyncTypebox[] = [
    listRequestsRoute,
    getRequestRoute,
    createRequestRoute,
    updateRequestRoute,
    extendRequestRoute,
    closeRequestRoute,
    listReviewsRoute,
    decideProcessNoteRoute,
    preparePackRoute,
    downloadPackJsonRoute,
    downloadPackPdfRoute,
    recordDeliveryRoute,
  ];
  for (const route of routes) await route(app, {});
};
