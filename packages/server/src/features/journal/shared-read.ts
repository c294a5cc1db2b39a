import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { formatInstant } from '../frame/charges-format.js';
import { SharedEntry, SharedItem } from './journal-schemas.js';
import { clientName, findSharedEntry, findShares, sessionsOf } from './shared-record.js';

/**
 * GET /api/journal/clients/:clientId/shared/:shareId (therapist): one shared entry, which marks it
 * read. A withdrawn share answers 410 naming when it was withdrawn; its content is never read.
 */
export const sharedReadRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/clients/:clientId/shared/:shareId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['journal'],
        summary: 'Read an entry a client of mine has shared (marks it read)',
        params: Type.Object({ clientId: Uuid, shareId: Uuid }),
        response: withErrors({
          200: Type.Object({ item: SharedItem, entry: SharedEntry }),
          410: Type.Ref('ErrorResponse'),
        }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId, shareId } = request.params;
        const event = {
          action: 'journal.shared_read' as const,
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
        const entry =
          share.withdrawnAt === null && share.entryId ? await findSharedEntry(tx, share.entryId, clientId) : undefined;
        if (!entry) {
          const zone = await practiceZone(tx);
          const when = share.withdrawnAt ? ` on ${formatInstant(new Date(share.withdrawnAt), zone)}` : '';
          refuse(
            tx,
            { ...event, details: { entryId: share.entryId } },
            410,
            'withdrawn',
            `${(await clientName(tx, clientId)) || 'Your client'} withdrew this entry${when}; it is no longer available to you.`,
          );
        }
        await tx.query(
          `INSERT INTO journal_reads (practice_id, share_id, therapist_id) VALUES (app_practice_id(), $1, $2)
           ON CONFLICT (practice_id, share_id, therapist_id) DO UPDATE SET read_at = now()`,
          [shareId, therapistId],
        );
        const [item] = await findShares(tx, { clientId, therapistId, last, shareId });
        tx.audit({ ...event, details: { entryId: entry.id, kind: entry.kind } });
        return { item: item ?? share, entry };
      }),
  );
};

async function practiceZone(tx: Scoped): Promise<string> {
  const result = await tx.query<{ time_zone: string }>('SELECT time_zone FROM practices WHERE id = app_practice_id()');
  return result.rows[0]?.time_zone ?? 'Europe/London';
}
