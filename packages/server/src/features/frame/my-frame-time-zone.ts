import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { isValidTimeZone } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from './care-access.js';
import { TimeZone } from './frame-schemas.js';

/**
 * PUT /api/frame/me/time-zone (client): the zone the client reads their sessions in (null: the
 * browser's own). Sessions stay at the time they were agreed in the therapist's zone.
 */
export const myTimeZoneRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/frame/me/time-zone',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['frame'],
        summary: 'Choose the time zone you read your sessions in',
        body: Type.Object({ timeZone: Type.Union([TimeZone, Type.Null()]) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ timeZone: Type.Union([TimeZone, Type.Null()]) }) }),
      },
    },
    async (request) => {
      const timeZone = request.body.timeZone;
      if (timeZone !== null && !isValidTimeZone(timeZone)) {
        throw new HttpError(
          400,
          `“${timeZone}” is not a time zone; choose one such as Europe/London.`,
          'invalid_request',
        );
      }
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        await tx.query('UPDATE users SET time_zone = $2 WHERE id = $1', [clientId, timeZone]);
        tx.audit({
          action: 'frame.time_zone_changed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { timeZone },
        });
        return { timeZone };
      });
    },
  );
};
