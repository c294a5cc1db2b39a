import type { Scoped } from '../access/access-layer.js';
import type { Role, SessionStage } from '../db/schema.js';

/** Creating people and deciding what their session may do at sign-in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'client');
}

export async function createUser(
  tx: Scoped,
  input: { email: string; displayName: string; passwordHash: string | null; roles: Role[]; isDemo?: boolean },
): Promise<string> {
  const created = await tx.query<{ id: string }>(
    `INSERT INTO users (practice_id, email, display_name, password_hash, is_demo, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
    [
      tx.actor.practiceId,
      normaliseEmail(input.email),
      input.displayName.trim(),
      input.passwordHash,
      input.isDemo ?? false,
    ],
  );
  const id = created.rows[0]?.id;
  if (!id) throw new Error('user insert returned no id');
  await addRoles(tx, id, input.roles);
  return id;
}

export async function addRoles(tx: Scoped, userId: string, roles: Role[]): Promise<void> {
  for (const role of new Set(roles)) {
    await tx.query(
      `INSERT INTO memberships (practice_id, user_id, role, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [tx.actor.practiceId, userId, role, tx.actor.userId],
    );
  }
}

export async function rolesOf(tx: Scoped, userId: string): Promise<Role[]> {
  const result = await tx.query<{ role: Role }>('SELECT role FROM memberships WHERE user_id = $1 ORDER BY role', [
    userId,
  ]);
  return result.rows.map((r) => r.role);
}

export interface MfaState {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

export async function mfaState(tx: Scoped, userId: string): Promise<MfaState> {
  const result = await tx.query<{ totp: boolean; passkeys: number; codes: number }>(
    `SELECT EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
            (SELECT count(*)::int FROM mfa_passkeys WHERE user_id = $1) AS passkeys,
            (SELECT count(*)::int FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS codes`,
    [userId],
  );
  const row = result.rows[0];
  return { totp: row?.totp ?? false, passkeys: row?.passkeys ?? 0, recoveryCodesLeft: row?.codes ?? 0 };
}

export function hasMfa(state: MfaState): boolean {
  return state.totp || state.passkeys > 0;
}

/**
 * After a correct password: anyone with MFA set up must pass it; staff without MFA must enrol
 * before doing anything else — except demo staff on a demo practice in demo mode, the only case
 * where MFA is skipped (a real practice never allows it).
 */
export function stageAfterPassword(input: { roles: readonly Role[]; mfa: MfaState; demoSkip: boolean }): SessionStage {
  if (hasMfa(input.mfa)) return 'mfa_required';
  if (isStaff(input.roles) && !input.demoSkip) return 'mfa_enrolment';
  return 'active';
}
