import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { dateSkipper } from '../../frame/date-ranges.js';
import type { Weekday } from '../../frame/frame-types.js';
import { expandSlots } from '../../frame/recurrence.js';
import { addDays, localKey, todayIn, utcToLocal } from '../../frame/zoned-time.js';
import { honourRecordedAbsences } from './absences-record.js';
import { clashMessage, findClashes, lockFrame, type Candidate } from './clash.js';
import { loadSettings } from './settings-record.js';

/**
 * Turning an agreement's recurring series into appointments, a rolling horizon at a time: never an
 * unbounded future. Idempotent: each occurrence has a stable key per series, and a series remembers
 * how far it has been materialised.
 *
 * Up to min(horizon, the series' end, the episode's ending date or else its planned end), where horizon is
 * today + 26 weeks in the episode's zone (or `until` when given, e.g. to book beyond the horizon).
 * No session is made on a day inside a break of the therapist, a practice break or a bank holiday
 * (a client's absence does not stop generation: the absence cancels sessions by the policy). A brief
 * episode stops once its offered sessions (kind 'session', not cancelled by the therapist nor moved)
 * reach its session count, so a session lost to a break is added at the end. Occurrences already in
 * the past are not made. Every new session is checked for clashes with the therapist's other
 * sessions and the room's bookings (one read of each, compared in memory).
 */
export const HORIZON_DAYS = 26 * 7;

export function horizonDate(zone: string, now: Date = new Date()): string {
  return addDays(todayIn(zone, now), HORIZON_DAYS);
}

export interface MaterialiseOptions {
  now?: Date;
  /**
   * 'refuse' (default): a clash refuses the whole operation with a 409 naming it (agreements,
   * resuming). 'skip': clashing occurrences are left out and counted (the background extension,
   * which has nobody to ask).
   */
  onClash?: 'refuse' | 'skip';
}

export interface MaterialiseResult {
  created: number;
  skippedForClash: number;
}

interface EpisodeRow {
  id: string;
  therapist_id: string;
  client_id: string;
  status: string;
  kind: 'brief' | 'open' | null;
  session_count: number | null;
  time_zone: string;
  location_id: string | null;
  fee_pence: number | null;
  session_minutes: number | null;
  planned_end_date: string | null;
  ending_date: string | null;
}

interface SeriesRow {
  id: string;
  weekday: Weekday;
  local_time: string;
  starts_on: string;
  ends_on: string | null;
  materialised_until: string;
}

function minDate(...dates: (string | null | undefined)[]): string {
  const present = dates.filter((d): d is string => typeof d === 'string');
  return present.reduce((a, b) => (b < a ? b : a));
}

