import type { Region } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';

/** How risk language in a private entry reaches the therapist: never (the client is invited to tell), or always. */
export type PrivateEntryAlerts = 'never' | 'always';

export interface SafeguardingSettings {
  policyText: string;
  policyVersion: number;
  privateEntryAlerts: PrivateEntryAlerts;
  escalateAfterMinutes: number;
  clinicalLeadId: string | null;
  region: Region;
  addedPhrases: string[];
  removedPhrases: string[];
}

/** The written policy a practice starts with, in plain words; the admin may rewrite it. */
export const DEFAULT_POLICY_TEXT = [
  'What you write in your journal is yours. Your therapist reads only the entries you choose to share.',
  'If something you write or answer suggests you might be at risk of harming yourself, we will show you where to get help straight away.',
  'If you share an entry, or answer a questionnaire, that suggests you are at risk, your therapist is told, so they can talk it through with you.',
  'If a private entry suggests you are at risk, we will invite you to tell your therapist. We will not tell them for you.',
  'If your therapist believes you, or someone else, are at serious risk of harm, they may need to speak to someone else to keep you safe. Where they can, they will talk to you first.',
].join('\n\n');

export const DEFAULT_ESCALATE_AFTER_MINUTES = 240;

interface SettingsRow {
  policy_text: string;
  policy_version: number;
  private_entry_alerts: PrivateEntryAlerts;
  escalate_after_minutes: number;
  clinical_lead_id: string | null;
  region: Region;
  added_phrases: string[];
  removed_phrases: string[];
}

/** The practice's saved settings, or the defaults (region from the practice's time zone) when it has saved none. */
export async function loadSafeguardingSettings(tx: Scoped): Promise<SafeguardingSettings> {
  const result = await tx.query<SettingsRow & { time_zone: string }>(
    `SELECT s.policy_text, s.policy_version, s.private_entry_alerts, s.escalate_after_minutes, s.clinical_lead_id,
            s.region, s.added_phrases, s.removed_phrases, p.time_zone
       FROM practices p LEFT JOIN safeguarding_settings s ON s.practice_id = p.id
      WHERE p.id = app_practice_id()`,
  );
  const row = result.rows[0];
  if (!row?.policy_text) {
    const zone = row?.time_zone ?? 'Europe/London';
    const us = zone.startsWith('America/') || zone.startsWith('US/') || zone === 'Pacific/Honolulu';
    return {
      policyText: DEFAULT_POLICY_TEXT,
      policyVersion: 1,
      privateEntryAlerts: 'never',
      escalateAfterMinutes: DEFAULT_ESCALATE_AFTER_MINUTES,
      clinicalLeadId: null,
      region: us ? 'US' : 'GB',
      addedPhrases: [],
      removedPhrases: [],
    };
  }
  return {
    policyText: row.policy_text,
    policyVersion: row.policy_version,
    privateEntryAlerts: row.private_entry_alerts,
    escalateAfterMinutes: row.escalate_after_minutes,
    clinicalLeadId: row.clinical_lead_id,
    region: row.region,
    addedPhrases: row.added_phrases,
    removedPhrases: row.removed_phrases,
  };
}

/** Saves the settings; the policy's version counts up when its words change. */
export async function saveSafeguardingSettings(
  tx: Scoped,
  settings: Omit<SafeguardingSettings, 'policyVersion'>,
  by: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO safeguarding_settings (practice_id, policy_text, policy_version, private_entry_alerts,
       escalate_after_minutes, clinical_lead_id, region, added_phrases, removed_phrases, updated_at, updated_by)
     VALUES (app_practice_id(), $1, CASE WHEN $1 = $9 THEN 1 ELSE 2 END, $2, $3, $4, $5, $6, $7, now(), $8)
     ON CONFLICT (practice_id) DO UPDATE SET
       policy_version = safeguarding_settings.policy_version
         + CASE WHEN safeguarding_settings.policy_text = EXCLUDED.policy_text THEN 0 ELSE 1 END,
       policy_text = EXCLUDED.policy_text, private_entry_alerts = EXCLUDED.private_entry_alerts,
       escalate_after_minutes = EXCLUDED.escalate_after_minutes, clinical_lead_id = EXCLUDED.clinical_lead_id,
       region = EXCLUDED.region, added_phrases = EXCLUDED.added_phrases, removed_phrases = EXCLUDED.removed_phrases,
       updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [
      settings.policyText,
      settings.privateEntryAlerts,
      settings.escalateAfterMinutes,
      settings.clinicalLeadId,
      settings.region,
      settings.addedPhrases,
      settings.removedPhrases,
      by,
      DEFAULT_POLICY_TEXT,
    ],
  );
}

/**
 * Who escalated alerts go to: the practice's chosen clinical lead, or — when it has chosen none —
 * its longest-standing active admin, so an escalation always reaches a person.
 */
export async function clinicalLeadOf(tx: Scoped, settings: SafeguardingSettings): Promise<string | null> {
  if (settings.clinicalLeadId) return settings.clinicalLeadId;
  const admin = await tx.query<{ id: string }>(
    `SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.practice_id = u.practice_id AND m.role = 'admin'
      WHERE u.practice_id = app_practice_id() AND u.status = 'active'
      ORDER BY u.created_at LIMIT 1`,
  );
  return admin.rows[0]?.id ?? null;
}
