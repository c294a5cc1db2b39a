import { Type, type Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { Role } from '../../db/schema.js';
import { RoleSchema, Uuid } from '../../http/schemas.js';
import { formatToken, hashSecret, newSecret } from '../../sessions/tokens.js';

/**
 * An invitation as the admin screens see it, and the one way an invitation row (with its single-use,
 * hashed token) is created. Used by the routes here and by the admin CLI's create-practice.
 */
export const INVITATION_TTL_DAYS = 7;

/** `invited_by` of invitations the admin CLI issues (there is no person behind them yet). */
export const CLI_INVITER_ID = '00000000-0000-0000-0000-000000000000';
export const CLI_INVITER_NAME = 'The Undercurrent administrator';

export const InvitationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('expired'),
  Type.Literal('revoked'),
]);
export type InvitationStatus = Static<typeof InvitationStatus>;

export const Invitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  status: InvitationStatus,
  invitedByName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type Invitation = Static<typeof Invitation>;

export interface InvitationRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  status: InvitationStatus;
  invited_by: string;
  invited_by_name: string;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
}

/** Status is derived, never stored: accepted, then revoked, then expired, else pending. */
export const INVITATION_SELECT = `
  SELECT i.id, i.email, i.display_name, i.role, i.invited_by, i.created_at, i.expires_at, i.accepted_at,
         coalesce(u.display_name, '${CLI_INVITER_NAME}') AS invited_by_name,
         CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted'
              WHEN i.revoked_at IS NOT NULL THEN 'revoked'
              WHEN i.expires_at <= now() THEN 'expired'
              ELSE 'pending' END AS status
    FROM invitations i LEFT JOIN users u ON u.id = i.invited_by`;

export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    invitedByName: row.invited_by_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
  };
}

export async function findInvitation(tx: Scoped, id: string): Promise<InvitationRow | undefined> {
  const result = await tx.query<InvitationRow>(`${INVITATION_SELECT} WHERE i.id = $1`, [id]);
  return result.rows[0];
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invite/${token}`;
}

export interface IssuedToken {
  token: string;
  link: string;
  expiresAt: Date;
}

function newInvitationToken(practiceId: string, publicUrl: string): IssuedToken & { tokenHash: Buffer } {
  const secret = newSecret();
  const token = formatToken(practiceId, secret);
  return {
    token,
    tokenHash: hashSecret(secret),
    link: invitationLink(publicUrl, token),
    expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
  };
}

/** Inserts an invitation; the token exists only in the returned link (the row keeps its hash). */
export async function issueInvitation(
  tx: Scoped,
  input: { email: string; displayName: string; role: Role; invitedBy: string; publicUrl: string },
): Promise<IssuedToken & { id: string }> {
  const issued = newInvitationToken(tx.actor.practiceId, input.publicUrl);
  const created = await tx.query<{ id: string }>(
    `INSERT INTO invitations (practice_id, email, display_name, role, token_hash, invited_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      tx.actor.practiceId,
      input.email,
      input.displayName,
      input.role,
      issued.tokenHash,
      input.invitedBy,
      issued.expiresAt,
    ],
  );
  const id = created.rows[0]?.id;
  if (!id) throw new Error('invitation insert returned no id');
  return { id, token: issued.token, link: issued.link, expiresAt: issued.expiresAt };
}

/** A new token and expiry for an existing invitation: the old link stops working at once. */
export async function reissueInvitation(tx: Scoped, id: string, publicUrl: string): Promise<IssuedToken> {
  const issued = newInvitationToken(tx.actor.practiceId, publicUrl);
  await tx.query('UPDATE invitations SET token_hash = $2, expires_at = $3 WHERE id = $1', [
    id,
    issued.tokenHash,
    issued.expiresAt,
  ]);
  return { token: issued.token, link: issued.link, expiresAt: issued.expiresAt };
}

export async function practiceDetails(tx: Scoped): Promise<{ name: string; timeZone: string; isDemo: boolean }> {
  const result = await tx.query<{ name: string; time_zone: string; is_demo: boolean }>(
    'SELECT name, time_zone, is_demo FROM practices WHERE id = $1',
    [tx.actor.practiceId],
  );
  const row = result.rows[0];
  if (!row) throw new Error('practice not found in its own scope');
  return { name: row.name, timeZone: row.time_zone, isDemo: row.is_demo };
}
