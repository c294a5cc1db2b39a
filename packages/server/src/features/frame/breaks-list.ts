import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hasRole } from '../../access/actor.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { findBreaks, toBreak } from './breaks-record.js';
import { selfId } from './care-access.js';
import { assertRealDate } from './charges-format.js';
import { Break, IsoDate } from './frame-schemas.js';

/**
 * GET /api/frame/breaks?from&to: a therapist sees their own breaks and the practice's (closures,
 * bank holidays); an admin sees every break. Breaks hold no client data.
 */
export const listBreaksRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/breaks',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Breaks: your own and the practice’s (an admin sees every therapist’s too)',
        querystring: Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }),
        response: withErrors({ 200: Type.Array(Break) }),
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (from) assertRealDate('from', from);
      if (to) assertRealDate('to', to);
      const actor = actorOf(request);
      return app.ctx.access.run(actor, async (tx) => {
        const rows = await findBreaks(tx, {
          from,
          to,
          therapistIds: hasRole(actor, 'admin') ? undefined : [selfId(tx)],
        });
        return rows.map((row) => toBreak(row));
      });
    },
  );
};
