import { iso } from '../../journal/entry-record.js';
import { packSection, words } from '../pack-section.js';

/** Every appointment: when, what kind, with whom, and what happened (attended, cancelled, missed…). */
export interface SessionsData {
  sessions: {
    startsAt: string;
    endsAt: string;
    kind: string;
    therapist: string;
    status: string;
    lateCancellation: boolean | null;
    cancelReason: string | null;
  }[];
}

export const sessionsSection = packSection<SessionsData>({
  key: 'sessions',
  title: 'Your sessions and attendance',
  async assemble(tx, scope) {
    const rows = await tx.query<{
      starts_at: Date;
      ends_at: Date;
      kind: string;
      therapist: string;
      status: string;
      late: boolean | null;
      cancel_reason: string | null;
    }>(
      `SELECT a.starts_at, a.ends_at, a.kind, t.display_name AS therapist, a.status, a.late, a.cancel_reason
         FROM appointments a JOIN users t ON t.practice_id = a.practice_id AND t.id = a.therapist_id
        WHERE a.client_id = $1 ORDER BY a.starts_at, a.id`,
      [scope.clientId],
    );
    return {
      sessions: rows.rows.map((a) => ({
        startsAt: iso(a.starts_at),
        endsAt: iso(a.ends_at),
        kind: a.kind,
        therapist: a.therapist,
        status: a.status,
        lateCancellation: a.late,
        cancelReason: a.cancel_reason,
      })),
    };
  },
  toPdf(data, print) {
    if (data.sessions.length === 0) return [{ kind: 'paragraph', text: 'No sessions are recorded.' }];
    return [
      { kind: 'meta', text: `${data.sessions.length} appointments, oldest first.` },
      ...data.sessions.map((s) => ({
        kind: 'paragraph' as const,
        text:
          `${print.dateTime(s.startsAt)} · ${words(s.kind)} with ${s.therapist} · ${words(s.status)}` +
          (s.lateCancellation ? ' (late)' : '') +
          (s.cancelReason ? ` · reason: ${words(s.cancelReason)}` : ''),
      })),
    ];
  },
});
