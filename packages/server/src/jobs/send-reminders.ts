import type { Scoped } from '../access/access-layer.js';
import { zoneLabel } from '../frame/zoned-time.js';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { DEFAULT_REMINDER_HOURS } from '../features/frame/settings-record.js';
import { enqueueEmail, type EmailInput } from '../mail/enqueue-email.js';
import type { Job } from './runner.js';

/**
 * Appointment reminders by e-mail. Every minute, for each practice: the scheduled appointments
 * starting within their therapist's reminder lead time (therapist_settings.reminder_lead_hours: none
 * when the therapist turned reminders off, 24 hours when they have saved no settings, as their
 * settings page shows) that have had no reminder get one e-mail to the client through the outbox, and
 * reminder_sent_at is set in the same transaction, so a reminder is queued once. One transaction per
 * practice under a try-lock: several app nodes share the work without doubling it.
 *
 * The e-mail says when and where, and with whom — nothing clinical (no kind of appointment, no
 * episode, no fees, no notes): an inbox is not a safe place for that.
 */
export const REMINDER_BATCH = 200;
/** The largest lead time a therapist can choose (therapist_settings CHECK). */
const MAX_LEAD_HOURS = 168;

interface DueReminder {
  id: string;
  client_id: string;
  starts_at: Date;
  time_zone: string;
  client_email: string;
  client_name: string;
  client_zone: string | null;
  therapist_name: string;
  location_name: string | null;
  location_kind: 'room' | 'online' | null;
  location_address: string | null;
}

function wallTime(instant: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.weekday} ${parts.day} ${parts.month}`, time: `${parts.hour}:${parts.minute}` };
}

export function reminderEmail(input: {
  to: string;
  clientName: string;
  therapistName: string;
  practiceName: string;
  startsAt: Date;
  /** The zone the appointment was agreed in (the therapist's). */
  timeZone: string;
  /** The client's own zone, when they set one. */
  clientZone: string | null;
  place: string | null;
  link: string;
}): EmailInput {
  const zone = input.clientZone ?? input.timeZone;
  const local = wallTime(input.startsAt, zone);
  let when = `${local.day} at ${local.time} (${zoneLabel(zone)})`;
  if (zone !== input.timeZone) {
    const theirs = wallTime(input.startsAt, input.timeZone);
    const sameDay = theirs.day === local.day;
    when = `${local.day} at ${local.time} (${zoneLabel(zone)}; ${sameDay ? '' : `${theirs.day} at `}${theirs.time} ${zoneLabel(input.timeZone)})`;
  }
  const text = [
    `Dear ${input.clientName},`,
    '',
    `This is a reminder of your appointment with ${input.therapistName} on ${when}.`,
    ...(input.place ? ['', `Where: ${input.place}`] : []),
    '',
    `If you cannot come, please let ${input.therapistName} know as soon as you can. You can see your appointments, ` +
      'cancel one or ask to move it here:',
    input.link,
    '',
    'With warm wishes,',
    input.practiceName,
    '',
  ].join('\n');
  return {
    kind: 'appointment_reminder',
    to: input.to,
    subject: `Reminder: your appointment on ${local.day} at ${local.time}`,
    text,
  };
}

function placeOf(row: DueReminder): string | null {
  if (!row.location_name) return null;
  if (row.location_kind === 'online') return `${row.location_name} (online)`;
  return row.location_address ? `${row.location_name}, ${row.location_address}` : row.location_name;
}

/** Queues the due reminders of the practice `tx` is scoped to; the number queued (0 if another node is at it). */
export async function queueDueReminders(
  tx: Scoped,
  options: { publicUrl: string; smtpConfigured: boolean; now?: Date; limit?: number },
): Promise<number> {
  const practiceId = tx.actor.practiceId;
  const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
    `undercurrent-reminders:${practiceId}`,
  ]);
  if (!lock.rows[0]?.locked) return 0;
  const now = options.now ?? new Date();
  const due = await tx.query<DueReminder>(
    `SELECT a.id, a.client_id, a.starts_at, a.time_zone,
            c.email AS client_email, c.display_name AS client_name, c.time_zone AS client_zone,
            t.display_name AS therapist_name,
            l.name AS location_name, l.kind AS location_kind, l.address AS location_address
       FROM appointments a
       LEFT JOIN therapist_settings s ON s.therapist_id = a.therapist_id
       JOIN users c ON c.id = a.client_id AND c.status = 'active'
       JOIN users t ON t.id = a.therapist_id
       LEFT JOIN locations l ON l.id = a.location_id
      WHERE a.practice_id = $1 AND a.status = 'scheduled' AND a.reminder_sent_at IS NULL
        AND a.starts_at > $2 AND a.starts_at <= $2::timestamptz + make_interval(hours => $3)
        AND a.starts_at <= $2::timestamptz + make_interval(hours =>
              CASE WHEN s.therapist_id IS NULL THEN $5 ELSE s.reminder_lead_hours END)
      ORDER BY a.starts_at
      LIMIT $4
      FOR UPDATE OF a SKIP LOCKED`,
    [practiceId, now, MAX_LEAD_HOURS, options.limit ?? REMINDER_BATCH, DEFAULT_REMINDER_HOURS],
  );
  if (due.rows.length === 0) return 0;
  const practice = await tx.query<{ name: string }>('SELECT name FROM practices WHERE id = $1', [practiceId]);
  const practiceName = practice.rows[0]?.name ?? 'Your practice';
  for (const row of due.rows) {
    const outboxId = await enqueueEmail(
      tx,
      reminderEmail({
        to: row.client_email,
        clientName: row.client_name,
        therapistName: row.therapist_name,
        practiceName,
        startsAt: row.starts_at,
        timeZone: row.time_zone,
        clientZone: row.client_zone,
        place: placeOf(row),
        link: `${options.publicUrl}/sessions`,
      }),
      options.smtpConfigured,
    );
    tx.audit({
      action: 'frame.reminder_queued',
      subjectType: 'appointment',
      subjectId: row.id,
      subjectUserId: row.client_id,
      details: { outboxId },
    });
  }
  await tx.query('UPDATE appointments SET reminder_sent_at = $2 WHERE id = ANY($1)', [due.rows.map((r) => r.id), now]);
  return due.rows.length;
}

/** One pass over every practice; the number of reminders queued. */
export async function queueAllReminders(ctx: AppContext, now?: Date): Promise<number> {
  let queued = 0;
  const options = {
    publicUrl: ctx.config.publicUrl,
    smtpConfigured: ctx.config.smtpUrl !== undefined,
    ...(now ? { now } : {}),
  };
  for (const practice of await ctx.access.listPractices()) {
    for (;;) {
      const n = await ctx.access.run(systemActor(practice.id), (tx) => queueDueReminders(tx, options));
      queued += n;
      if (n < REMINDER_BATCH) break;
    }
  }
  return queued;
}

export function sendRemindersJob(ctx: AppContext): Job {
  return {
    name: 'send-reminders',
    intervalMs: 60_000,
    async run() {
      await queueAllReminders(ctx);
    },
  };
}
