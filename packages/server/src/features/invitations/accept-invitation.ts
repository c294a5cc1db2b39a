import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { assessPassword, hashPassword } from '../../accounts/password-policy.js';
import { createUser, stageAfterPassword } from '../../accounts/users.js';
import type { AppContext } from '../../context.js';
import { requestActor, setSessionCookie } from '../../http/authenticate.js';
import { DisplayName, Password, RoleSchema, withErrors } from '../../http/schemas.js';
import { createSession } from '../../sessions/session-store.js';
import { hashSecret, parseToken, type ScopedToken } from '../../sessions/tokens.js';
import { formatDeadline } from './invitation-email.js';
import { findInvitation, practiceDetails, type InvitationRow } from './invitation-record.js';
import { refuse } from '../../access/refuse.js';

/**
 * The public side of an invitation: look it up (to show "you are invited to …") and accept it, which
 * creates the person with their chosen password and signs them in. Staff start at 'mfa_enrolment',
 * clients at 'active'. A client invited by a therapist is put in that therapist's care.
 *
 * An e-mail address that already has an account at the practice is refused rather than merged: the
 * accept form would otherwise become a second, unthrottled place to try an existing account's password.
 * Creating such an invitation is refused too (409), so this only happens if the account appeared after
 * the invitation was sent. The one exception is the password-less account an accepted enquiry
 * prepared for this very invitation: accepting sets its password.
 */
const TokenText = Type.String({ minLength: 1, maxLength: 200 });
const GONE = { error: Type.Ref('ErrorResponse') };

const NOT_FOUND =
  'We could not find this invitation. Check that the whole link was copied from the e-mail, or ask the person who ' +
  'invited you to send a new one.';

async function tokenInPractice(ctx: AppContext, raw: string): Promise<ScopedToken> {
  const token = parseToken(raw);
  if (!token) throw new HttpError(404, NOT_FOUND, 'invitation_not_found');
  const practices = await ctx.access.listPractices();
  if (!practices.some((p) => p.id === token.practiceId)) throw new HttpError(404, NOT_FOUND, 'invitation_not_found');
  return token;
}

