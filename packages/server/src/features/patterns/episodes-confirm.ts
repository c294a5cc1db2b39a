import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { loadCcrtCategories } from '../formulation/ccrt-category-record.js';
import { confirmedEpisodes } from './episodes-record.js';
import { ConfirmEpisodeBody, ConfirmedEpisode } from './patterns-schemas.js';
import { staffMaterial } from './patterns-sources.js';

const COMPONENT_NAMES = { W: 'wish', RO: 'response of the other', RS: 'response of the self' } as const;

/**
 * POST /api/patterns/clients/:clientId/episodes (a therapist caring for the client): confirm a
 * relationship episode at a passage the therapist may read and score it W / RO / RS with cluster ids
 * of the practice's CCRT set. Confirming the same passage again rescores it. The CCRT summary of the
 * patterns view is computed from these.
 */
export const confirmEpisodeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/patterns/clients/:clientId/episodes',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['patterns'],
        summary: 'Confirm and score a relationship episode',
        params: Type.Object({ clientId: Uuid }),
        body: ConfirmEpisodeBody,
        response: withErrors({ 200: Type.Object({ episode: ConfirmedEpisode }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const body = request.body;
        const event = {
          action: 'patterns.episode_confirmed' as const,
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
        };
        await requireOwnClient(tx, clientId, event.action);
        const { material } = await staffMaterial(tx, clientId);
        const passage = material.find((m) => m.entry.id === body.entryId);
        if (!passage) {
          refuse(
            tx,
            event,
            404,
            'not_found',
            'That passage is not one you can read: it may have been withdrawn. Reload the patterns to see the current ones.',
          );
        }
        if (body.end <= body.start || body.end > passage.entry.text.length) {
          refuse(
            tx,
            event,
            400,
            'bad_offsets',
            'The passage’s position does not fit its entry. Reload the patterns and try again.',
          );
        }
        if (body.W.length + body.RO.length + body.RS.length === 0) {
          refuse(
            tx,
            event,
            400,
            'no_scores',
            'Choose at least one wish, response of the other or response of the self.',
          );
        }
        const categories = await loadCcrtCategories(tx);
        for (const component of ['W', 'RO', 'RS'] as const) {
          const known = new Set(categories.clusters.filter((c) => c.component === component).map((c) => c.id));
          const unknown = body[component].filter((id) => !known.has(id));
          if (unknown.length > 0) {
            refuse(
              tx,
              event,
              400,
              'unknown_cluster',
              `“${unknown.join('”, “')}” is not a ${COMPONENT_NAMES[component]} cluster of your practice’s CCRT set. Choose one from the list.`,
            );
          }
        }
        const saved = await tx.query<{ id: string }>(
          `INSERT INTO ccrt_episodes (practice_id, client_id, therapist_id, entry_id, passage_date, start_offset, end_offset,
                                      wish, response_of_other, response_of_self)
           VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (practice_id, client_id, entry_id, start_offset) DO UPDATE
             SET end_offset = EXCLUDED.end_offset, wish = EXCLUDED.wish, therapist_id = EXCLUDED.therapist_id,
                 response_of_other = EXCLUDED.response_of_other, response_of_self = EXCLUDED.response_of_self
           RETURNING id`,
          [
            clientId,
            selfId(tx),
            body.entryId,
            passage.entry.date,
            body.start,
            body.end,
            [...new Set(body.W)],
            [...new Set(body.RO)],
            [...new Set(body.RS)],
          ],
        );
        const id = saved.rows[0]!.id;
        const episodes = await confirmedEpisodes(tx, clientId, new Map([[passage.entry.id, passage.link]]));
        const episode = episodes.find((e) => e.id === id)!;
        tx.audit({
          ...event,
          subjectType: 'ccrt_episode',
          subjectId: id,
          details: { entryId: body.entryId, W: body.W.length, RO: body.RO.length, RS: body.RS.length },
        });
        return { episode };
      }),
  );
};
