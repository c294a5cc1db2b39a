import type { Scoped } from '../../access/access-layer.js';
import { enqueueEmail, type EmailInput } from '../../mail/enqueue-email.js';

/**
 * The reminder that a questionnaire is waiting: sent once, when the request opens. It names no
 * instrument (a name like "PHQ-9" or "PCL-5" says something clinical about the person), no score,
 * no episode — only that there is "a short questionnaire", when it closes, and the portal link.
 */
function wallTime(instant: Date, timeZone: string): string {
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
  return `${parts.weekday} ${parts.day} ${parts.month} at ${parts.hour}:${parts.minute}`;
}

export function questionnaireEmail(input: {
  to: string;
  clientName: string;
  practiceName: string;
  sessionStartsAt: Date | null;
  expiresAt: Date;
  timeZone: string;
  link: string;
}): EmailInput {
  const purpose = input.sessionStartsAt
    ? `You have a short questionnaire to complete before your session on ${wallTime(input.sessionStartsAt, input.timeZone)}.`
    : 'You have a short questionnaire to complete.';
  const text = [
    `Dear ${input.clientName},`,
    '',
    purpose,
    `It takes a few minutes, and it stays open until ${wallTime(input.expiresAt, input.timeZone)}. You can fill it in here:`,
    input.link,
    '',
    'With warm wishes,',
    input.practiceName,
    '',
  ].join('\n');
  return { kind: 'questionnaire_reminder', to: input.to, subject: 'A short questionnaire to complete', text };
}

/** Queues the reminder of a request just made (once: reminder_sent_at is set in the same transaction). */
export async function queueQuestionnaireReminder(
  tx: Scoped,
  requestId: string,
  options: { publicUrl: string; smtpConfigured: boolean },
): Promise<string | null> {
  const found = await tx.query<{
    client_id: string;
    email: string;
    display_name: string;
    time_zone: string;
    starts_at: Date | null;
    expires_at: Date;
    practice_name: string;
  }>(
    `SELECT q.client_id, c.email, c.display_name, COALESCE(c.time_zone, p.time_zone) AS time_zone, a.starts_at,
            q.expires_at, p.name AS practice_name
       FROM questionnaire_requests q
       JOIN users c ON c.id = q.client_id AND c.status = 'active'
       JOIN practices p ON p.id = q.practice_id
       LEFT JOIN appointments a ON a.id = q.appointment_id
      WHERE q.id = $1 AND q.reminder_sent_at IS NULL AND q.status = 'open'`,
    [requestId],
  );
  const row = found.rows[0];
  if (!row) return null;
  const outboxId = await enqueueEmail(
    tx,
    questionnaireEmail({
      to: row.email,
      clientName: row.display_name,
      practiceName: row.practice_name,
      sessionStartsAt: row.starts_at,
      expiresAt: row.expires_at,
      timeZone: row.time_zone,
      link: `${options.publicUrl}/questionnaires/${requestId}`,
    }),
    options.smtpConfigured,
  );
  await tx.query('UPDATE questionnaire_requests SET reminder_sent_at = now() WHERE id = $1', [requestId]);
  tx.audit({
    action: 'questionnaires.reminder_queued',
    subjectType: 'questionnaire_request',
    subjectId: requestId,
    subjectUserId: row.client_id,
    details: { outboxId },
  });
  return outboxId;
}
