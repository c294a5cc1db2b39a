import type { Scoped } from '../access/access-layer.js';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../frame/bank-holidays.js';
import { noticeMinutes } from '../frame/cancellation-policy.js';
import { DEFAULT_POLICY, type CancellationPolicy, type ChargeEvent, type WeeklySlot } from '../frame/frame-types.js';
import { addDays, localToUtc, todayIn, weekdayOf } from '../frame/zoned-time.js';
import { cancelSessionsForBreaks, insertBreak, type MailSettings } from '../features/frame/breaks-record.js';
import { applyCharge, lockAppointment, previewCharge } from '../features/frame/charges.js';
import { deleteScheduledFrom, endOfDay, endSeries, startSeries } from '../features/frame/episodes-series.js';
import { insertLedgerEntry, practiceCurrency } from '../features/frame/ledger-record.js';
import { horizonDate, materialiseEpisode } from '../features/frame/materialise.js';
import { messageContext } from '../features/frame/move-requests-record.js';
import { saveSettings } from '../features/frame/settings-record.js';

/**
 * The therapy frame of the demo practice, relative to the day it is seeded, made with the same
 * service functions the routes use (series, materialisation, breaks, the charging policy) so every
 * rule holds: Dr Ruth Mensah sees Priya twice a week (open-ended, with an early and a late
 * cancellation, a missed session and a pending request to move one), Jamie in assessment (a
 * consultation held, an assessment booked) and Daniel for twelve brief sessions online (one cancelled
 * by her, made up at the end); Tom Adeyemi sees Sophie weekly towards an agreed ending, Hannah on
 * "the hour is yours" terms, and Aled's therapy has ended with a closing summary. Ruth has a holiday
 * coming, the practice closes for the next bank holiday (both cancel sessions and tell the clients),
 * and the ledger holds fees, charges for missed sessions, a free miss and an adjustment.
 *
 * Everything is invented. Idempotent: a practice that already has episodes is left alone.
 */
const ZONE = 'Europe/London';

export interface DemoFrameSummary {
  episodes: number;
  appointments: number;
  ledgerEntries: number;
  breaks: number;
}

type Marking = 'attended' | 'did_not_attend' | 'cancelled_client' | 'cancelled_therapist';

const hours = (start: string, end: string) => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

const RUTH_POLICY: CancellationPolicy = { ...DEFAULT_POLICY, noticeHours: 48 };
const TOM_POLICY: CancellationPolicy = {
  mode: 'notice',
  noticeHours: 24,
  chargeLateCancellation: true,
  chargeDidNotAttend: true,
  lateFeePercent: 50,
  freeMissedPerYear: 1,
};
const HOUR_IS_YOURS: CancellationPolicy = { ...DEFAULT_POLICY, mode: 'hour_is_yours' };

/** The Monday of the week `date` is in. */
function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

function id(userIds: Record<string, string>, key: string): string {
  const found = userIds[key];
  if (!found) throw new Error(`the demo has no person "${key}"`);
  return found;
}

async function insertLocation(tx: Scoped, name: string, kind: 'room' | 'online', address: string | null) {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO locations (practice_id, name, kind, address) VALUES (app_practice_id(), $1, $2, $3) RETURNING id`,
    [name, kind, address],
  );
  return result.rows[0]?.id as string;
}

/** An episode in assessment, as POST /clients/:id/episodes makes it, on the date given. */
async function newEpisode(tx: Scoped, therapistId: string, clientId: string, createdOn: string): Promise<string> {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO episodes (practice_id, therapist_id, client_id, time_zone, created_by, created_at)
     VALUES (app_practice_id(), $1, $2, $3, $1, $4) RETURNING id`,
    [therapistId, clientId, ZONE, localToUtc(createdOn, '12:00', ZONE)],
  );
  return result.rows[0]?.id as string;
}

interface Agreement {
  kind: 'brief' | 'open';
  sessionCount?: number;
  slots: WeeklySlot[];
  locationId: string;
  feePence: number;
  startDate: string;
  reviewEvery?: number;
  policy?: CancellationPolicy;
}

/**
 * Agrees the frame (as POST /episodes/:id/agreement does) with a start in the past, and materialises
 * it from that start (as if it had been agreed then) up to today's horizon.
 */
