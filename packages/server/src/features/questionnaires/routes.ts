import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { getMyQuestionnaireRoute } from './my-questionnaire-get.js';
import { submitMyQuestionnaireRoute } from './my-questionnaire-submit.js';
import { listMyQuestionnairesRoute } from './my-questionnaires-list.js';
import { saveMyAnswerRoute } from './my-answer-save.js';
import { listQuestionnairesRoute } from './questionnaires-list.js';
import { sendNowRoute } from './requests-send-now.js';
import { addScheduleRoute } from './schedules-add.js';
import { stopScheduleRoute } from './schedules-stop.js';

/**
 * Questionnaires for clients: schedules per episode and requests (the therapist caring for the
 * client), and completion in the portal (the client). Each route lives in its own file.
 */
export const questionnaireRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      listQuestionnairesRoute,
      addScheduleRoute,
      stopScheduleRoute,
      sendNowRoute,
      listMyQuestionnairesRoute,
      getMyQuestionnaireRoute,
      saveMyAnswerRoute,
      submitMyQuestionnaireRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
