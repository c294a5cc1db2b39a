import type { AppContext } from '../../context.js';
import type { RequestAuth } from '../../http/authenticate.js';

/**
 * "Who opened my record": the audit events whose subject is me, newest first, with the name of whoever
 * did it. Reading this list is itself recorded.
 */
export const RECORD_ACCESS_LIMIT = 200;

export interface RecordAccessEntry {
  occurredAt: string;
  actorName: string;
  actorRole: string | null;
  action: string;
  outcome: string;
}

export async function myRecordAccess(ctx: AppContext, auth: RequestAuth): Promise<RecordAccessEntry[]> {
  const userId = auth.session.userId;
  return ctx.access.run(auth.actor, async (tx) => {
    const result = await tx.query<{
      occurred_at: Date;
      actor_name: string | null;
      actor_user_id: string | null;
      actor_role: string | null;
      action: string;
      outcome: string;
    }>(
      `SELECT e.occurred_at, a.display_name AS actor_name, e.actor_user_id, e.actor_role, e.action, e.outcome
         FROM audit_events e
         LEFT JOIN users a ON a.practice_id = e.practice_id AND a.id = e.actor_user_id
        WHERE e.subject_user_id = $1
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT $2`,
      [userId, RECORD_ACCESS_LIMIT],
    );
    tx.audit({ action: 'record.access_log_viewed', subjectType: 'user', subjectId: userId, subjectUserId: userId });
    return result.rows.map((r) => ({
      occurredAt: r.occurred_at.toISOString(),
      actorName:
        r.actor_name ??
        (r.actor_user_id
          ? 'A former member of the practice'
          : r.action.startsWith('auth.')
            ? 'Someone not signed in'
            : 'Undercurrent'),
      actorRole: r.actor_role,
      action: r.action,
      outcome: r.outcome,
    }));
  });
}
