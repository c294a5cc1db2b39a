import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';

/** DELETE /api/journal/tags/:id (client): removes one of the client's tags from every entry and the list. */
export const deleteTagRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/journal/tags/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Delete one of your tags (the entries stay)',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const event = {
          action: 'journal.tags_changed' as const,
          subjectType: 'journal_tag',
          subjectId: request.params.id,
          subjectUserId: clientId,
        };
        const deleted = await tx.query<{ entries: number }>(
          `DELETE FROM journal_tags t WHERE t.id = $1 AND t.client_id = $2
           RETURNING (SELECT count(*)::int FROM journal_entry_tags et WHERE et.tag_id = t.id) AS entries`,
          [request.params.id, clientId],
        );
        const row = deleted.rows[0];
        if (!row) refuse(tx, event, 404, 'not_found', 'There is no such tag among yours.');
        tx.audit({ ...event, details: { deleted: true, entries: row.entries } });
        return { ok: true as const };
      }),
  );
};
