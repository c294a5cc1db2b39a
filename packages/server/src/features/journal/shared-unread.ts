import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { SharedItem } from './journal-schemas.js';
import { findShares, sessionsOf, UNREAD } from './shared-record.js';

/**
 * POST /api/journal/clients/:clientId/shared/:shareId/unread (therapist): puts a share back among my
 * unread ones, as a reminder to myself. The client still sees when I first read it.
 */
export const sharedUnreadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/journal/clients/:clientId/shared/:shareId/unread',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['journal'],
        summary: 'Mark a shared entry unread again (for myself)',
        params: Type.Object({ clientId: Uuid, shareId: Uuid }),
        response: withErrors({ 200: Type.Object({ item: SharedItem }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId, shareId } = request.params;
        const event = {
          action: 'journal.shared_marked_unread' as const,
          subjectType: 'journal_share',
          subjectId: shareId,
          subjectUserId: clientId,
        };
        await requireOwnClient(tx, clientId, event.action);
        const therapistId = selfId(tx);
        const sessions = await sessionsOf(tx, clientId, therapistId, new Date());
        const last = sessions.last?.startsAt ?? null;
        const [share] = await findShares(tx, { clientId, therapistId, last, shareId });
        if (!share) refuse(tx, event, 404, 'not_found', 'There is no such shared entry for this client.');
        await tx.query(`UPDATE journal_reads SET read_at = '${UNREAD}' WHERE share_id = $1 AND therapist_id = $2`, [
          shareId,
          therapistId,
        ]);
        tx.audit(event);
        const [item] = await findShares(tx, { clientId, therapistId, last, shareId });
        return { item: item ?? share };
      }),
  );
};
