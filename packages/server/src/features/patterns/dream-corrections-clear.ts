import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { NOT_SHARED } from './dream-codes-get.js';
import { ClearCorrectionsQuery, DreamCodesDetail } from './dream-code-schemas.js';
import { dreamDetail } from './dream-codes-detail.js';
import { deleteCorrections, loadCorrections } from './dream-corrections-record.js';
import { STALE_CORRECTIONS } from './dream-corrections-save.js';
import { sharedDreams } from './dream-sources.js';

/**
 * DELETE /api/patterns/clients/:clientId/dreams/:entryId/corrections?baseVersion=n (a therapist caring
 * for the client): back to the automatic codes. Refused with 409 when the corrections are no longer at
 * that version; clearing corrections already cleared answers with the automatic codes.
 */
export const dreamCorrectionsClearRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/patterns/clients/:clientId/dreams/:entryId/corrections',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: "Clear the therapist's corrections of a dream's codes",
        params: Type.Object({ clientId: Uuid, entryId: Uuid }),
        querystring: ClearCorrectionsQuery,
        response: withErrors({ 200: DreamCodesDetail }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const baseVersion = Number(request.query.baseVersion);
        const entryId = request.params.entryId.toLowerCase();
        const event = {
          action: 'patterns.dream_codes_cleared' as const,
          subjectType: 'journal_entry',
          subjectId: entryId,
          subjectUserId: clientId,
          details: { baseVersion },
        };
        await requireOwnClient(tx, clientId, event.action);
        const [dream] = await sharedDreams(tx, clientId, entryId);
        if (!dream) refuse(tx, event, 404, 'not_found', NOT_SHARED);
        if (!(await deleteCorrections(tx, entryId, baseVersion))) {
          const current = (await loadCorrections(tx, clientId, entryId)).get(entryId);
          if (current) refuse(tx, event, 409, 'stale', STALE_CORRECTIONS);
        }
        tx.audit(event);
        return dreamDetail(dream, undefined);
      }),
  );
};
