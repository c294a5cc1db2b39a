import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { SafetyPlan } from './safeguarding-schemas.js';
import { latestSafetyPlan } from './safety-plan-record.js';

/** GET /api/safeguarding/my/safety-plan (client): their own safety plan, one tap from every page. */
export const mySafetyPlanRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/my/safety-plan',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: { tags: ['safeguarding'], summary: 'My safety plan', response: withErrors({ 200: SafetyPlan }) },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = selfId(tx);
        const plan = await latestSafetyPlan(tx, clientId);
        tx.audit({
          action: 'safeguarding.own_safety_plan_viewed',
          subjectType: 'safety_plan',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { version: plan.version },
        });
        return plan;
      }),
  );
};
