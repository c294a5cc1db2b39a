import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { SafetyPlan, SafetyPlanSave } from './safeguarding-schemas.js';
import { latestSafetyPlan, writeSafetyPlan } from './safety-plan-record.js';

/**
 * PUT /api/safeguarding/clients/:clientId/safety-plan (therapist caring for the client): saves the
 * plan written together in session as a new version (every version kept, encrypted). A save over a
 * version that is no longer the latest is refused (409) so nobody's words are overwritten unseen.
 */
export const saveSafetyPlanRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/safeguarding/clients/:clientId/safety-plan',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['safeguarding'],
        summary: "Save a client's safety plan (a new version)",
        params: Type.Object({ clientId: Uuid }),
        body: SafetyPlanSave,
        response: withErrors({ 200: SafetyPlan }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const id = crypto.randomUUID();
        const event: AuditInput = {
          action: 'safeguarding.safety_plan_saved',
          subjectType: 'safety_plan',
          subjectId: clientId,
          subjectUserId: clientId,
        };
        await requireOwnClient(tx, clientId, event.action);
        const plan = request.body.plan;
        if (Object.values(plan).every((section) => section.trim() === '')) {
          refuse(tx, event, 400, 'empty_plan', 'Write at least one section of the plan before saving it.');
        }
        const written = await writeSafetyPlan(tx, clientId, id, request.body.baseVersion, plan, selfId(tx));
        if (!written) {
          refuse(
            tx,
            event,
            409,
            'version_changed',
            'The plan was saved from elsewhere since you opened it. Copy your changes, reload the page and add them again.',
          );
        }
        const saved = await latestSafetyPlan(tx, clientId);
        tx.audit({ ...event, details: { version: saved.version } });
        return saved;
      }),
  );
};
