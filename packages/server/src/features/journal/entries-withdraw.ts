import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { Entry } from './journal-schemas.js';
import { findEntryRow, NO_SUCH_ENTRY, toEntry } from './entry-record.js';
import { lockOwnEntry } from './entry-sharing.js';

/**
 * POST /api/journal/entries/:id/withdraw (client): ends the therapist's access to a shared entry. The
 * share keeps its row, so the therapist sees that something was withdrawn and when, never the content.
 * Withdrawing an entry that is not shared (a retried request) changes nothing and answers the same.
 */
export const withdrawEntryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/journal/entries/:id/withdraw',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['journal'],
        summary: 'Withdraw a shared entry from your therapist',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ entry: Entry }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const id = request.params.id;
        const event = {
          action: 'journal.entry_withdrawn' as const,
          subjectType: 'journal_entry',
          subjectId: id,
          subjectUserId: clientId,
        };
        if (!(await lockOwnEntry(tx, clientId, id))) refuse(tx, event, 404, 'not_found', NO_SUCH_ENTRY);
        const withdrawn = await tx.query<{ id: string }>(
          `UPDATE journal_shares SET withdrawn_at = now()
            WHERE entry_id = $1 AND client_id = $2 AND withdrawn_at IS NULL RETURNING id`,
          [id, clientId],
        );
        const row = await findEntryRow(tx, clientId, id);
        if (!row) throw new Error('a locked entry vanished while being withdrawn');
        tx.audit({ ...event, details: { shareId: withdrawn.rows[0]?.id ?? null } });
        return { entry: await toEntry(tx, row) };
      }),
  );
};
