import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient } from '../frame/care-access.js';
import { SafetyPlan } from './safeguarding-schemas.js';
import { latestSafetyPlan } from './safety-plan-record.js';

/** GET /api/safeguarding/clients/:clientId/safety-plan (therapist caring for the client): the latest version. */
export const getSafetyPlanRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/safeguarding/clients/:clientId/safety-plan',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "A client's safety plan",
        params: Type.Object({ clientId: Uuid }),
        response: withErrors({ 200: SafetyPlan }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        await requireOwnClient(tx, clientId, 'safeguarding.safety_plan_viewed');
        const plan = await latestSafetyPlan(tx, clientId);
        tx.audit({
          action: 'safeguarding.safety_plan_viewed',
          subjectType: 'safety_plan',
          subjectId: clientId,
          subjectUserId: clientId,
          details: { version: plan.version },
        });
        return plan;
      }),
  );
};
