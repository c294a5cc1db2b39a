import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findFormulationRow, formulationEvent, requireEpisode, toFormulation } from './formulation-record.js';
import { Formulation } from './formulation-schemas.js';

/**
 * GET /api/record/episodes/:episodeId/formulation (a therapist currently caring for the client): the
 * episode's formulation with its review entries — version 0 and empty sections while none is saved.
 */
export const getFormulationRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/episodes/:episodeId/formulation',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: "An episode's case formulation",
        params: Type.Object({ episodeId: Uuid }),
        response: withErrors({ 200: Type.Object({ formulation: Formulation }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const episodeId = request.params.episodeId.toLowerCase();
        const episode = await requireEpisode(tx, episodeId, {
          action: 'record.formulation_viewed',
          subjectType: 'episode',
          subjectId: episodeId,
        });
        const row = await findFormulationRow(tx, episodeId);
        const formulation = await toFormulation(tx, episode, row);
        tx.audit({
          ...formulationEvent('record.formulation_viewed', episode),
          details: { version: formulation.version, reviews: formulation.reviews.length },
        });
        return { formulation };
      }),
  );
};
