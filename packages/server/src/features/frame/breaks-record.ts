import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import type { BreakKind } from '../../frame/frame-types.js';
import { daysBetween, todayIn, utcToLocal } from '../../frame/zoned-time.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { breakCancellationEmail, breakRestoredEmail, type BreakNoticeItem } from './breaks-email.js';
import { lockAppointments, type ChargeableAppointment } from './charges.js';
import { assertNoClash, lockFrame } from './clash.js';
import { withdrawMoveRequests } from './client-cancel-record.js';
import type { Break } from './frame-schemas.js';
import { materialiseEpisode } from './materialise.js';

/**
 * Breaks: a therapist's own (holidays), the practice's closures, and bank holidays. A break cancels
 * every scheduled session it covers (the session's own calendar date, in the zone it was agreed
 * in) — the therapist's for their break, everyone's for the practice's — as the therapist's
 * cancellation (never charged); each client is told once, with the notice they were given; brief
 * episodes are topped up so they still offer their number of sessions. Calling a break off that has
 * not ended restores the sessions it cancelled that have not started (unless the time has been
 * given to someone else meanwhile).
 */
export interface BreakRow {
  id: string;
  kind: BreakKind;
  therapist_id: string | null;
  therapist_name: string | null;
  title: string;
  starts_on: string;
  ends_on: string;
  created_at: Date;
}

export function toBreak(row: BreakRow, cancelledSessions?: number): Break {
  return {
    id: row.id,
    kind: row.kind,
    therapistId: row.therapist_id,
    therapistName: row.therapist_name,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdAt: row.created_at.toISOString(),
    ...(cancelledSessions === undefined ? {} : { cancelledSessions }),
  };
}

export interface BreakFilter {
  id?: string;
  /** Breaks that touch this period (inclusive dates). */
  from?: string;
  to?: string;
  /** Only the practice's breaks (practice closures and bank holidays) and these therapists'. */
  therapistIds?: string[];
  kind?: BreakKind;
}

export async function findBreaks(tx: Scoped, filter: BreakFilter): Promise<BreakRow[]> {
  const result = await tx.query<BreakRow>(
    `SELECT b.id, b.kind, b.therapist_id, t.display_name AS therapist_name, b.title,
            to_char(b.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(b.ends_on, 'YYYY-MM-DD') AS ends_on, b.created_at
       FROM breaks b
       LEFT JOIN users t ON t.id = b.therapist_id
      WHERE ($1::uuid IS NULL OR b.id = $1)
        AND ($2::date IS NULL OR b.ends_on >= $2)
        AND ($3::date IS NULL OR b.starts_on <= $3)
        AND ($4::uuid[] IS NULL OR b.therapist_id IS NULL OR b.therapist_id = ANY($4))
        AND ($5::text IS NULL OR b.kind = $5)
      ORDER BY b.starts_on, b.ends_on, b.created_at, b.id`,
    [filter.id ?? null, filter.from ?? null, filter.to ?? null, filter.therapistIds ?? null, filter.kind ?? null],
  );
  return result.rows;
}

