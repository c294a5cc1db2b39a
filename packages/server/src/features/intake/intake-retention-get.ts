import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { loadRetentionDays, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from './intake-retention-record.js';

export const RetentionSettings = Type.Object({
  /** Days after an enquiry that did not become a client was last answered before it is deleted. */
  enquiryRetentionDays: Type.Integer({ minimum: RETENTION_MIN_DAYS, maximum: RETENTION_MAX_DAYS }),
});

/** GET /api/intakes/settings (admin, therapist): how long the practice keeps enquiries that did not become clients. */
export const getRetentionRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/intakes/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['intake'],
        summary: 'How long enquiries that did not become clients are kept',
        response: withErrors({ 200: RetentionSettings }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => ({ enquiryRetentionDays: await loadRetentionDays(tx) })),
  );
};
