import type { Scoped } from '../../access/access-layer.js';
import { loadSafeguardingSettings } from './settings-record.js';

/** Where a client stands with the practice's written policy: the current version and their latest agreement. */
export interface PolicyAgreementState {
  /** The policy's current version. */
  currentVersion: number;
  /** The latest version the client agreed to, or null when they never have. */
  agreedVersion: number | null;
  agreedAt: Date | null;
  /** True when the client has agreed to the current version. */
  agreed: boolean;
}

/** A client's latest agreement, compared with the current policy version. */
export async function policyAgreementOf(
  tx: Scoped,
  clientId: string,
  currentVersion: number,
): Promise<PolicyAgreementState> {
  const found = await tx.query<{ policy_version: number; agreed_at: Date }>(
    `SELECT policy_version, agreed_at FROM policy_agreements
      WHERE practice_id = app_practice_id() AND client_id = $1
      ORDER BY policy_version DESC LIMIT 1`,
    [clientId],
  );
  const row = found.rows[0];
  return {
    currentVersion,
    agreedVersion: row?.policy_version ?? null,
    agreedAt: row?.agreed_at ?? null,
    agreed: row !== undefined && row.policy_version >= currentVersion,
  };
}

/** Records the client's agreement to a version (once per version: agreeing again changes nothing). */
export async function recordPolicyAgreement(tx: Scoped, clientId: string, version: number): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO policy_agreements (practice_id, client_id, policy_version) VALUES (app_practice_id(), $1, $2)
     ON CONFLICT (practice_id, client_id, policy_version) DO NOTHING`,
    [clientId, version],
  );
  return (inserted.rowCount ?? 0) > 0;
}

/** The current policy with the client's standing, as the client's policy step shows it. */
export async function myPolicy(tx: Scoped, clientId: string) {
  const settings = await loadSafeguardingSettings(tx);
  const state = await policyAgreementOf(tx, clientId, settings.policyVersion);
  return {
    policyText: settings.policyText,
    policyVersion: settings.policyVersion,
    privateEntryAlerts: settings.privateEntryAlerts,
    escalateAfterMinutes: settings.escalateAfterMinutes,
    agreedVersion: state.agreedVersion,
    agreedAt: state.agreedAt?.toISOString() ?? null,
    needsAgreement: !state.agreed,
  };
}