/** Finds the invitation a token names and refuses (audited) one that cannot be used. */
async function usableInvitation(
  tx: Scoped,
  secret: string,
  action: 'invitation.viewed' | 'invitation.accepted',
  lock: boolean,
): Promise<InvitationRow> {
  const found = await tx.query<{ id: string }>(
    `SELECT id FROM invitations WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [hashSecret(secret)],
  );
  const id = found.rows[0]?.id;
  const event = { action, subjectType: 'invitation', ...(id ? { subjectId: id } : {}) };
  const row = id ? await findInvitation(tx, id) : undefined;
  if (!row) refuse(tx, event, 404, 'invitation_not_found', NOT_FOUND);
  if (row.status === 'accepted') {
    refuse(
      tx,
      event,
      410,
      'invitation_used',
      'This invitation has already been used. If that was you, sign in instead. If not, ask the person who invited ' +
        'you for a new invitation.',
    );
  }
  if (row.status === 'revoked') {
    refuse(
      tx,
      event,
      410,
      'invitation_revoked',
      'This invitation was withdrawn. If you think that is a mistake, ask the person who invited you for a new invitation.',
    );
  }
  if (row.status === 'expired') {
    const practice = await practiceDetails(tx);
    refuse(
      tx,
      event,
      410,
      'invitation_expired',
      `This invitation expired on ${formatDeadline(row.expires_at, practice.timeZone)}. Invitations last 7 days; ` +
        'ask the person who invited you for a new invitation.',
    );
  }
  return row;
}

/**
 * The account an accepted enquiry prepared for this invitation, while it still has no password
 * (intake's `convertToClient`): accepting the invitation completes it rather than making another.
 */
async function preparedAccount(tx: Scoped, invitationId: string): Promise<string | undefined> {
  const found = await tx.query<{ id: string }>(
    `SELECT u.id FROM invitations i JOIN users u ON u.practice_id = i.practice_id AND u.id = i.prepared_user_id
      WHERE i.id = $1 AND u.password_hash IS NULL AND u.status = 'active'`,
    [invitationId],
  );
  return found.rows[0]?.id;
}

async function setPreparedPassword(tx: Scoped, userId: string, displayName: string, hash: string): Promise<string> {
  await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now(), display_name = $3 WHERE id = $1', [
    userId,
    hash,
    displayName,
  ]);
  return userId;
}

function sessionPolicy(ctx: AppContext) {
  return {
    staffIdleMinutes: ctx.config.staffIdleMinutes,
    clientIdleMinutes: ctx.config.clientIdleMinutes,
    absoluteHours: ctx.config.sessionAbsoluteHours,
  };
}

async function acceptInvitation(
  ctx: AppContext,
  request: FastifyRequest,
  token: ScopedToken,
  input: { password: string; displayName?: string | undefined },
) {
  return ctx.access.run(requestActor(request, token.practiceId), async (tx) => {
    const row = await usableInvitation(tx, token.secret, 'invitation.accepted', true);
    const practice = await practiceDetails(tx);
    const displayName = input.displayName?.trim() || row.display_name;
    const assessment = assessPassword(input.password, [row.email, displayName, practice.name]);
    if (!assessment.acceptable) {
      throw new HttpError(400, assessment.problem ?? 'Choose a stronger password.', 'weak_password');
    }
    const event = { action: 'invitation.accepted' as const, subjectType: 'invitation', subjectId: row.id };
    // One decision per address at a time (the lock creating invitations takes too): two invitations
    // for one address accepted together must not both pass the check below and race to insert.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `undercurrent-invite:${tx.actor.practiceId}:${row.email}`,
    ]);
    const prepared = await preparedAccount(tx, row.id);
    const existing = await tx.query('SELECT 1 FROM users WHERE email = $1', [row.email]);
    if (!prepared && (existing.rowCount ?? 0) > 0) {
      refuse(
        tx,
        event,
        409,
        'already_member',
        `There is already an account for ${row.email} at ${practice.name}, so this invitation cannot create another. ` +
          'Sign in with that account instead (use “Forgotten your password?” if you need to), and ask an ' +
          'administrator if you need a different role.',
      );
    }
    const passwordHash = await hashPassword(input.password);
    const userId = prepared
      ? await setPreparedPassword(tx, prepared, displayName, passwordHash)
      : await createUser(tx, { email: row.email, displayName, passwordHash, roles: [row.role] });
    let careAssigned = false;
    if (row.role === 'client') {
      const assigned = await tx.query(
        `INSERT INTO care_assignments (practice_id, therapist_id, client_id)
         SELECT $1, m.user_id, $3 FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.user_id = $2 AND m.role = 'therapist' AND u.status = 'active'
         ON CONFLICT DO NOTHING`,
        [tx.actor.practiceId, row.invited_by, userId],
      );
      careAssigned = (assigned.rowCount ?? 0) > 0;
    }
    await tx.query('UPDATE invitations SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1', [row.id, userId]);
    // Accepting signs the person in: their first sign-in.
    await tx.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [userId]);
    const stage = stageAfterPassword({
      roles: [row.role],
      mfa: { totp: false, passkeys: 0, recoveryCodesLeft: 0 },
      demoSkip: false,
    });
    const session = await createSession(tx, {
      userId,
      stage,
      roles: [row.role],
      policy: sessionPolicy(ctx),
      userAgent: request.headers['user-agent'],
      ip: request.ip,
    });
    tx.audit({
      action: 'account.created',
      subjectType: 'user',
      subjectId: userId,
      subjectUserId: userId,
      details: { role: row.role, via: prepared ? 'intake_invitation' : 'invitation' },
    });
    tx.audit({ ...event, subjectUserId: userId, details: { role: row.role, careAssigned, sessionId: session.id } });
    return { stage, session };
  });
}

export const invitationPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/invitations/lookup/:token',
    {
      schema: {
        tags: ['invitations', 'public'],
        summary: 'What an invitation link is for (shown before the person chooses a password)',
        params: Type.Object({ token: TokenText }),
        response: withErrors({
          200: Type.Object({
            practiceName: Type.String(),
            email: Type.String(),
            displayName: Type.String(),
            role: RoleSchema,
            expiresAt: Type.String({ format: 'date-time' }),
            staff: Type.Boolean(),
          }),
          410: GONE.error,
        }),
      },
    },
    async (request) => {
      const token = await tokenInPractice(app.ctx, request.params.token);
      return app.ctx.access.run(requestActor(request, token.practiceId), async (tx) => {
        const row = await usableInvitation(tx, token.secret, 'invitation.viewed', false);
        const practice = await practiceDetails(tx);
        tx.audit({
          action: 'invitation.viewed',
          subjectType: 'invitation',
          subjectId: row.id,
          details: { public: true },
        });
        return {
          practiceName: practice.name,
          email: row.email,
          displayName: row.display_name,
          role: row.role,
          expiresAt: row.expires_at.toISOString(),
          staff: row.role !== 'client',
        };
      });
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      schema: {
        tags: ['invitations', 'public'],
        summary: 'Accept an invitation: create the account with a password and sign in',
        body: Type.Object(
          { token: TokenText, password: Password, displayName: Type.Optional(DisplayName) },
          { additionalProperties: false },
        ),
        response: withErrors({
          201: Type.Object({
            stage: Type.Union([Type.Literal('mfa_required'), Type.Literal('mfa_enrolment'), Type.Literal('active')]),
          }),
          410: GONE.error,
        }),
      },
    },
    async (request, reply) => {
      const token = await tokenInPractice(app.ctx, request.body.token);
      const { stage, session } = await acceptInvitation(app.ctx, request, token, {
        password: request.body.password,
        displayName: request.body.displayName,
      });
      setSessionCookie(reply, app.ctx.cookie, token.practiceId, session);
      return reply.status(201).send({ stage });
    },
  );
};
