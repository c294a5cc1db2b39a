import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { OwnPatternsSettings } from './patterns-schemas.js';

/** PUT /api/patterns/me/settings (client): turn my own "my patterns" view on or off. */
export const ownSettingsPutRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/patterns/me/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['patterns'],
        summary: 'Turn my own patterns view on or off',
        body: OwnPatternsSettings,
        response: withErrors({ 200: OwnPatternsSettings }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const { ownView } = request.body;
        await tx.query(
          `INSERT INTO patterns_settings (practice_id, client_id, own_view) VALUES (app_practice_id(), $1, $2)
           ON CONFLICT (practice_id, client_id) DO UPDATE SET own_view = EXCLUDED.own_view, updated_at = now()`,
          [clientId, ownView],
        );
        tx.audit({
          action: 'patterns.own_settings_changed',
          subjectType: 'user',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { ownView },
        });
        return { ownView };
      }),
  );
};
