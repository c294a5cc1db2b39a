import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { NO_SUCH_ENTRY } from './entry-record.js';

/**
 * DELETE /api/journal/entries/:id (client): deletes a private entry (and its tags). While it is
 * shared it is refused: the client withdraws it first. Earlier shares keep their row (the therapist
 * still sees that something was shared and withdrawn), without the entry. Later dreams stop linking to it.
 */
export const deleteEntryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/journal/entries/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Delete one of your entries (a shared one is withdrawn first)',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const id = request.params.id;
        const event = {
          action: 'journal.entry_deleted' as const,
          subjectType: 'journal_entry',
          subjectId: id,
          subjectUserId: clientId,
        };
        const found = await tx.query<{ live: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM journal_shares s WHERE s.entry_id = e.id AND s.withdrawn_at IS NULL) AS live
             FROM journal_entries e WHERE e.id = $1 AND e.client_id = $2 FOR UPDATE OF e`,
          [id, clientId],
        );
        const entry = found.rows[0];
        if (!entry) refuse(tx, event, 404, 'not_found', NO_SUCH_ENTRY);
        if (entry.live) {
          refuse(
            tx,
            event,
            409,
            'shared',
            'This entry is shared with your therapist. Withdraw it from your therapist first; then you can delete it.',
          );
        }
        await tx.query('DELETE FROM journal_entries WHERE id = $1 AND client_id = $2', [id, clientId]);
        await tx.query(
          `UPDATE journal_entries SET recurs_ids = array_remove(recurs_ids, $1::uuid)
            WHERE client_id = $2 AND $1::uuid = ANY (recurs_ids)`,
          [id, clientId],
        );
        tx.audit(event);
        return { ok: true as const };
      }),
  );
};
