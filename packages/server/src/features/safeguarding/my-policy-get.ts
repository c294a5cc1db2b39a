import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { myPolicy } from './policy-record.js';
import { MyPolicy } from './safeguarding-schemas.js';

/**
 * GET /api/safeguarding/my/policy (client): the practice's written policy, what happens when they
 * write something worrying, and whether they have agreed to the current version (the web app shows
 * the policy step until they have).
 */
export const myPolicyRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/my/policy',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "The practice's safeguarding policy and my agreement to it",
        response: withErrors({ 200: MyPolicy }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const policy = await myPolicy(tx, clientId);
        // Reading the practice's policy opens nobody's record: no subject person, so it stays out of
        // "who opened my record" (the gate reads it on every visit).
        tx.audit({
          action: 'safeguarding.policy_viewed',
          subjectType: 'safeguarding_policy',
          subjectId: tx.actor.practiceId,
          details: { version: policy.policyVersion, needsAgreement: policy.needsAgreement },
        });
        return policy;
      }),
  );
};