async function agree(tx: Scoped, episodeId: string, a: Agreement, now: Date, until?: string): Promise<void> {
  await tx.query(
    `UPDATE episodes SET status = 'active', kind = $2, session_count = $3, slots = $4::jsonb, location_id = $5,
            fee_pence = $6, session_minutes = 50, start_date = $7, review_every = $8, policy = $9::jsonb,
            agreed_at = $10
      WHERE id = $1`,
    [
      episodeId,
      a.kind,
      a.sessionCount ?? null,
      JSON.stringify(a.slots),
      a.locationId,
      a.feePence,
      a.startDate,
      a.reviewEvery ?? null,
      a.policy ? JSON.stringify(a.policy) : null,
      localToUtc(addDays(a.startDate, -7), '12:00', ZONE),
    ],
  );
  await startSeries(tx, episodeId, a.slots, ZONE, a.startDate, null);
  await materialiseEpisode(tx, episodeId, until ?? horizonDate(ZONE, now), {
    now: localToUtc(a.startDate, '00:00', ZONE),
  });
}

/** The episode's appointments that have ended by `now`, in time order. */
async function pastAppointments(tx: Scoped, episodeId: string, now: Date): Promise<string[]> {
  const result = await tx.query<{ id: string }>(
    `SELECT id FROM appointments WHERE episode_id = $1 AND status = 'scheduled' AND ends_at <= $2
      ORDER BY starts_at, id`,
    [episodeId, now],
  );
  return result.rows.map((r) => r.id);
}

/**
 * Marks a session as the attendance route and the client's cancellation do, and charges it by the
 * policy. `noticeHours`: for a cancellation, how long before the session it was made.
 */
async function mark(tx: Scoped, appointmentId: string, status: Marking, noticeHours = 0): Promise<void> {
  const appointment = await lockAppointment(tx, appointmentId);
  if (!appointment) throw new Error('a demo appointment vanished');
  const cancelledAt = new Date(appointment.startsAt.getTime() - noticeHours * 3_600_000);
  const event: ChargeEvent =
    status === 'cancelled_client'
      ? { kind: 'cancelled_client', noticeMinutes: noticeMinutes(appointment.startsAt, cancelledAt) }
      : { kind: status };
  const late = event.kind === 'cancelled_client' ? (await previewCharge(tx, appointment, event)).late : null;
  const cancelled = status === 'cancelled_client' || status === 'cancelled_therapist';
  const markedAt = cancelled ? cancelledAt : new Date(appointment.endsAt.getTime() + 30 * 60_000);
  await tx.query(
    `UPDATE appointments
        SET status = $2, late = $3, notice_minutes = $4, cancel_reason = $5, cancelled_at = $6, cancelled_by = $7,
            marked_at = $8, marked_by = $9, sequence = sequence + $10, updated_at = $11
      WHERE id = $1`,
    [
      appointment.id,
      status,
      late,
      event.kind === 'cancelled_client' ? event.noticeMinutes : null,
      status === 'cancelled_client' ? 'client' : status === 'cancelled_therapist' ? 'therapist' : null,
      cancelled ? cancelledAt : null,
      status === 'cancelled_client'
        ? appointment.clientId
        : status === 'cancelled_therapist'
          ? appointment.therapistId
          : null,
      cancelled ? null : markedAt,
      cancelled ? null : appointment.therapistId,
      cancelled ? 1 : 0,
      markedAt,
    ],
  );
  await applyCharge(tx, { ...appointment, status }, event, markedAt);
}

/** Marks every past session of the episode attended, except those named (by position among them). */
async function markPast(
  tx: Scoped,
  episodeId: string,
  now: Date,
  exceptions: Record<number, { status: Marking; noticeHours?: number }> = {},
): Promise<void> {
  const past = await pastAppointments(tx, episodeId, now);
  for (const [index, appointmentId] of past.entries()) {
    const exception = exceptions[index];
    await mark(tx, appointmentId, exception?.status ?? 'attended', exception?.noticeHours);
  }
}

