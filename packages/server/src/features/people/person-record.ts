import { Type, type Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import type { Role } from '../../db/schema.js';
import { RoleSchema, Uuid } from '../../http/schemas.js';

/** A person as the People screen shows them: identity, roles, status, whether MFA is set up. */
export const PersonStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

export const Person = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  email: Type.String(),
  roles: Type.Array(RoleSchema),
  status: PersonStatus,
  mfaEnabled: Type.Boolean(),
  lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Person = Static<typeof Person>;

interface PersonRow {
  id: string;
  display_name: string;
  email: string;
  roles: Role[];
  status: 'active' | 'disabled';
  mfa_enabled: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
}

export interface PeopleFilter {
  role?: Role | undefined;
  status?: 'active' | 'disabled' | undefined;
  /** Only this therapist's current clients (care_assignments). */
  clientsOf?: string | undefined;
  id?: string | undefined;
}

export async function findPeople(tx: Scoped, filter: PeopleFilter): Promise<Person[]> {
  const result = await tx.query<PersonRow>(
    `SELECT u.id, u.display_name, u.email, u.status, u.last_sign_in_at, u.created_at,
            coalesce((SELECT array_agg(m.role ORDER BY m.role) FROM memberships m WHERE m.user_id = u.id), '{}')
              AS roles,
            (EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL)
              OR EXISTS (SELECT 1 FROM mfa_passkeys p WHERE p.user_id = u.id)) AS mfa_enabled
       FROM users u
      WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = $1))
        AND ($2::text IS NULL OR u.status = $2)
        AND ($3::uuid IS NULL OR (
              EXISTS (SELECT 1 FROM care_assignments c
                       WHERE c.therapist_id = $3 AND c.client_id = u.id AND c.ended_at IS NULL)
              AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = 'client')))
        AND ($4::uuid IS NULL OR u.id = $4)
      ORDER BY lower(u.display_name), u.id`,
    [filter.role ?? null, filter.status ?? null, filter.clientsOf ?? null, filter.id ?? null],
  );
  return result.rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    status: row.status,
    mfaEnabled: row.mfa_enabled,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }));
}
