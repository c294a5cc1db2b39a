import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditAction } from '../../audit/audit-event.js';
import { dateSkipper } from '../../frame/date-ranges.js';
import { DEFAULT_POLICY, type CancellationPolicy, type WeeklySlot } from '../../frame/frame-types.js';
import { expandSlots } from '../../frame/recurrence.js';
import { addDays } from '../../frame/zoned-time.js';
import { selfId } from './care-access.js';
import { lockFrame } from './clash.js';
import type { Episode } from './frame-schemas.js';

/**
 * Treatment episodes as the routes return them, with what is worked out from their sessions:
 *
 * - sessionsHeld: sessions (kind session or review) marked attended.
 * - sessionsRemaining: sessions still to come. For a brief episode, its session count less the
 *   sessions already offered (kind session, not cancelled by the therapist nor moved) whose time
 *   has passed. When an ending date is set (status ending), or an active episode has a planned end,
 *   the scheduled sessions from now up to the end of that day, plus the frame's sessions beyond the
 *   materialised horizon up to it (breaks left out). The smaller of the two when both apply; 0 once
 *   ended; null for an open-ended episode with no end in sight, and in assessment.
 * - nextReviewAt: with a review every N sessions, the next multiple of N above sessionsHeld (the
 *   session number the review falls on); reviewDue when the next session is that one
 *   (sessionsHeld = nextReviewAt − 1) and the episode is active or ending.
 * - effectivePolicy: the episode's own policy, else the therapist's.
 */
export interface EpisodeFilter {
  id?: string;
  ids?: string[];
  clientId?: string;
  therapistId?: string;
}

export interface EpisodeOptions {
  now?: Date;
  /** Decrypt the closing summary (therapists only; never for the client). */
  withClosingSummary?: boolean;
}

interface EpisodeRow {
  id: string;
  therapist_id: string;
  therapist_name: string;
  client_id: string;
  client_name: string;
  status: Episode['status'];
  kind: 'brief' | 'open' | null;
  session_count: number | null;
  slots: WeeklySlot[];
  time_zone: string;
  location_id: string | null;
  location_name: string | null;
  fee_pence: number | null;
  session_minutes: number | null;
  start_date: string | null;
  review_every: number | null;
  planned_end_date: string | null;
  ending_date: string | null;
  follow_up_date: string | null;
  closing_summary_enc: string | null;
  policy: CancellationPolicy | null;
  therapist_policy: CancellationPolicy | null;
  created_at: Date;
  held: number;
  offered_past: number;
  scheduled_ahead: number;
  open_slots: WeeklySlot[] | null;
  materialised_until: string | null;
}

export async function findEpisodes(
  tx: Scoped,
  filter: EpisodeFilter,
  options: EpisodeOptions = {},
): Promise<Episode[]> {
  const now = options.now ?? new Date();
  const result = await tx.query<EpisodeRow>(
    `SELECT e.id, e.therapist_id, t.display_name AS therapist_name, e.client_id, c.display_name AS client_name,
            e.status, e.kind, e.session_count, e.slots, e.time_zone, e.location_id, l.name AS location_name,
            e.fee_pence, e.session_minutes, e.start_date::text, e.review_every, e.planned_end_date::text,
            e.ending_date::text, e.follow_up_date::text, e.closing_summary_enc, e.policy,
            ts.policy AS therapist_policy, e.created_at,
            st.held, st.offered_past, st.scheduled_ahead, se.open_slots, se.materialised_until::text
       FROM episodes e
       JOIN users t ON t.id = e.therapist_id
       JOIN users c ON c.id = e.client_id
       LEFT JOIN locations l ON l.id = e.location_id
       LEFT JOIN therapist_settings ts ON ts.therapist_id = e.therapist_id
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE a.status = 'attended' AND a.kind IN ('session', 'review'))::int AS held,
                count(*) FILTER (WHERE a.kind = 'session' AND a.status NOT IN ('cancelled_therapist', 'moved')
                                   AND a.starts_at <= $5)::int AS offered_past,
                count(*) FILTER (WHERE a.status = 'scheduled' AND a.kind IN ('session', 'review') AND a.starts_at > $5
                                   AND a.starts_at < ((CASE WHEN e.status = 'ending' THEN e.ending_date
                                                            ELSE e.planned_end_date END) + 1)::timestamp
                                                     AT TIME ZONE e.time_zone)::int AS scheduled_ahead
           FROM appointments a WHERE a.episode_id = e.id
       ) st
       LEFT JOIN LATERAL (
         SELECT jsonb_agg(jsonb_build_object('weekday', s.weekday, 'time', s.local_time) ORDER BY s.weekday, s.local_time)
                  AS open_slots,
                min(s.materialised_until) AS materialised_until
           FROM session_series s WHERE s.episode_id = e.id AND s.ended_at IS NULL
       ) se ON true
      WHERE ($1::uuid IS NULL OR e.id = $1) AND ($2::uuid[] IS NULL OR e.id = ANY($2))
        AND ($3::uuid IS NULL OR e.client_id = $3) AND ($4::uuid IS NULL OR e.therapist_id = $4)
      ORDER BY e.created_at DESC, e.id`,
    [filter.id ?? null, filter.ids ?? null, filter.clientId ?? null, filter.therapistId ?? null, now],
  );
  const episodes: Episode[] = [];
  for (const row of result.rows) {
    episodes.push(await toEpisode(tx, row, options));
  }
  return episodes;
}