export async function insertBreak(
  tx: Scoped,
  input: { kind: BreakKind; therapistId: string | null; title: string; startsOn: string; endsOn: string },
): Promise<BreakRow> {
  const created = await tx.query<{ id: string }>(
    `INSERT INTO breaks (practice_id, therapist_id, kind, title, starts_on, ends_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [tx.actor.practiceId, input.therapistId, input.kind, input.title, input.startsOn, input.endsOn, tx.actor.userId],
  );
  const [row] = await findBreaks(tx, { id: created.rows[0]?.id ?? '' });
  if (!row) throw new Error('the break was not written');
  return row;
}

export interface MailSettings {
  smtpConfigured: boolean;
  publicUrl: string;
}

interface Recipient {
  id: string;
  email: string;
  display_name: string;
  status: string;
  time_zone: string | null;
}

async function recipients(tx: Scoped, ids: string[]): Promise<Map<string, Recipient>> {
  const result = await tx.query<Recipient>(
    'SELECT id, email, display_name, status, time_zone FROM users WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(result.rows.map((r) => [r.id, r]));
}

/** Appointments grouped by client, then by (therapist, break), in start order. */
function groupByClient(
  appointments: { appointment: ChargeableAppointment; breakRow: BreakRow | undefined }[],
): Map<string, Map<string, typeof appointments>> {
  const byClient = new Map<string, Map<string, typeof appointments>>();
  for (const item of appointments) {
    const key = `${item.appointment.therapistId}|${item.breakRow?.id ?? ''}`;
    const groups = byClient.get(item.appointment.clientId) ?? new Map<string, typeof appointments>();
    groups.set(key, [...(groups.get(key) ?? []), item]);
    byClient.set(item.appointment.clientId, groups);
  }
  return byClient;
}

/** The session's date as its client reads it (their zone, else the zone it was agreed in). */
function clientDate(appointment: ChargeableAppointment, client: Recipient | undefined): string {
  return utcToLocal(appointment.startsAt, client?.time_zone ?? appointment.timeZone).date;
}

/** Episodes among these that are brief (they must still offer their number of sessions). */
async function briefEpisodes(tx: Scoped, episodeIds: string[]): Promise<string[]> {
  if (episodeIds.length === 0) return [];
  const result = await tx.query<{ id: string }>(
    `SELECT id FROM episodes WHERE id = ANY($1::uuid[]) AND kind = 'brief' ORDER BY id`,
    [[...new Set(episodeIds)]],
  );
  return result.rows.map((r) => r.id);
}

/**
 * Cancels the scheduled, not yet started sessions these breaks cover, tells each client once (one
 * e-mail for all the breaks), and tops up brief episodes. Returns how many each break cancelled.
 */
export async function cancelSessionsForBreaks(
  tx: Scoped,
  breaks: BreakRow[],
  mail: MailSettings,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const cancelled: { appointment: ChargeableAppointment; breakRow: BreakRow | undefined }[] = [];
  await lockTherapistsOf(tx, breaks);
  for (const breakRow of breaks) {
    const covered = await lockAppointments(
      tx,
      `status = 'scheduled' AND starts_at > now() AND left(local_start, 10) BETWEEN $1 AND $2
         AND ($3::uuid IS NULL OR therapist_id = $3)`,
      [breakRow.starts_on, breakRow.ends_on, breakRow.therapist_id],
    );
    counts.set(breakRow.id, covered.length);
    if (covered.length === 0) continue;
    const ids = covered.map((a) => a.id);
    await tx.query(
      `UPDATE appointments
          SET status = 'cancelled_therapist', cancel_reason = 'break', break_id = $2, late = NULL,
              notice_minutes = NULL, cancelled_at = now(), cancelled_by = $3, sequence = sequence + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids, breakRow.id, tx.actor.userId],
    );
    await withdrawMoveRequests(tx, ids, tx.actor.userId);
    cancelled.push(...covered.map((appointment) => ({ appointment, breakRow })));
  }
  if (cancelled.length === 0) return counts;

  const people = await recipients(tx, [
    ...new Set(cancelled.flatMap((c) => [c.appointment.clientId, c.appointment.therapistId])),
  ]);
  for (const [clientId, groups] of groupByClient(cancelled)) {
    const client = people.get(clientId);
    const items: BreakNoticeItem[] = [...groups.values()].map((group) => {
      const first = group[0];
      if (!first?.breakRow) throw new Error('a cancelled session without its break');
      const dates = group.map((g) => clientDate(g.appointment, client));
      const zone = client?.time_zone ?? first.appointment.timeZone;
      return {
        therapistName: people.get(first.appointment.therapistId)?.display_name ?? 'Your therapist',
        breakKind: first.breakRow.kind,
        breakTitle: first.breakRow.title,
        dates,
        noticeDays: daysBetween(todayIn(zone), [...dates].sort()[0] ?? todayIn(zone)),
      };
    });
    if (client && client.status === 'active') {
      const email = breakCancellationEmail({
        clientName: client.display_name,
        items,
        sessionsUrl: `${mail.publicUrl}/sessions`,
      });
      await enqueueEmail(tx, { kind: 'frame.break', to: client.email, ...email }, mail.smtpConfigured);
    }
    const sessions = [...groups.values()].flat();
    tx.audit({
      action: 'frame.appointment_cancelled',
      subjectType: 'user',
      subjectId: clientId,
      subjectUserId: clientId,
      details: {
        by: 'break',
        cancelled: sessions.length,
        breakIds: [...new Set(sessions.map((s) => s.breakRow?.id ?? ''))].join(','),
        noticeDays: Math.min(...items.map((i) => i.noticeDays)),
        emailed: Boolean(client && client.status === 'active'),
      },
    });
  }
  for (const episodeId of await briefEpisodes(
    tx,
    cancelled.map((c) => c.appointment.episodeId),
  )) {
    await materialiseEpisode(tx, episodeId, undefined, { onClash: 'skip' });
  }
  return counts;
}

