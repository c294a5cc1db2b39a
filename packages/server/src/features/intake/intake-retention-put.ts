import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FieldError } from '../../accounts/field-error.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { RetentionSettings } from './intake-retention-get.js';
import { loadRetentionDays, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from './intake-retention-record.js';

const Body = Type.Object({ enquiryRetentionDays: Type.Number() }, { additionalProperties: false });

export const RETENTION_RANGE_MESSAGE = `Choose a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS} (ten years).`;

/**
 * PUT /api/intakes/settings (admin): the practice's retention period for enquiries that did not
 * become clients. Outside 30–3650 whole days is refused beside the field and nothing changes. Audited
 * with the old and new period.
 */
export const putRetentionRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/intakes/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['intake'],
        summary: 'Change how long enquiries that did not become clients are kept',
        body: Body,
        response: withErrors({ 200: RetentionSettings }),
      },
    },
    async (request) => {
      const days = request.body.enquiryRetentionDays;
      if (!Number.isInteger(days) || days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
        throw new FieldError(400, 'enquiryRetentionDays', RETENTION_RANGE_MESSAGE, 'invalid_settings');
      }
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const before = await loadRetentionDays(tx);
        await tx.query('UPDATE practices SET enquiry_retention_days = $1 WHERE id = app_practice_id()', [days]);
        tx.audit({
          action: 'intake.retention_changed',
          subjectType: 'practice',
          subjectId: tx.actor.practiceId,
          details: { from: before, to: days },
        });
        return { enquiryRetentionDays: days };
      });
    },
  );
};
