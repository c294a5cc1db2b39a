import { iso } from '../../journal/entry-record.js';
import { packSection, words } from '../pack-section.js';

/** "Who opened my record": every recorded event whose subject is the client, oldest first. */
export interface AccessLogData {
  events: { at: string; who: string; role: string | null; action: string; outcome: string }[];
}

export const accessLogSection = packSection<AccessLogData>({
  key: 'access_log',
  title: 'Who opened your record',
  async assemble(tx, scope) {
    const rows = await tx.query<{
      occurred_at: Date;
      actor_name: string | null;
      actor_user_id: string | null;
      actor_role: string | null;
      action: string;
      outcome: string;
    }>(
      `SELECT e.occurred_at, a.display_name AS actor_name, e.actor_user_id, e.actor_role, e.action, e.outcome
         FROM audit_events e LEFT JOIN users a ON a.practice_id = e.practice_id AND a.id = e.actor_user_id
        WHERE e.subject_user_id = $1 ORDER BY e.occurred_at, e.id`,
      [scope.clientId],
    );
    return {
      events: rows.rows.map((r) => ({
        at: iso(r.occurred_at),
        who: r.actor_name ?? (r.actor_user_id ? 'A former member of the practice' : 'Undercurrent'),
        role: r.actor_role,
        action: r.action,
        outcome: r.outcome,
      })),
    };
  },
  toPdf(data, print) {
    if (data.events.length === 0) return [{ kind: 'paragraph', text: 'No one has opened your record.' }];
    return [
      { kind: 'meta', text: `${data.events.length} recorded events, oldest first.` },
      ...data.events.map((e) => ({
        kind: 'paragraph' as const,
        text:
          `${print.dateTime(e.at)} · ${e.who}${e.role ? ` (${words(e.role)})` : ''} · ` +
          `${words(e.action.replace('.', ': '))}${e.outcome === 'success' ? '' : ` · ${e.outcome}`}`,
      })),
    ];
  },
});