/** The frame locks of the therapists these breaks touch (all in one call: one lock order). */
async function lockTherapistsOf(tx: Scoped, breaks: BreakRow[]): Promise<void> {
  const own = breaks.flatMap((b) => (b.therapist_id ? [b.therapist_id] : []));
  const practiceWide = breaks.filter((b) => !b.therapist_id);
  const others =
    practiceWide.length === 0
      ? []
      : (
          await tx.query<{ therapist_id: string }>(
            // Every therapist of the practice, not only those with sessions there now: a frame being
            // agreed at this moment (under its therapist's lock) must not land in the closure unseen.
            `SELECT user_id AS therapist_id FROM memberships WHERE role = 'therapist'
             UNION
             SELECT DISTINCT a.therapist_id FROM appointments a
               JOIN unnest($1::date[], $2::date[]) AS r(starts_on, ends_on)
                 ON left(a.local_start, 10) BETWEEN r.starts_on::text AND r.ends_on::text
              WHERE a.starts_at > now()`,
            [practiceWide.map((b) => b.starts_on), practiceWide.map((b) => b.ends_on)],
          )
        ).rows.map((r) => r.therapist_id);
  await lockFrame(tx, { therapistIds: [...new Set([...own, ...others])] });
}

/**
 * After a break is called off: generates the sessions it had kept from being made (series already
 * materialised past its first day skipped its dates). Each such series is wound back to the day
 * before the break, materialised up to the break's last day, then its reach is put back.
 * Returns the episodes touched.
 */
async function fillSkippedDates(tx: Scoped, breakRow: BreakRow): Promise<string[]> {
  const series = await tx.query<{ id: string; episode_id: string; reached: string }>(
    `SELECT s.id, s.episode_id, to_char(s.materialised_until, 'YYYY-MM-DD') AS reached
       FROM session_series s JOIN episodes e ON e.id = s.episode_id
      WHERE s.ended_at IS NULL AND s.starts_on <= $1::date AND (s.ends_on IS NULL OR s.ends_on >= $2::date)
        AND s.materialised_until >= $2::date AND ($3::uuid IS NULL OR e.therapist_id = $3)
        AND e.status IN ('active', 'ending')
      ORDER BY s.episode_id, s.id
      FOR UPDATE OF s`,
    [breakRow.ends_on, breakRow.starts_on, breakRow.therapist_id],
  );
  if (series.rows.length === 0) return [];
  const ids = series.rows.map((r) => r.id);
  await tx.query(
    `UPDATE session_series SET materialised_until = least(materialised_until, $2::date - 1) WHERE id = ANY($1::uuid[])`,
    [ids, breakRow.starts_on],
  );
  const episodes = [...new Set(series.rows.map((r) => r.episode_id))];
  for (const episodeId of episodes) {
    await materialiseEpisode(tx, episodeId, breakRow.ends_on, { onClash: 'skip' });
  }
  await tx.query(
    `UPDATE session_series s SET materialised_until = greatest(s.materialised_until, u.reached)
       FROM unnest($1::uuid[], $2::date[]) AS u(id, reached) WHERE s.id = u.id`,
    [ids, series.rows.map((r) => r.reached)],
  );
  return episodes;
}

/** A break (other than `exceptId`) that covers this session's date for its therapist. */
export async function otherCoveringBreak(
  tx: Scoped,
  appointment: ChargeableAppointment,
  exceptId: string | null,
): Promise<string | undefined> {
  const result = await tx.query<{ id: string }>(
    `SELECT id FROM breaks
      WHERE ($1::uuid IS NULL OR id <> $1) AND starts_on <= $2::date AND ends_on >= $2::date
        AND (therapist_id IS NULL OR therapist_id = $3)
      ORDER BY created_at LIMIT 1`,
    [exceptId, appointment.localStart.slice(0, 10), appointment.therapistId],
  );
  return result.rows[0]?.id;
}

/** Whether the session's time is still free (no clash for the therapist or the room). */
async function stillFree(tx: Scoped, appointment: ChargeableAppointment): Promise<boolean> {
  try {
    await assertNoClash(tx, {
      therapistId: appointment.therapistId,
      locationId: appointment.locationId,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      ignoreAppointmentId: appointment.id,
    });
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 409) return false;
    throw error;
  }
}

/**
 * A brief episode offers exactly its number of sessions. When sessions a break cancelled come
 * back, the ones added at the end to make up for them are no longer needed: the latest scheduled,
 * not yet started series sessions beyond the number are removed.
 */