/** A one-off appointment (consultation, assessment), as POST /episodes/:id/appointments books it. */
async function bookOne(
  tx: Scoped,
  episode: { id: string; therapistId: string; clientId: string },
  kind: 'consultation' | 'assessment',
  date: string,
  time: string,
  locationId: string,
  feePence: number,
): Promise<string> {
  const startsAt = localToUtc(date, time, ZONE);
  const result = await tx.query<{ id: string }>(
    `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at, local_start,
                               time_zone, location_id, fee_pence)
     VALUES (app_practice_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      episode.id,
      episode.therapistId,
      episode.clientId,
      kind,
      startsAt,
      new Date(startsAt.getTime() + 50 * 60_000),
      `${date}T${time}`,
      ZONE,
      locationId,
      feePence,
    ],
  );
  return result.rows[0]?.id as string;
}

export async function seedDemoFrame(
  tx: Scoped,
  userIds: Record<string, string>,
  mail: MailSettings,
  now: Date = new Date(),
): Promise<DemoFrameSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM episodes');
  if ((existing.rows[0]?.n ?? 0) > 0) return counts(tx);

  const ruth = id(userIds, 'ruth.mensah');
  const tom = id(userIds, 'tom.adeyemi');
  const today = todayIn(ZONE, now);
  const monday = mondayOf(today);
  const week = (n: number, weekday = 1) => addDays(monday, n * 7 + weekday - 1);

  // Settings: Ruth charges missed sessions in full within 48 hours, with reminders a day ahead; Tom
  // charges half within 24 hours and lets one missed session a year go free.
  const common = { timeZone: ZONE, sessionMinutes: 50, minGapMinutes: 10, feedShowsClientNames: false };
  await saveSettings(tx, ruth, {
    ...common,
    workingHours: hours('08:00', '19:00'),
    fees: { consultation: 9000, assessment: 9000, session: 7000, review: 7000 },
    policy: RUTH_POLICY,
    reminderLeadHours: 24,
  });
  await saveSettings(tx, tom, {
    ...common,
    workingHours: hours('09:00', '19:30'),
    fees: { consultation: 8000, assessment: 8000, session: 6500, review: 6500 },
    policy: TOM_POLICY,
    reminderLeadHours: 48,
  });

  const room1 = await insertLocation(tx, 'Room 1', 'room', 'Northside House, 4 Alder Lane (ground floor)');
  const room2 = await insertLocation(tx, 'Room 2', 'room', 'Northside House, 4 Alder Lane (first floor)');
  const video = await insertLocation(tx, 'Video call', 'online', null);

  // Priya (Ruth): open-ended, twice a week, Room 1, for ten weeks so far.
  const priya = await newEpisode(tx, ruth, id(userIds, 'priya.nair'), week(-12));
  await agree(
    tx,
    priya,
    {
      kind: 'open',
      slots: [
        { weekday: 1, time: '08:10' },
        { weekday: 4, time: '08:10' },
      ],
      locationId: room1,
      feePence: 7000,
      startDate: week(-10),
      reviewEvery: 24,
    },
    now,
  );
  await markPast(tx, priya, now, {
    3: { status: 'cancelled_client', noticeHours: 6 * 24 },
    8: { status: 'cancelled_client', noticeHours: 20 },
    13: { status: 'did_not_attend' },
  });

  // Jamie (Ruth): in assessment: a consultation held last week, an assessment session booked.
  const jamieId = id(userIds, 'jamie.walsh');
  const jamie = await newEpisode(tx, ruth, jamieId, week(-2));
  const consultation = await bookOne(
    tx,
    { id: jamie, therapistId: ruth, clientId: jamieId },
    'consultation',
    week(-1, 2),
    '10:00',
    room1,
    9000,
  );
  await mark(tx, consultation, 'attended');
  await bookOne(
    tx,
    { id: jamie, therapistId: ruth, clientId: jamieId },
    'assessment',
    week(1, 2),
    '10:00',
    room1,
    9000,
  );

  // Daniel (Ruth): twelve brief sessions online on Wednesday evenings; Ruth cancelled one (made up at the end).
  const daniel = await newEpisode(tx, ruth, id(userIds, 'daniel.okoro'), week(-8));
  await agree(
    tx,
    daniel,
    {
      kind: 'brief',
      sessionCount: 12,
      slots: [{ weekday: 3, time: '17:00' }],
      locationId: video,
      feePence: 7000,
      startDate: week(-6, 3),
      reviewEvery: 6,
    },
    now,
  );
  await markPast(tx, daniel, now, { 2: { status: 'cancelled_therapist', noticeHours: 3 * 24 } });
  await materialiseEpisode(tx, daniel, undefined, { now });
  const currency = await practiceCurrency(tx);
  await insertLedgerEntry(tx, {
    clientId: id(userIds, 'daniel.okoro'),
    therapistId: ruth,
    appointmentId: null,
    kind: 'adjustment',
    amountPence: -3500,
    currency,
    description: 'Reduced fee agreed for the first session',
    at: localToUtc(week(-6, 3), '18:30', ZONE),
  });

  // Sophie (Tom): weekly on Tuesday evenings in Room 2, ending in four weeks as agreed.
  const sophie = await newEpisode(tx, tom, id(userIds, 'sophie.turner'), week(-18));
  await agree(
    tx,
    sophie,
    {
      kind: 'open',
      slots: [{ weekday: 2, time: '18:00' }],
      locationId: room2,
      feePence: 6500,
      startDate: week(-16, 2),
    },
    now,
  );
  await markPast(tx, sophie, now, {
    6: { status: 'cancelled_client', noticeHours: 10 },
    11: { status: 'cancelled_client', noticeHours: 5 },
  });
  const endingDate = week(4, 2);
  await endSeries(tx, sophie, endingDate, false);
  await deleteScheduledFrom(tx, sophie, endOfDay(endingDate, ZONE));
  await tx.query(`UPDATE episodes SET status = 'ending', ending_date = $2 WHERE id = $1`, [sophie, endingDate]);

  // Hannah (Tom): weekly online on Friday mornings, on "the hour is yours" terms.
  const hannah = await newEpisode(tx, tom, id(userIds, 'hannah.kowalski'), week(-10));
  await agree(
    tx,
    hannah,
    {
      kind: 'open',
      slots: [{ weekday: 5, time: '09:00' }],
      locationId: video,
      feePence: 6500,
      startDate: week(-8, 5),
      policy: HOUR_IS_YOURS,
    },
    now,
  );
  await markPast(tx, hannah, now, {
    2: { status: 'cancelled_client', noticeHours: 9 * 24 },
    5: { status: 'did_not_attend' },
  });

  // Aled (Tom): weekly on Thursdays for six months, ended four weeks ago with a closing summary.
  const aled = await newEpisode(tx, tom, id(userIds, 'aled.morgan'), week(-32));
  const lastDay = week(-4, 4);
  await agree(
    tx,
    aled,
    {
      kind: 'open',
      slots: [{ weekday: 4, time: '12:00' }],
      locationId: room2,
      feePence: 6500,
      startDate: week(-30, 4),
    },
    now,
    lastDay,
  );
  await markPast(tx, aled, now);
  await endSeries(tx, aled, lastDay, true);
  const summary = await tx.encrypt(
    'clinical',
    `episodes.closing_summary_enc:${aled}`,
    'Six months of weekly work, ended as planned. Aled described feeling steadier at work and more able to ' +
      'say what he needs at home. We agreed he can get in touch again at any time; a follow-up in three months.',
  );
  await tx.query(
    `UPDATE episodes SET status = 'ended', closing_summary_enc = $2, follow_up_date = $3, ending_date = $4, ended_at = $5
      WHERE id = $1`,
    [aled, summary, addDays(today, 60), lastDay, localToUtc(lastDay, '13:30', ZONE)],
  );

  // Priya asks to move her next session.
  const next = await tx.query<{ id: string; client_id: string }>(
    `SELECT id, client_id FROM appointments WHERE episode_id = $1 AND status = 'scheduled' AND starts_at > $2
      ORDER BY starts_at LIMIT 1`,
    [priya, now],
  );
  const toMove = next.rows[0];
  if (toMove) {
    const requestId = (await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id')).rows[0]?.id as string;
    await tx.query(
      `INSERT INTO move_requests (id, practice_id, appointment_id, client_id, message_enc)
       VALUES ($1, app_practice_id(), $2, $3, $4)`,
      [
        requestId,
        toMove.id,
        toMove.client_id,
        await tx.encrypt(
          'clinical',
          messageContext(requestId),
          'I have to travel for work that morning. Could we meet later in the day instead?',
        ),
      ],
    );
  }

  // Breaks, made after the sessions exist so they cancel them and tell the clients: Ruth's holiday
  // in five weeks, and the practice closed on the next bank holiday.
  const holiday = await insertBreak(tx, {
    kind: 'therapist',
    therapistId: ruth,
    title: 'Annual leave',
    startsOn: week(5),
    endsOn: week(6, 7),
  });
  const breaks = [holiday];
  const bankHoliday = ENGLAND_AND_WALES_BANK_HOLIDAYS.find((h) => h.date > addDays(today, 1));
  if (bankHoliday) {
    breaks.push(
      await insertBreak(tx, {
        kind: 'bank_holiday',
        therapistId: null,
        title: bankHoliday.title,
        startsOn: bankHoliday.date,
        endsOn: bankHoliday.date,
      }),
    );
  }
  await cancelSessionsForBreaks(tx, breaks, mail);
  return counts(tx);
}

async function counts(tx: Scoped): Promise<DemoFrameSummary> {
  const result = await tx.query<DemoFrameSummary>(
    `SELECT (SELECT count(*) FROM episodes)::int AS episodes, (SELECT count(*) FROM appointments)::int AS appointments,
            (SELECT count(*) FROM ledger_entries)::int AS "ledgerEntries", (SELECT count(*) FROM breaks)::int AS breaks`,
  );
  return result.rows[0] as DemoFrameSummary;
}
