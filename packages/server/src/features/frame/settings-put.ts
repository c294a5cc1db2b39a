import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from './care-access.js';
import { assertNoProblems } from './episodes-field-errors.js';
import { TherapistSettings } from './frame-schemas.js';
import { loadSettings, saveSettings } from './settings-record.js';
import { settingsProblems } from './settings-validation.js';

const SettingsBody = Type.Omit(TherapistSettings, ['currency'], { additionalProperties: false });

/**
 * PUT /api/frame/settings (therapist): saves my frame settings. Episodes already agreed keep the
 * time zone, fee and length they were agreed with; the new values apply to what is agreed next.
 */
export const putSettingsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/frame/settings',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['frame'],
        summary: 'Save my frame settings',
        body: SettingsBody,
        response: withErrors({ 200: TherapistSettings }),
      },
    },
    async (request) => {
      assertNoProblems(settingsProblems(request.body), 'invalid_settings');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = selfId(tx);
        await saveSettings(tx, therapistId, request.body);
        tx.audit({
          action: 'frame.settings_changed',
          subjectType: 'therapist_settings',
          subjectId: therapistId,
          details: {
            timeZone: request.body.timeZone,
            sessionMinutes: request.body.sessionMinutes,
            policyMode: request.body.policy.mode,
          },
        });
        return loadSettings(tx, therapistId);
      });
    },
  );
};
