import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { Tag } from './journal-schemas.js';
import { clientTags } from './tags-record.js';

/** GET /api/journal/tags (client): the client's tags, sorted by name, with how many entries carry each. */
export const listTagsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/tags',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Your journal tags',
        response: withErrors({ 200: Type.Object({ tags: Type.Array(Tag) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const tags = await clientTags(tx, clientId);
        tx.audit({
          action: 'journal.tags_viewed',
          subjectType: 'journal',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { tags: tags.length },
        });
        return { tags };
      }),
  );
};
