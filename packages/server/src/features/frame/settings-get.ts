import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from './care-access.js';
import { TherapistSettings } from './frame-schemas.js';
import { loadSettings } from './settings-record.js';

/** GET /api/frame/settings (therapist): my frame settings, or the defaults when I have saved none. */
export const getSettingsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'My frame settings: working hours, session length, time zone, fees, cancellation policy',
        response: withErrors({ 200: TherapistSettings }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const settings = await loadSettings(tx, selfId(tx));
        tx.audit({ action: 'frame.settings_viewed', subjectType: 'therapist_settings', subjectId: selfId(tx) });
        return settings;
      }),
  );
};
