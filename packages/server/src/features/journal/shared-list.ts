import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { SharedList } from './journal-schemas.js';
import { clientName, findShares, sessionRef, sessionsOf } from './shared-record.js';

/** The most shares one list shows (newest first). */
export const SHARED_LIST_LIMIT = 200;

/**
 * GET /api/journal/clients/:clientId/shared (therapist): what one client of mine has shared, newest
 * first, with their last and next session, what they want to bring, and what I have read. Withdrawn
 * shares stay on the list with their dates only.
 */
export const sharedListRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/journal/clients/:clientId/shared',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['journal'],
        summary: 'What a client of mine has shared from their journal, since the last session and before',
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: SharedList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId } = request.params;
        await requireOwnClient(tx, clientId, 'journal.shared_listed');
        const therapistId = selfId(tx);
        const sessions = await sessionsOf(tx, clientId, therapistId, new Date());
        const items = await findShares(tx, {
          clientId,
          therapistId,
          last: sessions.last?.startsAt ?? null,
          limit: SHARED_LIST_LIMIT,
        });
        tx.audit({
          action: 'journal.shared_listed',
          subjectType: 'journal',
          subjectUserId: clientId,
          details: { items: items.length, live: items.filter((i) => i.withdrawnAt === null).length },
        });
        return {
          client: { id: clientId, displayName: await clientName(tx, clientId) },
          lastSession: sessionRef(sessions.last),
          nextSession: sessionRef(sessions.next),
          items,
        };
      }),
  );
};
