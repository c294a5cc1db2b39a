import type { AccessLayer, Scoped } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import { outboxBodyContext } from './enqueue-email.js';
import { classifyFailure, type DeliveryFailure, type MailSender } from './smtp-sender.js';

/**
 * Delivers the outbox. Each message is claimed in a transaction of its own with
 * `SELECT … FOR UPDATE SKIP LOCKED`, sent, and marked in that same transaction, so several app nodes
 * can run this at once without sending a message twice. A failed attempt is retried after 1 minute,
 * 5 minutes, 30 minutes, 2 hours and 12 hours; the sixth failure (or a permanent refusal) marks the
 * message 'failed' for an admin to look at and retry.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** Minutes to wait after the given number of failed attempts, or null when it is time to give up. */
export function retryDelayMinutes(failedAttempts: number): number | null {
  return RETRY_DELAYS_MINUTES[failedAttempts - 1] ?? null;
}

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed';

export interface DeliveryTally {
  sent: number;
  retrying: number;
  failed: number;
}

interface DueMessage {
  id: string;
  to_address: string;
  subject: string;
  body_enc: string;
  attempts: number;
}

async function recordFailure(tx: Scoped, message: DueMessage, failure: DeliveryFailure): Promise<DeliveryOutcome> {
  const attempts = message.attempts + 1;
  const delay = failure.permanent ? null : retryDelayMinutes(attempts);
  if (delay === null) {
    await tx.query(`UPDATE outbox SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1`, [
      message.id,
      attempts,
      failure.summary,
    ]);
  } else {
    await tx.query(
      `UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(mins => $4)
        WHERE id = $1`,
      [message.id, attempts, failure.summary, delay],
    );
  }
  tx.audit({
    action: 'outbox.delivery_failed',
    subjectType: 'outbox',
    subjectId: message.id,
    details: { attempts, final: delay === null, permanent: failure.permanent, retryInMinutes: delay },
  });
  return delay === null ? 'failed' : 'retrying';
}

/** Claims and sends the next due message of the practice; undefined when none is due. */
export async function deliverNext(
  access: AccessLayer,
  practiceId: string,
  sender: MailSender,
): Promise<DeliveryOutcome | undefined> {
  return access.run(systemActor(practiceId), async (tx) => {
    const due = await tx.query<DueMessage>(
      `SELECT id, to_address, subject, body_enc, attempts FROM outbox
        WHERE practice_id = $1 AND status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [practiceId],
    );
    const message = due.rows[0];
    if (!message) return undefined;
    let text: string;
    try {
      text = await tx.decrypt(outboxBodyContext(message.id), message.body_enc);
    } catch {
      return recordFailure(tx, message, {
        permanent: true,
        summary: 'The stored message could not be decrypted, so it was not sent.',
      });
    }
    try {
      await sender.send({
        to: message.to_address,
        subject: message.subject,
        text,
        messageId: `<${message.id}@undercurrent>`,
      });
    } catch (error) {
      return recordFailure(tx, message, classifyFailure(error));
    }
    await tx.query(
      `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1`,
      [message.id],
    );
    tx.audit({
      action: 'outbox.delivered',
      subjectType: 'outbox',
      subjectId: message.id,
      details: { attempts: message.attempts + 1 },
    });
    return 'sent';
  });
}

/** Sends up to `limit` due messages of one practice. */
export async function deliverPractice(
  access: AccessLayer,
  practiceId: string,
  sender: MailSender,
  limit = 25,
): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < limit; i += 1) {
    const outcome = await deliverNext(access, practiceId, sender);
    if (!outcome) break;
    tally[outcome] += 1;
  }
  return tally;
}

/** One pass over every practice, each with its own budget so a busy practice cannot starve the others. */
export async function deliverAllPractices(access: AccessLayer, sender: MailSender): Promise<DeliveryTally> {
  const total: DeliveryTally = { sent: 0, retrying: 0, failed: 0 };
  for (const practice of await access.listPractices()) {
    const tally = await deliverPractice(access, practice.id, sender);
    total.sent += tally.sent;
    total.retrying += tally.retrying;
    total.failed += tally.failed;
  }
  return total;
}
