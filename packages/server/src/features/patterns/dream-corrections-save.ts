import { isDeepStrictEqual } from 'node:util';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { applyCorrections, evidenceProblems, type DreamCodeCorrection } from '@undercurrent/clinical';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { NOT_SHARED } from './dream-codes-get.js';
import { DreamCodesDetail, SaveCorrectionsBody } from './dream-code-schemas.js';
import { automaticCodes } from './dream-codes-cache.js';
import { dreamDetail } from './dream-codes-detail.js';
import { loadCorrections, storeCorrections } from './dream-corrections-record.js';
import { sharedDreams } from './dream-sources.js';

export const STALE_CORRECTIONS =
  'These codes were corrected elsewhere since you opened them. Your changes are still in the form: reload the codes to see the current ones, then make your changes again.';

/**
 * PUT /api/patterns/clients/:clientId/dreams/:entryId/corrections (a therapist caring for the client):
 * replaces the dream's corrections with these, over `baseVersion`. Each added or changed code's quoted
 * words must be the dream's words at those places; a remove or change must name one of the dream's
 * codes. A save over another version is refused with 409 and nothing stored (the same corrections sent
 * again — a retry — are answered with what is stored).
 */
export const dreamCorrectionsSaveRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/patterns/clients/:clientId/dreams/:entryId/corrections',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: "Correct a shared dream's codes",
        params: Type.Object({ clientId: Uuid, entryId: Uuid }),
        body: SaveCorrectionsBody,
        response: withErrors({ 200: DreamCodesDetail }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const entryId = request.params.entryId.toLowerCase();
        const corrections = request.body.corrections as DreamCodeCorrection[];
        const event = {
          action: 'patterns.dream_codes_corrected' as const,
          subjectType: 'journal_entry',
          subjectId: entryId,
          subjectUserId: clientId,
          details: { corrections: corrections.length, baseVersion: request.body.baseVersion },
        };
        await requireOwnClient(tx, clientId, event.action);
        const [dream] = await sharedDreams(tx, clientId, entryId);
        if (!dream) refuse(tx, event, 404, 'not_found', NOT_SHARED);
        if (corrections.length === 0) {
          refuse(
            tx,
            event,
            400,
            'no_corrections',
            'There is nothing to save. To go back to the automatic codes, choose “Clear corrections”.',
          );
        }
        const problems = corrections.flatMap((c) =>
          c.action !== 'remove' && c.evidence
            ? evidenceProblems(dream.text, c.evidence).map((p) => `Code ${c.id}: ${p}`)
            : [],
        );
        const unmatched = applyCorrections(
          automaticCodes(dream.entryId, dream.version, dream.text),
          corrections,
        ).unmatched;
        for (const c of unmatched)
          problems.push(`Code ${c.id} is not one of this dream's codes (it may have been edited): reload the codes.`);
        if (problems.length > 0) refuse(tx, event, 400, 'bad_corrections', problems.join(' '));

        const stored = await storeCorrections(tx, {
          clientId,
          entryId,
          entryVersion: dream.version,
          corrections,
          baseVersion: request.body.baseVersion,
          by: selfId(tx),
        });
        if (!stored) {
          const current = (await loadCorrections(tx, clientId, entryId)).get(entryId);
          if (current && isDeepStrictEqual(current.corrections, corrections)) {
            tx.audit({ ...event, subjectId: entryId, details: { ...event.details, retried: true } });
            return dreamDetail(dream, current);
          }
          refuse(
            tx,
            { ...event, details: { ...event.details, storedVersion: current?.version ?? 0 } },
            409,
            'stale',
            STALE_CORRECTIONS,
          );
        }
        tx.audit({ ...event, details: { ...event.details, version: stored.version } });
        return dreamDetail(dream, stored);
      }),
  );
};
