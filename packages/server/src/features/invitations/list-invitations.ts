import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hasRole } from '../../access/actor.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import {
  Invitation,
  INVITATION_SELECT,
  InvitationStatus,
  toInvitation,
  type InvitationRow,
} from './invitation-record.js';

/** GET /api/invitations: admins see every invitation of the practice, therapists the ones they sent. */
export const listInvitationsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/invitations',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['invitations'],
        summary: 'Invitations: all of the practice’s for an admin, their own for a therapist',
        querystring: Type.Object({ status: Type.Optional(InvitationStatus) }),
        response: withErrors({ 200: Type.Array(Invitation) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ownOnly = !hasRole(actor, 'admin');
      return app.ctx.access.run(actor, async (tx) => {
        const result = await tx.query<InvitationRow>(
          `SELECT * FROM (${INVITATION_SELECT}) AS inv
            WHERE ($1::text IS NULL OR inv.status = $1) AND ($2::uuid IS NULL OR inv.invited_by = $2)
            ORDER BY inv.created_at DESC, inv.id`,
          [request.query.status ?? null, ownOnly ? actor.userId : null],
        );
        tx.audit({
          action: 'invitation.viewed',
          subjectType: 'invitation',
          details: { listed: result.rows.length, status: request.query.status ?? null, ownOnly },
        });
        return result.rows.map(toInvitation);
      });
    },
  );
};
