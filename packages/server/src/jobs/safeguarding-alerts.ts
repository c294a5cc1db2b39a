import type { Scoped } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { clinicalLeadOf, loadSafeguardingSettings } from '../features/safeguarding/settings-record.js';
import { enqueueEmail, type EmailInput } from '../mail/enqueue-email.js';
import type { Job } from './runner.js';

/**
 * Safeguarding alerts, every minute, for each practice under a try-lock: (1) each new alert gets an
 * e-mail to the person it is for, WITHOUT content — no name, no reason, no words — since an inbox is
 * not a safe place for it; (2) an alert not acknowledged within the practice's escalation time is
 * escalated to the clinical lead (in the app, and the same content-free e-mail), audited.
 *
 * `now` is explicit so tests (and the e2e, through the CLI `safeguarding-escalate --now`) can run the
 * pass at a later time without touching the clock; the job itself always passes the real time.
 */
export function alertEmail(to: string, publicUrl: string, escalated: boolean): EmailInput {
  return {
    kind: escalated ? 'safeguarding.alert_escalated' : 'safeguarding.alert',
    to,
    subject: 'You have a new alert in Undercurrent',
    text: ['You have a new alert in Undercurrent. Sign in to see it.', '', `${publicUrl}/alerts`, ''].join('\n'),
  };
}

async function emailAbout(
  tx: Scoped,
  alert: { id: string; client_id: string },
  to: string,
  options: { publicUrl: string; smtpConfigured: boolean },
  escalated: boolean,
): Promise<void> {
  const outboxId = await enqueueEmail(tx, alertEmail(to, options.publicUrl, escalated), options.smtpConfigured);
  tx.audit({
    action: 'safeguarding.alert_emailed',
    subjectType: 'safeguarding_alert',
    subjectId: alert.id,
    subjectUserId: alert.client_id,
    details: { outboxId, escalated },
  });
}

export async function processSafeguardingAlerts(
  tx: Scoped,
  options: { publicUrl: string; smtpConfigured: boolean; now: Date },
): Promise<{ emailed: number; escalated: number }> {
  const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
    `undercurrent-safeguarding:${tx.actor.practiceId}`,
  ]);
  if (!lock.rows[0]?.locked) return { emailed: 0, escalated: 0 };
  const settings = await loadSafeguardingSettings(tx);
  let escalated = 0;
  const overdue = await tx.query<{ id: string; client_id: string }>(
    `SELECT id, client_id FROM safeguarding_alerts
      WHERE acknowledged_at IS NULL AND escalated_at IS NULL
        AND raised_at + make_interval(mins => $2) <= $1
      ORDER BY raised_at FOR UPDATE SKIP LOCKED`,
    [options.now, settings.escalateAfterMinutes],
  );
  const lead = overdue.rows.length > 0 ? await clinicalLeadOf(tx, settings) : null;
  const leadEmail = lead
    ? (await tx.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [lead])).rows[0]?.email
    : undefined;
  for (const alert of overdue.rows) {
    if (!lead) break;
    await tx.query('UPDATE safeguarding_alerts SET escalated_at = $2, escalated_to = $3 WHERE id = $1', [
      alert.id,
      options.now,
      lead,
    ]);
    escalated++;
    if (leadEmail) await emailAbout(tx, alert, leadEmail, options, true);
    tx.audit({
      action: 'safeguarding.alert_escalated',
      subjectType: 'safeguarding_alert',
      subjectId: alert.id,
      subjectUserId: alert.client_id,
      details: { escalatedTo: lead, afterMinutes: settings.escalateAfterMinutes },
    });
  }
  // A new alert's e-mail goes to its therapist (to the lead when it was raised already escalated).
  const fresh = await tx.query<{ id: string; client_id: string; email: string }>(
    `SELECT a.id, a.client_id, u.email
       FROM safeguarding_alerts a JOIN users u ON u.id = coalesce(a.therapist_id, a.escalated_to)
      WHERE a.notified_at IS NULL
      ORDER BY a.raised_at FOR UPDATE OF a SKIP LOCKED`,
  );
  for (const alert of fresh.rows) {
    await emailAbout(tx, alert, alert.email, options, false);
    await tx.query('UPDATE safeguarding_alerts SET notified_at = $2 WHERE id = $1', [alert.id, options.now]);
  }
  return { emailed: fresh.rows.length + escalated, escalated };
}

/** One pass over every practice at `now`. */
export async function processAllSafeguardingAlerts(
  ctx: AppContext,
  now: Date,
): Promise<{ emailed: number; escalated: number }> {
  const total = { emailed: 0, escalated: 0 };
  const options = { publicUrl: ctx.config.publicUrl, smtpConfigured: ctx.config.smtpUrl !== undefined, now };
  for (const practice of await ctx.access.listPractices()) {
    const done = await ctx.access.run(systemActor(practice.id), (tx) => processSafeguardingAlerts(tx, options));
    total.emailed += done.emailed;
    total.escalated += done.escalated;
  }
  return total;
}

export function safeguardingAlertsJob(ctx: AppContext): Job {
  return {
    name: 'safeguarding-alerts',
    intervalMs: 60_000,
    async run() {
      await processAllSafeguardingAlerts(ctx, new Date());
    },
  };
}
