import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { ownViewOn } from './own-settings-record.js';
import { OwnPatternsSettings } from './patterns-schemas.js';

/** GET /api/patterns/me/settings (client): whether my own "my patterns" view is on. */
export const ownSettingsGetRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/patterns/me/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['patterns'],
        summary: 'Whether my own patterns view is on',
        response: withErrors({ 200: OwnPatternsSettings }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const ownView = await ownViewOn(tx, clientId);
        tx.audit({
          action: 'patterns.own_settings_viewed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
        });
        return { ownView };
      }),
  );
};
