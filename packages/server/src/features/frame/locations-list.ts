import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { Location } from './frame-schemas.js';
import { findLocations } from './locations-record.js';

/** GET /api/frame/locations (therapist, admin): the practice's rooms and online places, archived last. */
export const listLocationsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/locations',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'The practice’s rooms and online meeting places',
        querystring: Type.Object({
          archived: Type.Optional(
            Type.Union([Type.Literal('true'), Type.Literal('false')], {
              description: 'Include archived ones (default true)',
            }),
          ),
        }),
        response: withErrors({ 200: Type.Array(Location) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), (tx) =>
        findLocations(tx, { includeArchived: request.query.archived !== 'false' }),
      ),
  );
};
