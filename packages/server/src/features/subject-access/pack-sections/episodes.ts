import { iso } from '../../journal/entry-record.js';
import { packSection, words } from '../pack-section.js';

/** The therapy frame: each episode of care, its agreement and, once it ended, the closing summary. */
export interface EpisodesData {
  episodes: {
    therapist: string;
    status: string;
    kind: string | null;
    sessionCount: number | null;
    sessionMinutes: number | null;
    feePence: number | null;
    startDate: string | null;
    plannedEndDate: string | null;
    endingDate: string | null;
    agreedAt: string | null;
    endedAt: string | null;
    closingSummary: string | null;
  }[];
  currency: string;
}

export const episodesSection = packSection<EpisodesData>({
  key: 'episodes',
  title: 'Your therapy: episodes and agreements',
  async assemble(tx, scope) {
    const rows = await tx.query<{
      id: string;
      therapist: string;
      status: string;
      kind: string | null;
      session_count: number | null;
      session_minutes: number | null;
      fee_pence: number | null;
      start_date: string | null;
      planned_end_date: string | null;
      ending_date: string | null;
      agreed_at: Date | null;
      ended_at: Date | null;
      closing_summary_enc: string | null;
    }>(
      `SELECT e.id, t.display_name AS therapist, e.status, e.kind, e.session_count, e.session_minutes, e.fee_pence,
              to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.planned_end_date, 'YYYY-MM-DD') AS planned_end_date,
              to_char(e.ending_date, 'YYYY-MM-DD') AS ending_date, e.agreed_at, e.ended_at, e.closing_summary_enc
         FROM episodes e JOIN users t ON t.practice_id = e.practice_id AND t.id = e.therapist_id
        WHERE e.client_id = $1 ORDER BY e.created_at, e.id`,
      [scope.clientId],
    );
    const currency = await tx.query<{ currency: string }>(
      'SELECT currency FROM practices WHERE id = app_practice_id()',
    );
    const episodes = [];
    for (const e of rows.rows) {
      episodes.push({
        therapist: e.therapist,
        status: e.status,
        kind: e.kind,
        sessionCount: e.session_count,
        sessionMinutes: e.session_minutes,
        feePence: e.fee_pence,
        startDate: e.start_date,
        plannedEndDate: e.planned_end_date,
        endingDate: e.ending_date,
        agreedAt: e.agreed_at ? iso(e.agreed_at) : null,
        endedAt: e.ended_at ? iso(e.ended_at) : null,
        closingSummary: e.closing_summary_enc
          ? await tx.decrypt(`episodes.closing_summary_enc:${e.id}`, e.closing_summary_enc)
          : null,
      });
    }
    return { episodes, currency: currency.rows[0]?.currency ?? 'GBP' };
  },
  toPdf(data, print) {
    if (data.episodes.length === 0) return [{ kind: 'paragraph', text: 'No episodes of care are recorded.' }];
    return data.episodes.flatMap((e, i) => [
      { kind: 'heading' as const, level: 3 as const, text: `Episode ${i + 1} with ${e.therapist}` },
      {
        kind: 'fields' as const,
        rows: [
          ['Status', words(e.status)],
          [
            'Kind',
            e.kind === 'brief' ? `Brief (${e.sessionCount ?? '?'} sessions)` : e.kind === 'open' ? 'Open-ended' : '—',
          ],
          ['Session length', e.sessionMinutes ? `${e.sessionMinutes} minutes` : '—'],
          ['Fee', e.feePence === null ? '—' : print.money(e.feePence, data.currency)],
          ['Started', print.date(e.startDate)],
          ['Planned end', print.date(e.plannedEndDate)],
          ['Ending date', print.date(e.endingDate)],
          ['Agreed', print.dateTime(e.agreedAt)],
          ['Ended', print.dateTime(e.endedAt)],
        ] as const,
      },
      ...(e.closingSummary
        ? [
            { kind: 'meta' as const, text: 'Closing summary' },
            { kind: 'paragraph' as const, text: e.closingSummary },
          ]
        : []),
    ]);
  },
});
