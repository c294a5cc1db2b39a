import type { Scoped } from '../../access/access-layer.js';
import type { SafetyPlan, SafetyPlanSections } from './safeguarding-schemas.js';

/** Reading and writing a client's safety plan: every version kept, encrypted, the latest shown. */
export const planContext = (id: string) => `safety_plan_versions.plan_enc:${id}`;

export async function latestSafetyPlan(tx: Scoped, clientId: string): Promise<SafetyPlan> {
  const rows = await tx.query<{ id: string; version: number; written_at: Date; written_by: string; plan_enc: string }>(
    `SELECT p.id, p.version, p.written_at, u.display_name AS written_by, p.plan_enc
       FROM safety_plan_versions p JOIN users u ON u.id = p.written_by
      WHERE p.client_id = $1 ORDER BY p.version DESC LIMIT 1`,
    [clientId],
  );
  const row = rows.rows[0];
  if (!row) return { plan: null, version: 0, writtenAt: null, writtenBy: null };
  const plan = JSON.parse(await tx.decrypt(planContext(row.id), row.plan_enc)) as SafetyPlanSections;
  return { plan, version: row.version, writtenAt: row.written_at.toISOString(), writtenBy: row.written_by };
}

/** A new version over `baseVersion`; false when someone saved another version meanwhile. */
export async function writeSafetyPlan(
  tx: Scoped,
  clientId: string,
  id: string,
  baseVersion: number,
  plan: SafetyPlanSections,
  by: string,
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO safety_plan_versions (id, practice_id, client_id, version, written_by, plan_enc)
     SELECT $1, app_practice_id(), $2, $3 + 1, $4, $5
      WHERE coalesce((SELECT max(version) FROM safety_plan_versions WHERE client_id = $2), 0) = $3
     ON CONFLICT DO NOTHING`,
    [id, clientId, baseVersion, by, await tx.encrypt('clinical', planContext(id), JSON.stringify(plan))],
  );
  return inserted.rowCount === 1;
}
