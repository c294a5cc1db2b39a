import type { Scoped } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { deleteIntakes, loadRetentionDays, RETENTION_STATUSES } from '../features/intake/intake-retention-record.js';
import type { Job } from './runner.js';

/**
 * Enquiries that did not become clients are deleted once the practice's retention period
 * (`practices.enquiry_retention_days`) has passed since they were last answered (`decided_at`, else
 * `created_at`) — only those answered and closed (referred on) or left by the person (another time
 * proposed, never chosen), and only once the person's private link has expired (so they never come
 * back to a message they were sent and find nothing). Someone new, flagged for review today, waiting for an answer to their
 * request or on the waiting list is never deleted; an accepted one is a client's record.
 *
 * Hourly, per practice under a try-lock (several app nodes share the work, none does it twice), as
 * the system actor; one audit event per practice run that deleted any (`intake.retention_deleted`,
 * with the count — never who). `now` is explicit so tests can run it at a later time.
 */
export async function deleteOldEnquiries(tx: Scoped, now: Date): Promise<number> {
  const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
    `undercurrent-enquiry-retention:${tx.actor.practiceId}`,
  ]);
  if (!lock.rows[0]?.locked) return 0;
  const days = await loadRetentionDays(tx);
  const old = await tx.query<{ id: string }>(
    `SELECT id FROM intakes
      WHERE status = ANY($3::text[]) AND coalesce(decided_at, created_at) + make_interval(days => $2) <= $1
        AND token_expires_at <= $1
      ORDER BY created_at FOR UPDATE SKIP LOCKED`,
    [now, days, [...RETENTION_STATUSES]],
  );
  if (old.rows.length === 0) return 0;
  const done = await deleteIntakes(
    tx,
    old.rows.map((r) => r.id),
  );
  tx.audit({
    action: 'intake.retention_deleted',
    subjectType: 'practice',
    subjectId: tx.actor.practiceId,
    details: { count: done.intakes, emailsDeleted: done.emails, retentionDays: days },
  });
  return done.intakes;
}

/** One pass over every practice at `now`. */
export async function deleteAllOldEnquiries(ctx: AppContext, now: Date): Promise<number> {
  let total = 0;
  for (const practice of await ctx.access.listPractices()) {
    total += await ctx.access.run(systemActor(practice.id), (tx) => deleteOldEnquiries(tx, now));
  }
  return total;
}

export function deleteOldEnquiriesJob(ctx: AppContext): Job {
  return {
    name: 'delete-old-enquiries',
    intervalMs: 3_600_000,
    async run() {
      await deleteAllOldEnquiries(ctx, new Date());
    },
  };
}
