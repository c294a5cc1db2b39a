import type pg from 'pg';
import { APP_ROLE } from './pool.js';

/** Tables the foundation migration creates; later migrations append theirs. */
export const EXPECTED_TABLES = [
  'practices',
  'users',
  'memberships',
  'care_assignments',
  'invitations',
  'sessions',
  'mfa_totp',
  'mfa_passkeys',
  'mfa_recovery_codes',
  'password_resets',
  'auth_throttle',
  'practice_keys',
  'outbox',
  'audit_events',
  'audit_chain_heads',
  'therapist_settings',
  'locations',
  'episodes',
  'session_series',
  'breaks',
  'client_absences',
  'appointments',
  'move_requests',
  'ledger_entries',
  'calendar_feeds',
  'journal_entries',
  'journal_shares',
  'journal_reads',
  'journal_tags',
  'journal_entry_tags',
  'journal_not_ready',
  'note_settings',
  'progress_notes',
  'progress_note_versions',
  'progress_note_amendments',
  'process_notes',
  'ccrt_category_sets',
  'formulations',
  'formulation_versions',
  'formulation_reviews',
  'letterheads',
  'letter_templates',
  'letters',
  'subject_access_requests',
  'subject_access_decisions',
  'subject_access_packs',
  'subject_access_deliveries',
  'instrument_definitions',
  'measure_responses',
  'public_settings',
  'public_pages',
  'profile_photos',
  'therapist_profiles',
  'result_shares',
  'questionnaire_schedules',
  'questionnaire_requests',
  'questionnaire_answers',
  'intakes',
  'patterns_settings',
  'ccrt_episodes',
  'dream_code_corrections',
  'safeguarding_settings',
  'safeguarding_alerts',
  'safeguarding_decisions',
  'safety_plan_versions',
  'policy_agreements',
  'practice_crisis_resources',
] as const;

export interface TableSecurity {
  table: string;
  hasPracticeId: boolean;
  rlsEnabled: boolean;
  rlsForced: boolean;
  owner: string;
}

export async function readTableSecurity(client: pg.Pool | pg.PoolClient): Promise<TableSecurity[]> {
  const result = await client.query<TableSecurity>(`
    SELECT c.relname AS "table",
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id'
                   AND NOT a.attisdropped) AS "hasPracticeId",
           c.relrowsecurity AS "rlsEnabled",
           c.relforcerowsecurity AS "rlsForced",
           pg_get_userbyid(c.relowner) AS owner
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`);
  return result.rows;
}

export class SchemaError extends Error {}

/** After migrating: the tables exist, every tenant table has RLS enabled and forced, the app role owns none. */
export async function assertSchema(owner: pg.Pool, expectedVersion: number): Promise<void> {
  const version = await owner.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  if ((version.rows[0]?.v ?? 0) !== expectedVersion) {
    throw new SchemaError(
      `Schema check failed: the database is at migration ${version.rows[0]?.v ?? 'none'}, expected ${expectedVersion}.`,
    );
  }
  const tables = await readTableSecurity(owner);
  const names = new Set(tables.map((t) => t.table));
  const missing = EXPECTED_TABLES.filter((t) => !names.has(t));
  if (missing.length > 0) throw new SchemaError(`Schema check failed: missing tables ${missing.join(', ')}.`);
  const unprotected = tables.filter((t) => t.hasPracticeId && !(t.rlsEnabled && t.rlsForced));
  if (unprotected.length > 0) {
    throw new SchemaError(
      `Schema check failed: row-level security is not enabled and forced on ${unprotected.map((t) => t.table).join(', ')}.`,
    );
  }
  const ownedByApp = tables.filter((t) => t.owner === APP_ROLE);
  if (ownedByApp.length > 0) {
    throw new SchemaError(`Schema check failed: ${APP_ROLE} owns ${ownedByApp.map((t) => t.table).join(', ')}.`);
  }
}
