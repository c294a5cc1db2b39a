import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_RISK_PHRASES } from '@undercurrent/clinical';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { Settings } from './safeguarding-schemas.js';
import { loadSafeguardingSettings } from './settings-record.js';

/** GET /api/safeguarding/settings (admin): the policy, alerting, escalation, clinical lead, region and phrase list. */
export const getSafeguardingSettingsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "The practice's safeguarding settings",
        response: withErrors({ 200: Settings }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const settings = await loadSafeguardingSettings(tx);
        tx.audit({
          action: 'safeguarding.settings_viewed',
          subjectType: 'safeguarding_settings',
          subjectId: tx.actor.practiceId,
        });
        return { ...settings, defaultPhrases: [...DEFAULT_RISK_PHRASES] };
      }),
  );
};
