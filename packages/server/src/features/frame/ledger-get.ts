import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from './care-access.js';
import { Ledger } from './frame-schemas.js';
import { findLedger } from './ledger-record.js';

/** GET /api/frame/clients/:clientId/ledger (therapist): your charges to one of your clients, with the balance. */
export const getLedgerRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/clients/:clientId/ledger',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Your charges to one of your clients, oldest first, with the balance',
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: Ledger }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const { clientId } = request.params;
        await requireOwnClient(tx, clientId, 'frame.ledger_viewed');
        const ledger = await findLedger(tx, clientId, selfId(tx));
        tx.audit({
          action: 'frame.ledger_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { entries: ledger.entries.length },
        });
        return ledger;
      }),
  );
};
