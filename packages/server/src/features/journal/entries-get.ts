import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { Entry } from './journal-schemas.js';
import { findEntryRow, NO_SUCH_ENTRY, toEntry } from './entry-record.js';

/** GET /api/journal/entries/:id (client): one of the client's own entries, whole, with tags and sharing. */
export const getEntryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/entries/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'One of your journal entries',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ entry: Entry }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const event = {
          action: 'journal.entry_viewed' as const,
          subjectType: 'journal_entry',
          subjectId: request.params.id,
          subjectUserId: clientId,
        };
        const row = await findEntryRow(tx, clientId, request.params.id);
        if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_ENTRY);
        tx.audit(event);
        return { entry: await toEntry(tx, row) };
      }),
  );
};
