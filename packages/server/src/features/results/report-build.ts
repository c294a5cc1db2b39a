import { practiceOutcomeSummary } from '@undercurrent/clinical';
import type { AccessLayer } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { systemActor, type Actor } from '../../access/actor.js';
import { EPISODE_COLUMNS, episodeOutcome, type EpisodeRow } from './episode-outcome.js';
import type { OutcomeReportT } from './results-schemas.js';

/** A date range of episode endings, inclusive; either end may be open. */
export interface ReportRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** A range whose start is after its end is the person's mistake: 400 with what to change. */
export function checkRange(range: ReportRange): void {
  if (range.from && range.to && range.from > range.to) {
    throw new HttpError(
      400,
      'The “from” date is after the “to” date: choose a start on or before the end.',
      'invalid_range',
    );
  }
}

/**
 * The practice outcome report: every episode that ended in the range (by the day it ended, in its
 * own time zone), each one's NHS Talking Therapies outcome, aggregated by @undercurrent/clinical.
 *
 * Scores are readable only by a client's current therapist (0009's policy), and the report must
 * count every client — including those whose care has ended — so the outcomes are worked out as the
 * SYSTEM, through the access layer, for the aggregate alone: nothing but counts leaves this function
 * (no name, id, date or score), and the system's run is audited with the counts and the admin who
 * asked (docs/SECURITY.md, "Outcome report").
 */
export async function buildOutcomeReport(
  access: AccessLayer,
  admin: Actor,
  range: ReportRange,
): Promise<OutcomeReportT> {
  checkRange(range);
  const system = systemActor(admin.practiceId, admin.requestId, admin.ip);
  const summary = await access.run(system, async (tx) => {
    const rows = await tx.query<EpisodeRow>(
      `SELECT ${EPISODE_COLUMNS} FROM episodes e
        WHERE e.status = 'ended' AND e.ended_at IS NOT NULL
          AND ($1::date IS NULL OR (e.ended_at AT TIME ZONE e.time_zone)::date >= $1::date)
          AND ($2::date IS NULL OR (e.ended_at AT TIME ZONE e.time_zone)::date <= $2::date)`,
      [range.from ?? null, range.to ?? null],
    );
    const outcomes = [];
    for (const episode of rows.rows) outcomes.push((await episodeOutcome(tx, episode)).outcome);
    const result = practiceOutcomeSummary(outcomes);
    tx.audit({
      action: 'results.report_computed',
      subjectType: 'practice',
      subjectId: admin.practiceId,
      details: { requested_by: admin.userId, episodes: result.episodes },
    });
    return result;
  });
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    episodes: summary.episodes,
    finishedCourse: summary.finishedCourse,
    casesAtStart: summary.casesAtStart,
    pairedDataCompleteness: summary.pairedDataCompleteness,
    recovered: summary.recovered,
    reliablyImproved: summary.reliablyImproved,
    reliablyRecovered: summary.reliablyRecovered,
    deteriorated: summary.deteriorated,
  };
}