export async function findEpisode(tx: Scoped, id: string, options: EpisodeOptions = {}): Promise<Episode | undefined> {
  const [found] = await findEpisodes(tx, { id }, options);
  return found;
}

async function toEpisode(tx: Scoped, row: EpisodeRow, options: EpisodeOptions): Promise<Episode> {
  const episode: Episode = {
    id: row.id,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    clientId: row.client_id,
    clientName: row.client_name,
    status: row.status,
    kind: row.kind,
    sessionCount: row.session_count,
    slots: row.slots,
    timeZone: row.time_zone,
    locationId: row.location_id,
    locationName: row.location_name,
    feePence: row.fee_pence,
    sessionMinutes: row.session_minutes,
    startDate: row.start_date,
    reviewEvery: row.review_every,
    plannedEndDate: row.planned_end_date,
    endingDate: row.ending_date,
    followUpDate: row.follow_up_date,
    policy: row.policy,
    effectivePolicy:
      row.policy ?? (row.therapist_policy ? { ...DEFAULT_POLICY, ...row.therapist_policy } : DEFAULT_POLICY),
    sessionsRemaining: await sessionsRemaining(tx, row),
    sessionsHeld: row.held,
    nextReviewAt: null,
    reviewDue: false,
    createdAt: row.created_at.toISOString(),
  };
  if (row.review_every) {
    episode.nextReviewAt = (Math.floor(row.held / row.review_every) + 1) * row.review_every;
    episode.reviewDue = (row.status === 'active' || row.status === 'ending') && row.held === episode.nextReviewAt - 1;
  }
  if (options.withClosingSummary) {
    episode.closingSummary = row.closing_summary_enc
      ? await tx.decrypt(`episodes.closing_summary_enc:${row.id}`, row.closing_summary_enc)
      : null;
  }
  return episode;
}

async function sessionsRemaining(tx: Scoped, row: EpisodeRow): Promise<number | null> {
  if (row.status === 'assessment' || row.kind === null) return null;
  if (row.status === 'ended') return 0;
  const byCount = row.kind === 'brief' ? Math.max(0, (row.session_count ?? 0) - row.offered_past) : null;
  const endDate = row.status === 'ending' ? row.ending_date : row.planned_end_date;
  let byDate: number | null = null;
  if (endDate) {
    byDate = row.scheduled_ahead;
    const slots = row.open_slots ?? [];
    if (slots.length > 0 && row.materialised_until && row.materialised_until < endDate) {
      byDate += await projectedSessions(tx, row, slots, addDays(row.materialised_until, 1), endDate);
    }
  }
  if (byCount === null) return byDate;
  if (byDate === null) return byCount;
  return Math.min(byCount, byDate);
}

