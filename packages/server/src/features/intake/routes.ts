import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFieldErrors } from '../../accounts/field-error.js';
import { publicReadLimit } from '../public-site/public-practice.js';
import { getIntakeRoute } from './intake-get.js';
import { decideIntakeRoute } from './intake-decide.js';
import { intakeRequestRoute } from './intake-request.js';
import { intakeSlotsRoute } from './intake-slots.js';
import { intakeStatusRoute } from './intake-status.js';
import { submitIntakeRoute } from './intake-submit.js';
import { listQueueRoute } from './queue-list.js';

/**
 * Intake (issue 8, parts 4–7): the public form and the person's own page through their link (no
 * account; limited per address), and the practice's queue, detail and answers. One route per file.
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
};
