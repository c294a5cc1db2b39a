import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { hasRole } from '../../access/actor.js';
import { HttpError } from '../../access/errors.js';
import { normaliseEmail } from '../../accounts/users.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { DisplayName, Email, RoleSchema, withErrors } from '../../http/schemas.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { invitationEmail } from './invitation-email.js';
import { findInvitation, Invitation, issueInvitation, practiceDetails, toInvitation } from './invitation-record.js';
import { refuse } from '../../access/refuse.js';

/**
 * POST /api/invitations: an admin invites anyone; a therapist invites clients only (and becomes their
 * therapist when the invitation is accepted). The e-mail goes through the outbox in the same
 * transaction, so an invitation never exists without its message.
 */
export async function inviterName(tx: Scoped): Promise<string> {
  const result = await tx.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [
    tx.actor.userId,
  ]);
  return result.rows[0]?.display_name ?? 'Your practice';
}

export const createInvitationRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/invitations',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['invitations'],
        summary: 'Invite a person by e-mail (admin: any role; therapist: clients only)',
        body: Type.Object(
          { email: Email, displayName: DisplayName, role: RoleSchema },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: Invitation }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const email = normaliseEmail(request.body.email);
      const displayName = request.body.displayName.trim();
      const role = request.body.role;
      if (!displayName) throw new HttpError(400, 'Enter the name of the person you are inviting.', 'invalid_request');
      const { config } = app.ctx;
      const invitation = await app.ctx.access.run(actor, async (tx) => {
        const event = { action: 'invitation.created' as const, subjectType: 'invitation', details: { role } };
        if (role !== 'client' && !hasRole(actor, 'admin')) {
          tx.deny('Therapists can invite clients only. Ask a practice administrator to invite a colleague.', event);
        }
        // One invitation decision at a time per address, so two clicks cannot create two pending invitations.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `undercurrent-invite:${actor.practiceId}:${email}`,
        ]);
        const existing = await tx.query<{ status: string }>('SELECT status FROM users WHERE email = $1', [email]);
        const person = existing.rows[0];
        if (person?.status === 'active') {
          refuse(
            tx,
            event,
            409,
            'already_member',
            `${email} already has an account at this practice. To give them another role, change their roles under People.`,
          );
        }
        if (person) {
          refuse(
            tx,
            event,
            409,
            'account_disabled',
            `${email} has an account at this practice that is switched off. An administrator can switch it back on under People.`,
          );
        }
        const pending = await tx.query(
          `SELECT 1 FROM invitations WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
          [email],
        );
        if ((pending.rowCount ?? 0) > 0) {
          refuse(
            tx,
            event,
            409,
            'invitation_pending',
            `There is already an invitation waiting for ${email}. Resend that one instead of creating another.`,
          );
        }
        if (!actor.userId) throw new Error('an invitation needs a signed-in inviter');
        const issued = await issueInvitation(tx, {
          email,
          displayName,
          role,
          invitedBy: actor.userId,
          publicUrl: config.publicUrl,
        });
        const practice = await practiceDetails(tx);
        const outboxId = await enqueueEmail(
          tx,
          invitationEmail({
            to: email,
            displayName,
            inviterName: await inviterName(tx),
            practiceName: practice.name,
            timeZone: practice.timeZone,
            role,
            link: issued.link,
            expiresAt: issued.expiresAt,
          }),
          config.smtpUrl !== undefined,
        );
        tx.audit({ ...event, subjectId: issued.id, details: { role, outboxId } });
        const row = await findInvitation(tx, issued.id);
        if (!row) throw new Error('invitation vanished after insert');
        return toInvitation(row);
      });
      return reply.status(201).send(invitation);
    },
  );
};
