import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFieldErrors } from '../../accounts/field-error.js';
import { publicReadLimit } from '../public-site/public-practice.js';
import { getIntakeRoute } from './intake-get.js';
import { decideIntakeRoute } from './intake-decide.js';
import { intakeRequestRoute } from './intake-request.js';
import { intakeSlotsRoute } from './intake-slots.js';
import { intakeStatusRoute } from './intake-status.js';
import { deleteIntakeRoute } from './intake-delete.js';
import { getRetentionRoute } from './intake-retention-get.js';
import { putRetentionRoute } from './intake-retention-put.js';
import { submitIntakeRoute } from './intake-submit.js';
import { listQueueRoute } from './queue-list.js';

/**
 * Intake (issue 8, parts 4–7): the public form and the person's own page through their link (no
 * account; limited per address), and the practice's queue, detail and answers, deleting an enquiry
 * and the retention period (the delete-old-enquiries job deletes after it). One route per file.
 */
export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    const limit = publicReadLimit();
    // The form's refusals name their field (consent, e-mail, …), so the page shows each beside its field.
    installFieldErrors(scope);
    scope.addHook('onRequest', async (request, reply) => limit(request, reply));
    for (const route of [submitIntakeRoute, intakeStatusRoute, intakeSlotsRoute, intakeRequestRoute]) {
      await route(scope, {});
    }
  });
  for (const route of [listQueueRoute, getIntakeRoute, decideIntakeRoute]) await route(app, {});
  // Deleting an enquiry and the retention period: their refusals name the field (reason, period).
  await app.register(async (scope) => {
    installFieldErrors(scope);
    for (const route of [deleteIntakeRoute, getRetentionRoute, putRetentionRoute]) await route(scope, {});
  });
};
