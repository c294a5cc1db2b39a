import type { Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { decideCharge } from '../../frame/cancellation-policy.js';
import {
  DEFAULT_POLICY,
  type AppointmentKind,
  type AppointmentStatus,
  type CancellationPolicy,
  type ChargeDecision,
  type ChargeEvent,
  type LedgerKind,
} from '../../frame/frame-types.js';
import { localToUtc, utcToLocal } from '../../frame/zoned-time.js';
import { fitDescription, formatLocalStart } from './charges-format.js';
import type { ChargePreview } from './frame-schemas.js';
import { loadSettings } from './settings-record.js';
import {
  findLedgerEntries,
  insertLedgerEntry,
  insertReversal,
  practiceCurrency,
  type LedgerEntryView,
} from './ledger-record.js';

/**
 * Every charge goes through here. `applyCharge` reverses whatever the ledger already holds for the
 * session, asks the cancellation policy (episode override, else the therapist's, else the default)
 * what this event costs, and writes that; `previewCharge` asks the same question without writing,
 * so what a client is shown before confirming is what confirming charges.
 */
export type ChargePreviewView = Static<typeof ChargePreview>;

/** A session as charging (and the routes that change its status) need it. */
export interface ChargeableAppointment {
  id: string;
  episodeId: string;
  therapistId: string;
  clientId: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  localStart: string;
  timeZone: string;
  locationId: string | null;
  feePence: number;
  late: boolean | null;
  noticeMinutes: number | null;
  cancelReason: string | null;
  breakId: string | null;
  absenceId: string | null;
  sequence: number;
}

interface AppointmentRow {
  id: string;
  episode_id: string;
  therapist_id: string;
  client_id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  local_start: string;
  time_zone: string;
  location_id: string | null;
  fee_pence: number;
  late: boolean | null;
  notice_minutes: number | null;
  cancel_reason: string | null;
  break_id: string | null;
  absence_id: string | null;
  sequence: number;
}

export const CHARGEABLE_COLUMNS = `id, episode_id, therapist_id, client_id, kind, status, starts_at, ends_at, local_start,
  time_zone, location_id, fee_pence, late, notice_minutes, cancel_reason, break_id, absence_id, sequence`;

export function toChargeable(row: AppointmentRow): ChargeableAppointment {
  return {
    id: row.id,
    episodeId: row.episode_id,
    therapistId: row.therapist_id,
    clientId: row.client_id,
    kind: row.kind,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    localStart: row.local_start,
    timeZone: row.time_zone,
    locationId: row.location_id,
    feePence: row.fee_pence,
    late: row.late,
    noticeMinutes: row.notice_minutes,
    cancelReason: row.cancel_reason,
    breakId: row.break_id,
    absenceId: row.absence_id,
    sequence: row.sequence,
  };
}

/** Reads appointments and locks them for the rest of the transaction (in start order). */
export async function lockAppointments(tx: Scoped, where: string, values: unknown[]): Promise<ChargeableAppointment[]> {
  const result = await tx.query<AppointmentRow>(
    `SELECT ${CHARGEABLE_COLUMNS} FROM appointments WHERE ${where} ORDER BY starts_at, id FOR UPDATE`,
    values,
  );
  return result.rows.map(toChargeable);
}

/** One appointment, locked; undefined when there is none (in this practice). */
export async function lockAppointment(tx: Scoped, id: string): Promise<ChargeableAppointment | undefined> {
  const [found] = await lockAppointments(tx, 'id = $1', [id]);
  return found;
}

/** The policy that applies to a session: the episode's override, else the therapist's, else the default. */
export async function effectivePolicy(tx: Scoped, episodeId: string, therapistId: string): Promise<CancellationPolicy> {
  const result = await tx.query<{ policy: CancellationPolicy | null }>('SELECT policy FROM episodes WHERE id = $1', [
    episodeId,
  ]);
  const own = result.rows[0]?.policy;
  return own ? { ...DEFAULT_POLICY, ...own } : (await loadSettings(tx, therapistId)).policy;
}

/** The therapist's time zone (their settings; the practice's when they have saved none). */
export async function therapistTimeZone(tx: Scoped, therapistId: string): Promise<string> {
  return (await loadSettings(tx, therapistId)).timeZone;
}

const MISSED_KINDS: LedgerKind[] = ['late_cancellation', 'did_not_attend', 'hour_is_yours', 'free_missed'];

/**
 * Missed sessions already counted against this client's yearly allowance with this therapist: ledger
 * entries of a missed kind, not reversed, for sessions in the same calendar year (in the therapist's
 * zone) as `appointment` — not counting the session's own entries (re-marking replaces them).
 */
async function missedThisYear(
  tx: Scoped,
  appointment: ChargeableAppointment,
): Promise<{ count: number; year: string }> {
  const zone = await therapistTimeZone(tx, appointment.therapistId);
  const year = utcToLocal(appointment.startsAt, zone).date.slice(0, 4);
  const from = localToUtc(`${year}-01-01`, '00:00', zone);
  const to = localToUtc(`${Number(year) + 1}-01-01`, '00:00', zone);
  const result = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM ledger_entries e
       JOIN appointments a ON a.id = e.appointment_id
      WHERE e.client_id = $1 AND e.therapist_id = $2 AND e.kind = ANY($3::text[])
        AND e.appointment_id <> $4
        AND a.starts_at >= $5 AND a.starts_at < $6
        AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id)`,
    [appointment.clientId, appointment.therapistId, MISSED_KINDS, appointment.id, from, to],
  );
  return { count: result.rows[0]?.n ?? 0, year };
}

/** What the policy decides for this event, with the currency it is in. */
interface Quote {
  decision: ChargeDecision;
  currency: string;
  year: string;
}

async function quote(
  tx: Scoped,
  appointment: ChargeableAppointment,
  event: ChargeEvent,
  alreadyInBatch: Map<string, number> = new Map(),
): Promise<Quote> {
  const [policy, currency, missed] = [
    await effectivePolicy(tx, appointment.episodeId, appointment.therapistId),
    await practiceCurrency(tx),
    await missedThisYear(tx, appointment),
  ];
  const decision = decideCharge({
    policy,
    event,
    feePence: appointment.feePence,
    currency,
    missedThisYear: missed.count + (alreadyInBatch.get(missed.year) ?? 0),
  });
  return { decision, currency, year: missed.year };
}

/** The shape a person is shown before confirming. noticeHours: the notice being given, in hours. */
export function toChargePreview(decision: ChargeDecision, currency: string, event: ChargeEvent): ChargePreviewView {
  const notice = event.kind === 'cancelled_client' ? Math.max(0, event.noticeMinutes) : 0;
  return {
    late: decision.late,
    amountPence: decision.amountPence,
    currency,
    usedFreeAllowance: decision.usedFreeAllowance,
    explanation: decision.explanation,
    noticeHours: Math.round(notice / 6) / 10,
  };
}

/** What `applyCharge` would charge for this event now, without writing anything. */
export async function previewCharge(
  tx: Scoped,
  appointment: ChargeableAppointment,
  event: ChargeEvent,
): Promise<ChargePreviewView> {
  const { decision, currency } = await quote(tx, appointment, event);
  return toChargePreview(decision, currency, event);
}

/**
 * Previews for several sessions charged one after the other (a client's absence): each counts the
 * misses of the ones before it against the yearly allowance, exactly as applying them in this
 * order does. `appointments` must be in start order.
 */
export async function previewCharges(
  tx: Scoped,
  items: { appointment: ChargeableAppointment; event: ChargeEvent }[],
): Promise<ChargePreviewView[]> {
  const inBatch = new Map<string, number>();
  const previews: ChargePreviewView[] = [];
  for (const { appointment, event } of items) {
    const { decision, currency, year } = await quote(tx, appointment, event, inBatch);
    if (decision.ledgerKind !== null && MISSED_KINDS.includes(decision.ledgerKind)) {
      inBatch.set(year, (inBatch.get(year) ?? 0) + 1);
    }
    previews.push(toChargePreview(decision, currency, event));
  }
  return previews;
}

/** Charges of one client are decided one at a time (two cancellations must not share one free miss). */
export async function lockClientCharges(tx: Scoped, clientId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-charges:${clientId}`]);
}

