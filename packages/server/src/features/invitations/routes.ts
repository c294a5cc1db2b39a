import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { invitationPublicRoutes } from './accept-invitation.js';
import { changeInvitationRoutes } from './change-invitation.js';
import { createInvitationRoute } from './create-invitation.js';
import { listInvitationsRoute } from './list-invitations.js';

/** Invitations: admins and therapists send them; the invited person looks one up and accepts it. */
export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await listInvitationsRoute(app, {});
  await createInvitationRoute(app, {});
  await changeInvitationRoutes(app, {});
  await invitationPublicRoutes(app, {});
};
