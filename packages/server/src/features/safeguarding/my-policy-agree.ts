import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { myPolicy, recordPolicyAgreement } from './policy-record.js';
import { MyPolicy, PolicyAgreementBody } from './safeguarding-schemas.js';
import { loadSafeguardingSettings } from './settings-record.js';

/**
 * POST /api/safeguarding/my/policy/agreement (the client, for themself only): records that they
 * have read and agree to the version they were shown. A version that is no longer the current one
 * is refused (409) so nobody agrees to words they did not see.
 */
export const agreeToPolicyRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/safeguarding/my/policy/agreement',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['safeguarding'],
        summary: 'I have read and agree to the safeguarding policy',
        body: PolicyAgreementBody,
        response: withErrors({ 200: MyPolicy }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const version = request.body.policyVersion;
        const event: AuditInput = {
          action: 'safeguarding.policy_agreed',
          subjectType: 'safeguarding_policy',
          subjectId: tx.actor.practiceId,
          subjectUserId: clientId,
          details: { version },
        };
        const settings = await loadSafeguardingSettings(tx);
        if (version !== settings.policyVersion) {
          refuse(
            tx,
            event,
            409,
            'policy_changed',
            'The practice has changed its policy since you opened it. Please read the new version, then agree to it.',
          );
        }
        const recorded = await recordPolicyAgreement(tx, clientId, version);
        tx.audit({ ...event, details: { version, recorded } });
        return myPolicy(tx, clientId);
      }),
  );
};
