import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';

/** DELETE /api/journal/not-ready/:id (client): takes a note off my "not ready" list for good. */
export const notReadyDeleteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/journal/not-ready/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Remove a note from my "not ready to talk about yet" list',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const { id } = request.params;
        const event = {
          action: 'journal.not_ready_changed' as const,
          subjectType: 'not_ready_item',
          subjectId: id,
          subjectUserId: clientId,
        };
        const deleted = await tx.query('DELETE FROM journal_not_ready WHERE id = $1 AND client_id = $2', [
          id,
          clientId,
        ]);
        if (deleted.rowCount === 0) refuse(tx, event, 404, 'not_found', 'That note is no longer on your list.');
        tx.audit({ ...event, details: { change: 'deleted' } });
        return { ok: true as const };
      }),
  );
};
