import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { NotReadyItem } from './journal-schemas.js';
import { findNotReady } from './not-ready-record.js';

/** GET /api/journal/not-ready (client): my "not ready to talk about yet" list, oldest first. */
export const notReadyListRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/not-ready',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'My "not ready to talk about yet" list (mine alone)',
        response: withErrors({ 200: Type.Object({ items: Type.Array(NotReadyItem) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const items = await findNotReady(tx, clientId);
        tx.audit({
          action: 'journal.not_ready_viewed',
          subjectType: 'journal',
          subjectUserId: clientId,
          details: { count: items.length },
        });
        return { items };
      }),
  );
};
