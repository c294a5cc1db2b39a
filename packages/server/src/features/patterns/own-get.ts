import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CLIENT_VIEW } from '@undercurrent/clinical/patterns';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { ownViewOn } from './own-settings-record.js';
import { NormQuery, OwnPatterns } from './patterns-schemas.js';
import { ownMaterial } from './patterns-sources.js';
import { buildPatterns } from './patterns-view.js';

/**
 * GET /api/patterns/me (the client, once they turned it on): the pattern aids over all my own entries,
 * shared and private — never my therapist's notes. Only the client role reaches it, and it reads only
 * the signed-in client's own entries, so no staff role can ever see patterns drawn from private entries.
 */
export const ownPatternsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patterns/me',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['patterns'],
        summary: 'My own patterns, over all my entries',
        querystring: NormQuery,
        response: withErrors({ 200: OwnPatterns }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const event = {
          action: 'patterns.own_viewed' as const,
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
        };
        if (!(await ownViewOn(tx, clientId))) {
          refuse(tx, event, 409, 'not_turned_on', 'Your patterns view is off. Turn on “My patterns” to see it.');
        }
        const material = await ownMaterial(tx, clientId);
        const view = buildPatterns(material, CLIENT_VIEW, {
          norm: request.query.norm ?? 'women',
          viewKey: `own|${tx.actor.practiceId}|${clientId}`,
        });
        tx.audit({ ...event, details: { entries: view.summary.entries, dreams: view.dreams.count } });
        return view;
      }),
  );
};