const CHARGE_LABELS: Record<LedgerKind, string> = {
  session_fee: 'Fee',
  late_cancellation: 'Late cancellation',
  did_not_attend: 'Did not attend',
  hour_is_yours: 'Cancelled session (the hour is kept for you)',
  free_missed: 'Missed session, not charged (yearly allowance)',
  reversal: 'Reversed',
  adjustment: 'Adjustment',
};

/** "Late cancellation — session on Thursday 14 January 2027 at 09:00 London time". */
export function chargeDescription(kind: LedgerKind, appointment: ChargeableAppointment): string {
  return fitDescription(
    `${CHARGE_LABELS[kind]} — ${appointment.kind} on ${formatLocalStart(appointment.localStart, appointment.timeZone)}`,
  );
}

/**
 * Reverses every entry of this session that is not reversed yet (a `reversal` entry each, with the
 * opposite amount). Returns the reversal entries written.
 */
export async function reverseAppointmentCharges(
  tx: Scoped,
  appointment: ChargeableAppointment,
  why: string,
  at?: Date,
): Promise<LedgerEntryView[]> {
  await lockClientCharges(tx, appointment.clientId);
  const current = await findLedgerEntries(tx, { appointmentId: appointment.id });
  const ids: string[] = [];
  for (const entry of current) {
    if (entry.view.kind === 'reversal' || entry.reversed) continue;
    ids.push(await insertReversal(tx, entry, fitDescription(`Reversed (${why}): ${entry.view.description}`), at));
  }
  return ids.length === 0 ? [] : (await findLedgerEntries(tx, { ids })).map((e) => e.view);
}

/**
 * Applies the policy to what happened to a session: reverses the session's earlier charges, then
 * writes what the policy decides (nothing for a therapist's cancellation). Returns every ledger
 * entry written (reversals first).
 */
export async function applyCharge(
  tx: Scoped,
  appointment: ChargeableAppointment,
  event: ChargeEvent,
  at: Date,
): Promise<LedgerEntryView[]> {
  const reversals = await reverseAppointmentCharges(tx, appointment, 'the session was marked again', at);
  const { decision, currency } = await quote(tx, appointment, event);
  if (decision.ledgerKind === null) return reversals;
  const id = await insertLedgerEntry(tx, {
    clientId: appointment.clientId,
    therapistId: appointment.therapistId,
    appointmentId: appointment.id,
    kind: decision.ledgerKind,
    amountPence: decision.amountPence,
    currency,
    description: chargeDescription(decision.ledgerKind, appointment),
    at,
  });
  const written = await findLedgerEntries(tx, { ids: [id] });
  return [...reversals, ...written.map((e) => e.view)];
}
