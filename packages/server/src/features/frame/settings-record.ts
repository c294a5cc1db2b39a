import type { Scoped } from '../../access/access-layer.js';
import { DEFAULT_POLICY, type CancellationPolicy } from '../../frame/frame-types.js';
import type { TherapistSettings } from './frame-schemas.js';

/**
 * A therapist's frame settings: the saved row, or the defaults when they have saved none yet
 * (the practice's time zone, 50-minute sessions with 10 minutes between them, Monday to Friday
 * 08:00–18:00, no fees, the default cancellation policy, reminders 24 hours ahead, feeds without
 * client names).
 */
export const DEFAULT_WORKING_HOURS: TherapistSettings['workingHours'] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '08:00',
  end: '18:00',
}));

export const DEFAULT_SESSION_MINUTES = 50;
export const DEFAULT_GAP_MINUTES = 10;
export const DEFAULT_REMINDER_HOURS = 24;

interface SettingsRow {
  time_zone: string | null;
  session_minutes: number | null;
  min_gap_minutes: number | null;
  working_hours: TherapistSettings['workingHours'] | null;
  fees: TherapistSettings['fees'] | null;
  policy: CancellationPolicy | null;
  reminder_lead_hours: number | null;
  feed_shows_client_names: boolean | null;
  saved: boolean;
  practice_zone: string;
  currency: string;
}

/** The settings of one therapist of the current practice (defaults filled in). */
export async function loadSettings(tx: Scoped, therapistId: string): Promise<TherapistSettings> {
  const result = await tx.query<SettingsRow>(
    `SELECT s.time_zone, s.session_minutes, s.min_gap_minutes, s.working_hours, s.fees, s.policy,
            s.reminder_lead_hours, s.feed_shows_client_names, s.therapist_id IS NOT NULL AS saved,
            p.time_zone AS practice_zone, p.currency
       FROM practices p
       LEFT JOIN therapist_settings s ON s.practice_id = p.id AND s.therapist_id = $1
      WHERE p.id = app_practice_id()`,
    [therapistId],
  );
  const row = result.rows[0];
  if (!row) throw new Error('the current practice has no row');
  if (!row.saved) {
    return {
      timeZone: row.practice_zone,
      sessionMinutes: DEFAULT_SESSION_MINUTES,
      minGapMinutes: DEFAULT_GAP_MINUTES,
      workingHours: DEFAULT_WORKING_HOURS,
      fees: {},
      policy: DEFAULT_POLICY,
      reminderLeadHours: DEFAULT_REMINDER_HOURS,
      feedShowsClientNames: false,
      currency: row.currency,
    };
  }
  return {
    timeZone: row.time_zone ?? row.practice_zone,
    sessionMinutes: row.session_minutes ?? DEFAULT_SESSION_MINUTES,
    minGapMinutes: row.min_gap_minutes ?? DEFAULT_GAP_MINUTES,
    workingHours: row.working_hours ?? [],
    fees: row.fees ?? {},
    policy: { ...DEFAULT_POLICY, ...(row.policy ?? {}) },
    reminderLeadHours: row.reminder_lead_hours,
    feedShowsClientNames: row.feed_shows_client_names ?? false,
    currency: row.currency,
  };
}

/** Saves (creates or replaces) a therapist's settings. */
export async function saveSettings(
  tx: Scoped,
  therapistId: string,
  settings: Omit<TherapistSettings, 'currency'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO therapist_settings (practice_id, therapist_id, time_zone, session_minutes, min_gap_minutes,
            working_hours, fees, policy, reminder_lead_hours, feed_shows_client_names, updated_at)
     VALUES (app_practice_id(), $1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8, $9, now())
     ON CONFLICT (practice_id, therapist_id) DO UPDATE SET
       time_zone = EXCLUDED.time_zone, session_minutes = EXCLUDED.session_minutes,
       min_gap_minutes = EXCLUDED.min_gap_minutes, working_hours = EXCLUDED.working_hours,
       fees = EXCLUDED.fees, policy = EXCLUDED.policy, reminder_lead_hours = EXCLUDED.reminder_lead_hours,
       feed_shows_client_names = EXCLUDED.feed_shows_client_names, updated_at = now()`,
    [
      therapistId,
      settings.timeZone,
      settings.sessionMinutes,
      settings.minGapMinutes,
      JSON.stringify(settings.workingHours),
      JSON.stringify(settings.fees),
      JSON.stringify(settings.policy),
      settings.reminderLeadHours,
      settings.feedShowsClientNames,
    ],
  );
}