export async function materialiseEpisode(
  tx: Scoped,
  episodeId: string,
  until?: string,
  options: MaterialiseOptions = {},
): Promise<MaterialiseResult> {
  const none: MaterialiseResult = { created: 0, skippedForClash: 0 };
  const now = options.now ?? new Date();
  // The therapist's frame lock before the episode's row lock: the order every route takes them in.
  const owner = await tx.query<{ therapist_id: string }>('SELECT therapist_id FROM episodes WHERE id = $1', [
    episodeId,
  ]);
  const therapistId = owner.rows[0]?.therapist_id;
  if (!therapistId) return none;
  await lockFrame(tx, { therapistIds: [therapistId] });
  const episode = (
    await tx.query<EpisodeRow>(
      `SELECT id, therapist_id, client_id, status, kind, session_count, time_zone, location_id, fee_pence,
              session_minutes, planned_end_date::text, ending_date::text
         FROM episodes WHERE id = $1 FOR UPDATE`,
      [episodeId],
    )
  ).rows[0];
  if (!episode || (episode.status !== 'active' && episode.status !== 'ending')) return none;
  const series = (
    await tx.query<SeriesRow>(
      `SELECT id, weekday, local_time, starts_on::text, ends_on::text, materialised_until::text
         FROM session_series WHERE episode_id = $1 AND ended_at IS NULL ORDER BY weekday, local_time, id`,
      [episodeId],
    )
  ).rows;
  if (series.length === 0) return none;

  const zone = episode.time_zone;
  // An ending date, once set, replaces the planned end.
  const cap = minDate(until ?? horizonDate(zone, now), episode.ending_date ?? episode.planned_end_date);
  const seriesCap = series.map((s) => minDate(cap, s.ends_on));
  const seriesFrom = series.map((s) => {
    const next = addDays(s.materialised_until, 1);
    return next > s.starts_on ? next : s.starts_on;
  });
  const from = minDate(...seriesFrom);
  const to = seriesCap.reduce((a, b) => (b > a ? b : a));
  if (from > to) return none;

  let remaining = Number.POSITIVE_INFINITY;
  if (episode.kind === 'brief') {
    const offered = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments
        WHERE episode_id = $1 AND kind = 'session' AND status NOT IN ('cancelled_therapist', 'moved')`,
      [episodeId],
    );
    remaining = (episode.session_count ?? 0) - (offered.rows[0]?.n ?? 0);
    if (remaining <= 0) return none;
  }

  const breaks = await tx.query<{ starts_on: string; ends_on: string }>(
    `SELECT starts_on::text, ends_on::text FROM breaks
      WHERE (therapist_id IS NULL OR therapist_id = $1) AND starts_on <= $3::date AND ends_on >= $2::date`,
    [episode.therapist_id, from, to],
  );
  const inBreak = dateSkipper(breaks.rows.map((b) => ({ startsOn: b.starts_on, endsOn: b.ends_on })));
  const existing = await tx.query<{ series_id: string; occurrence_key: string }>(
    `SELECT series_id, occurrence_key FROM appointments
      WHERE series_id = ANY($1::uuid[]) AND occurrence_key >= $2`,
    [series.map((s) => s.id), from],
  );
  const made = new Set(existing.rows.map((r) => `${r.series_id} ${r.occurrence_key}`));

  const settings = await loadSettings(tx, episode.therapist_id);
  const minutes = episode.session_minutes ?? settings.sessionMinutes;
  const occurrences = expandSlots({
    slots: series.map((s) => ({ weekday: s.weekday, time: s.local_time })),
    timeZone: zone,
    startsOn: from,
    untilOn: to,
    minutes,
    skipDate: inBreak,
  }).filter((o) => {
    const s = series[o.slotIndex] as SeriesRow;
    return (
      o.localDate >= (seriesFrom[o.slotIndex] as string) &&
      o.localDate <= (seriesCap[o.slotIndex] as string) &&
      o.startsAt.getTime() > now.getTime() &&
      !made.has(`${s.id} ${o.occurrenceKey}`)
    );
  });
  const limitHit = occurrences.length > remaining;
  let wanted = limitHit ? occurrences.slice(0, remaining) : occurrences;

  let skippedForClash = 0;
  if (wanted.length > 0) {
    const candidates: Candidate[] = wanted.map((o) => ({
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      locationId: episode.location_id,
    }));
    const clashes = await findClashes(tx, episode.therapist_id, candidates, { gapMinutes: settings.minGapMinutes });
    const first = clashes[0];
    if (first && options.onClash !== 'skip') {
      throw new HttpError(
        409,
        clashMessage(first, candidates[first.index] as Candidate, zone, settings.minGapMinutes),
        'clash',
      );
    }
    const clashing = new Set(clashes.map((c) => c.index));
    skippedForClash = clashing.size;
    wanted = wanted.filter((_, index) => !clashing.has(index));
  }

  if (wanted.length > 0) {
    await tx.query(
      `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, series_id, occurrence_key, kind,
              starts_at, ends_at, local_start, time_zone, location_id, fee_pence)
       SELECT app_practice_id(), $1, $2, $3, u.series_id, u.occurrence_key, 'session', u.starts_at, u.ends_at,
              u.local_start, $4, $5, $6
         FROM unnest($7::uuid[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[])
              AS u(series_id, occurrence_key, starts_at, ends_at, local_start)
       ON CONFLICT (practice_id, series_id, occurrence_key) WHERE series_id IS NOT NULL DO NOTHING`,
      [
        episode.id,
        episode.therapist_id,
        episode.client_id,
        zone,
        episode.location_id,
        episode.fee_pence ?? 0,
        wanted.map((o) => (series[o.slotIndex] as SeriesRow).id),
        wanted.map((o) => o.occurrenceKey),
        wanted.map((o) => o.startsAt),
        wanted.map((o) => o.endsAt),
        wanted.map((o) => {
          const local = utcToLocal(o.startsAt, zone);
          return localKey(local.date, local.time);
        }),
      ],
    );
  }

  // How far each series is now materialised. When a brief episode's count stopped generation, only
  // up to the day before its last session (later sessions that day are then still to come).
  const last = limitHit ? wanted.at(-1) : undefined;
  const reached = series.map((_, index) =>
    limitHit ? addDays(last ? last.localDate : (seriesFrom[index] as string), -1) : (seriesCap[index] as string),
  );
  await tx.query(
    `UPDATE session_series s SET materialised_until = greatest(s.materialised_until, u.reached)
       FROM unnest($1::uuid[], $2::date[]) AS u(id, reached) WHERE s.id = u.id`,
    [series.map((s) => s.id), reached],
  );
  if (wanted.length > 0) await honourRecordedAbsences(tx, episode.client_id, now);
  return { created: wanted.length, skippedForClash };
}

/**
 * Materialises every open series of a therapist's episodes up to `until` (a date beyond the
 * horizon someone wants to book): so a one-off booking is checked against the frame sessions that
 * will be there.
 */
export async function materialiseTherapistUntil(
  tx: Scoped,
  therapistId: string,
  until: string,
  options: MaterialiseOptions = {},
): Promise<void> {
  const due = await tx.query<{ episode_id: string }>(
    `SELECT DISTINCT s.episode_id FROM session_series s JOIN episodes e ON e.id = s.episode_id
      WHERE e.therapist_id = $1 AND e.status IN ('active', 'ending') AND s.ended_at IS NULL
        AND s.materialised_until < $2::date AND (s.ends_on IS NULL OR s.materialised_until < s.ends_on)
      ORDER BY s.episode_id`,
    [therapistId, until],
  );
  for (const row of due.rows) {
    await materialiseEpisode(tx, row.episode_id, until, { ...options, onClash: options.onClash ?? 'skip' });
  }
}

/**
 * Materialises an episode for a route acting on it: a clash refuses the request (409, naming it),
 * with the refusal in the audit log under the route's event.
 */
export async function materialiseOrRefuse(
  tx: Scoped,
  episodeId: string,
  event: AuditInput,
  now: Date,
): Promise<MaterialiseResult> {
  try {
    return await materialiseEpisode(tx, episodeId, undefined, { now });
  } catch (error) {
    if (error instanceof HttpError && error.code === 'clash') refuse(tx, event, 409, 'clash', error.message);
    throw error;
  }
}
