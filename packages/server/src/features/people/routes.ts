import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listPeopleRoute } from './list-people.js';
import { updatePersonRoute } from './update-person.js';

/** People in the practice: who they are, their roles, and switching accounts on and off. */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await listPeopleRoute(app, {});
  await updatePersonRoute(app, {});
};
