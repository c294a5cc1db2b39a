import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { hasRole } from '../../access/actor.js';
import { HttpError } from '../../access/errors.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { invitationEmail } from './invitation-email.js';
import {
  findInvitation,
  Invitation,
  practiceDetails,
  reissueInvitation,
  toInvitation,
  type InvitationRow,
} from './invitation-record.js';
import { refuse } from '../../access/refuse.js';

/**
 * Resend (new token, new expiry, new e-mail; the old link stops working) and revoke. An admin may act
 * on any invitation of the practice, a therapist on the ones they sent; anything else is "not found".
 */
const Params = Type.Object({ id: Uuid });

async function invitationFor(tx: Scoped, id: string, event: AuditInput): Promise<InvitationRow> {
  await tx.query('SELECT 1 FROM invitations WHERE id = $1 FOR UPDATE', [id]);
  const row = await findInvitation(tx, id);
  if (!row || (!hasRole(tx.actor, 'admin') && row.invited_by !== tx.actor.userId)) {
    refuse(tx, event, 404, 'not_found', 'That invitation does not exist, or it is not one you can change.');
  }
  return row;
}

export const changeInvitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const preHandler = guard(app.ctx.access, { roles: ['admin', 'therapist'] });

  app.post(
    '/api/invitations/:id/resend',
    {
      preHandler,
      schema: {
        tags: ['invitations'],
        summary: 'Send an invitation again with a new link and a new 7-day expiry (the old link stops working)',
        params: Params,
        response: withErrors({ 200: Invitation }),
      },
    },
    async (request) => {
      const { config } = app.ctx;
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const event = { action: 'invitation.resent' as const, subjectType: 'invitation', subjectId: request.params.id };
        const row = await invitationFor(tx, request.params.id, event);
        if (row.status === 'accepted') {
          refuse(tx, event, 409, 'invitation_accepted', 'This invitation has already been accepted.');
        }
        if (row.status === 'revoked') {
          refuse(
            tx,
            event,
            409,
            'invitation_revoked',
            'This invitation was withdrawn. Create a new invitation if you would like to invite this person again.',
          );
        }
        const issued = await reissueInvitation(tx, row.id, config.publicUrl);
        const practice = await practiceDetails(tx);
        const outboxId = await enqueueEmail(
          tx,
          invitationEmail({
            to: row.email,
            displayName: row.display_name,
            inviterName: row.invited_by_name,
            practiceName: practice.name,
            timeZone: practice.timeZone,
            role: row.role,
            link: issued.link,
            expiresAt: issued.expiresAt,
          }),
          config.smtpUrl !== undefined,
        );
        tx.audit({ ...event, details: { role: row.role, outboxId } });
        const updated = await findInvitation(tx, row.id);
        if (!updated) throw new HttpError(404, 'That invitation no longer exists.', 'not_found');
        return toInvitation(updated);
      });
    },
  );

  app.delete(
    '/api/invitations/:id',
    {
      preHandler,
      schema: {
        tags: ['invitations'],
        summary: 'Withdraw an invitation: its link stops working at once',
        params: Params,
        response: withErrors({ 200: Invitation }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const event = {
          action: 'invitation.revoked' as const,
          subjectType: 'invitation',
          subjectId: request.params.id,
        };
        const row = await invitationFor(tx, request.params.id, event);
        if (row.status === 'accepted') {
          refuse(
            tx,
            event,
            409,
            'invitation_accepted',
            'This invitation has already been accepted, so it cannot be withdrawn. To stop this person signing in, ' +
              'switch their account off under People.',
          );
        }
        await tx.query('UPDATE invitations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [row.id]);
        tx.audit({ ...event, details: { role: row.role, alreadyRevoked: row.status === 'revoked' } });
        const updated = await findInvitation(tx, row.id);
        if (!updated) throw new HttpError(404, 'That invitation no longer exists.', 'not_found');
        return toInvitation(updated);
      }),
  );
};
