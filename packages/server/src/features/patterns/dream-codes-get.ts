import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { DreamCodesDetail } from './dream-code-schemas.js';
import { dreamDetail } from './dream-codes-detail.js';
import { loadCorrections } from './dream-corrections-record.js';
import { sharedDreams } from './dream-sources.js';

export const NOT_SHARED =
  'That dream is not one the client shares with you now: it may have been withdrawn. Reload the list of dreams.';

/**
 * GET /api/patterns/clients/:clientId/dreams/:entryId (a therapist caring for the client): one shared
 * dream's text, its automatic codes, the therapist's corrections and the corrected codes.
 */
export const dreamCodesGetRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patterns/clients/:clientId/dreams/:entryId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: "A shared dream's automatic codes and the therapist's corrections",
        params: Type.Object({ clientId: Uuid, entryId: Uuid }),
        response: withErrors({ 200: DreamCodesDetail }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const entryId = request.params.entryId.toLowerCase();
        const event = {
          action: 'patterns.dream_codes_viewed' as const,
          subjectType: 'journal_entry',
          subjectId: entryId,
          subjectUserId: clientId,
        };
        await requireOwnClient(tx, clientId, event.action);
        const [dream] = await sharedDreams(tx, clientId, entryId);
        if (!dream) refuse(tx, event, 404, 'not_found', NOT_SHARED);
        const stored = (await loadCorrections(tx, clientId, entryId)).get(entryId);
        tx.audit({ ...event, details: { corrections: stored?.corrections.length ?? 0 } });
        return dreamDetail(dream, stored);
      }),
  );
};
