import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CcrtCategorySet } from '@undercurrent/clinical';
import { STAFF_VIEW } from '@undercurrent/clinical/patterns';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { loadCcrtCategories } from '../formulation/ccrt-category-record.js';
import { loadCorrections } from './dream-corrections-record.js';
import { confirmedEpisodes } from './episodes-record.js';
import { NormQuery, StaffPatterns } from './patterns-schemas.js';
import { staffMaterial } from './patterns-sources.js';
import { buildPatterns } from './patterns-view.js';

/**
 * GET /api/patterns/clients/:clientId (a therapist caring for the client): the pattern aids over what
 * the client shared (live shares only) and the progress notes the therapist may read — never the
 * client's private entries — with the dream h-profile of the shared dreams, the confirmed relationship
 * episodes, and for every cited entry the page that opens it.
 */
export const staffPatternsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patterns/clients/:clientId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: "The pattern aids over a client's shared entries and my notes",
        params: Type.Object({ clientId: Uuid }),
        querystring: NormQuery,
        response: withErrors({ 200: StaffPatterns }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'patterns.viewed');
        const { material, rated } = await staffMaterial(tx, clientId);
        const links = new Map(material.map((m) => [m.entry.id, m.link]));
        const episodes = await confirmedEpisodes(tx, clientId, links);
        const categories = await loadCcrtCategories(tx);
        const corrections = await loadCorrections(tx, clientId);
        const view = buildPatterns(material, STAFF_VIEW, {
          rated,
          confirmedEpisodes: episodes,
          ccrt: { categories: categories as unknown as CcrtCategorySet },
          norm: request.query.norm ?? 'women',
          corrections,
          viewKey: `staff|${tx.actor.practiceId}|${tx.actor.userId ?? ''}|${clientId}`,
        });
        tx.audit({
          action: 'patterns.viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: {
            entries: view.summary.entries,
            dreams: view.dreams.count,
            correctedDreams: view.dreams.corrected,
            episodes: episodes.length,
          },
        });
        return { clientId, ...view, episodes };
      }),
  );
};