/** Frame sessions not materialised yet between two dates (breaks left out). */
async function projectedSessions(
  tx: Scoped,
  row: EpisodeRow,
  slots: WeeklySlot[],
  from: string,
  to: string,
): Promise<number> {
  const breaks = await tx.query<{ starts_on: string; ends_on: string }>(
    `SELECT starts_on::text, ends_on::text FROM breaks
      WHERE (therapist_id IS NULL OR therapist_id = $1) AND starts_on <= $3::date AND ends_on >= $2::date`,
    [row.therapist_id, from, to],
  );
  return expandSlots({
    slots,
    timeZone: row.time_zone,
    startsOn: from,
    untilOn: to,
    minutes: row.session_minutes ?? 50,
    skipDate: dateSkipper(breaks.rows.map((b) => ({ startsOn: b.starts_on, endsOn: b.ends_on }))),
  }).length;
}

/** The stored fields of an episode that the write routes work from. */
export interface EpisodeCore {
  id: string;
  therapistId: string;
  clientId: string;
  status: Episode['status'];
  kind: 'brief' | 'open' | null;
  sessionCount: number | null;
  slots: WeeklySlot[];
  timeZone: string;
  locationId: string | null;
  feePence: number | null;
  sessionMinutes: number | null;
  startDate: string | null;
  plannedEndDate: string | null;
  endingDate: string | null;
}

interface CoreRow {
  id: string;
  therapist_id: string;
  client_id: string;
  status: Episode['status'];
  kind: 'brief' | 'open' | null;
  session_count: number | null;
  slots: WeeklySlot[];
  time_zone: string;
  location_id: string | null;
  fee_pence: number | null;
  session_minutes: number | null;
  start_date: string | null;
  planned_end_date: string | null;
  ending_date: string | null;
  in_care: boolean;
}

/**
 * An episode the signed-in therapist may see: its client is in their care (else 404, audited, as if
 * it did not exist). With `write`, it must also be their own episode (a colleague's earlier episode
 * with the same client can be read, not changed), the therapist's frame lock is taken and the row
 * is locked for the rest of the transaction.
 */
export async function episodeForTherapist(
  tx: Scoped,
  episodeId: string,
  action: AuditAction,
  options: { write?: boolean } = {},
): Promise<EpisodeCore> {
  const therapistId = selfId(tx);
  if (options.write) await lockFrame(tx, { therapistIds: [therapistId] });
  const found = await tx.query<CoreRow>(
    `SELECT e.id, e.therapist_id, e.client_id, e.status, e.kind, e.session_count, e.slots, e.time_zone,
            e.location_id, e.fee_pence, e.session_minutes, e.start_date::text, e.planned_end_date::text,
            e.ending_date::text,
            EXISTS (SELECT 1 FROM care_assignments ca
                     WHERE ca.therapist_id = $2 AND ca.client_id = e.client_id AND ca.ended_at IS NULL) AS in_care
       FROM episodes e WHERE e.id = $1 ${options.write ? 'FOR UPDATE OF e' : ''}`,
    [episodeId, therapistId],
  );
  const row = found.rows[0];
  const subject = { action, subjectType: 'episode', subjectId: episodeId };
  if (!row || !row.in_care) {
    refuse(
      tx,
      { ...subject, ...(row ? { subjectUserId: row.client_id } : {}) },
      404,
      'not_found',
      'There is no such episode on your caseload.',
    );
  }
  if (options.write && row.therapist_id !== therapistId) {
    refuse(
      tx,
      { ...subject, subjectUserId: row.client_id },
      403,
      'not_your_episode',
      'This episode belongs to another therapist, so you can read it but not change it. Start a new episode instead.',
    );
  }
  return {
    id: row.id,
    therapistId: row.therapist_id,
    clientId: row.client_id,
    status: row.status,
    kind: row.kind,
    sessionCount: row.session_count,
    slots: row.slots,
    timeZone: row.time_zone,
    locationId: row.location_id,
    feePence: row.fee_pence,
    sessionMinutes: row.session_minutes,
    startDate: row.start_date,
    plannedEndDate: row.planned_end_date,
    endingDate: row.ending_date,
  };
}