export async function trimBriefEpisode(tx: Scoped, episodeId: string): Promise<number> {
  const result = await tx.query<{ id: string }>(
    `WITH ep AS (SELECT session_count FROM episodes WHERE id = $1 AND kind = 'brief' AND session_count IS NOT NULL),
          offered AS (
            SELECT count(*)::int AS n FROM appointments
             WHERE episode_id = $1 AND kind = 'session' AND status NOT IN ('cancelled_therapist', 'moved'))
     SELECT a.id FROM appointments a, ep, offered
      WHERE a.episode_id = $1 AND a.kind = 'session' AND a.status = 'scheduled' AND a.series_id IS NOT NULL
        AND a.starts_at > now() AND offered.n > ep.session_count
      ORDER BY a.starts_at DESC, a.id DESC
      LIMIT greatest((SELECT n FROM offered) - (SELECT session_count FROM ep), 0)`,
    [episodeId],
  );
  const ids = result.rows.map((r) => r.id);
  if (ids.length > 0) await tx.query('DELETE FROM appointments WHERE id = ANY($1::uuid[])', [ids]);
  return ids.length;
}

/**
 * Calls a break off: restores the sessions it cancelled that have not started (back to scheduled,
 * SEQUENCE bumped) unless another break still covers them or their time has been taken meanwhile,
 * deletes the break, fills in the sessions it had kept from being generated, trims brief episodes
 * back to their number, and tells each client whose sessions came back.
 */
export async function removeBreak(
  tx: Scoped,
  breakRow: BreakRow,
  mail: MailSettings,
): Promise<{ restored: number; notRestored: number }> {
  await lockTherapistsOf(tx, [breakRow]);
  const cancelled = await lockAppointments(
    tx,
    `break_id = $1 AND status = 'cancelled_therapist' AND cancel_reason = 'break' AND starts_at > now()`,
    [breakRow.id],
  );
  const restored: ChargeableAppointment[] = [];
  let notRestored = 0;
  for (const appointment of cancelled) {
    const other = await otherCoveringBreak(tx, appointment, breakRow.id);
    if (other) {
      await tx.query('UPDATE appointments SET break_id = $2, updated_at = now() WHERE id = $1', [
        appointment.id,
        other,
      ]);
      continue;
    }
    if (!(await stillFree(tx, appointment))) {
      notRestored++;
      continue;
    }
    await tx.query(
      `UPDATE appointments
          SET status = 'scheduled', cancel_reason = NULL, break_id = NULL, cancelled_at = NULL, cancelled_by = NULL,
              reminder_sent_at = NULL, sequence = sequence + 1, updated_at = now()
        WHERE id = $1`,
      [appointment.id],
    );
    restored.push(appointment);
  }
  await tx.query('DELETE FROM breaks WHERE id = $1', [breakRow.id]);

  const filled = await fillSkippedDates(tx, breakRow);
  const episodes = new Set([...filled, ...restored.map((a) => a.episodeId)]);
  for (const episodeId of await briefEpisodes(tx, [...episodes])) await trimBriefEpisode(tx, episodeId);

  if (restored.length > 0) {
    const people = await recipients(tx, [...new Set(restored.flatMap((a) => [a.clientId, a.therapistId]))]);
    for (const [clientId, groups] of groupByClient(
      restored.map((appointment) => ({ appointment, breakRow: undefined })),
    )) {
      const client = people.get(clientId);
      if (client && client.status === 'active') {
        const email = breakRestoredEmail({
          clientName: client.display_name,
          items: [...groups.values()].map((group) => ({
            therapistName: people.get(group[0]?.appointment.therapistId ?? '')?.display_name ?? 'Your therapist',
            dates: group.map((g) => clientDate(g.appointment, client)),
          })),
          sessionsUrl: `${mail.publicUrl}/sessions`,
        });
        await enqueueEmail(tx, { kind: 'frame.break', to: client.email, ...email }, mail.smtpConfigured);
      }
      tx.audit({
        action: 'frame.break_removed',
        subjectType: 'break',
        subjectId: breakRow.id,
        subjectUserId: clientId,
        details: { restored: [...groups.values()].flat().length },
      });
    }
  }
  return { restored: restored.length, notRestored };
}

/** The practice's own time zone (for "today" of practice-wide breaks). */
export async function practiceTimeZone(tx: Scoped): Promise<string> {
  const result = await tx.query<{ time_zone: string }>('SELECT time_zone FROM practices WHERE id = $1', [
    tx.actor.practiceId,
  ]);
  return result.rows[0]?.time_zone ?? 'Europe/London';
}
