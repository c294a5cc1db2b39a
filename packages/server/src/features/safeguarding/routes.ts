import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { acknowledgeAlertRoute } from './alert-acknowledge.js';
import { listAlertsRoute } from './alerts-list.js';
import { openAlertCountRoute } from './alerts-open-count.js';
import { createDecisionRoute } from './decision-create.js';
import { getRiskRecordRoute } from './risk-record-get.js';
import { getSafeguardingSettingsRoute } from './settings-get.js';
import { putSafeguardingSettingsRoute } from './settings-put.js';
import { getSafetyPlanRoute } from './safety-plan-get.js';
import { saveSafetyPlanRoute } from './safety-plan-save.js';
import { mySafetyPlanRoute } from './my-safety-plan.js';
import { demoRunAlertsRoute } from './demo-clock.js';
import { myPolicyRoute } from './my-policy-get.js';
import { agreeToPolicyRoute } from './my-policy-agree.js';
import { getLocalResourcesRoute } from './crisis-resources-get.js';
import { putLocalResourcesRoute } from './crisis-resources-put.js';

/**
 * Safeguarding: alerts (raised by the questionnaire and risk-language triggers, alert-raise.ts),
 * acknowledgement, the risk record's decision log, the practice's settings and own crisis resources, the
 * client's agreement to the written policy, the safety plan. Escalation is the
 * safeguarding-alerts job. Each route lives in its own file.
 */
export const safeguardingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      listAlertsRoute,
      openAlertCountRoute,
      acknowledgeAlertRoute,
      getRiskRecordRoute,
      createDecisionRoute,
      getSafeguardingSettingsRoute,
      putSafeguardingSettingsRoute,
      getSafetyPlanRoute,
      saveSafetyPlanRoute,
      mySafetyPlanRoute,
      demoRunAlertsRoute,
      myPolicyRoute,
      agreeToPolicyRoute,
      getLocalResourcesRoute,
      putLocalResourcesRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
