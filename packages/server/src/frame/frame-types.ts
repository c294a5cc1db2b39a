/**
 * The vocabulary of the therapy frame, shared by the pure scheduling engine (this folder: no
 * database, no I/O) and the routes in features/frame. Dates are ISO calendar dates ("2027-03-28"),
 * wall times are "HH:MM" in an IANA time zone, instants are JavaScript Dates (UTC).
 */

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One fixed weekly slot of an agreement: "Tuesdays at 08:10". */
export interface WeeklySlot {
  weekday: Weekday;
  /** "HH:MM", 24-hour, in the agreement's time zone. */
  time: string;
}

export interface DateRange {
  /** First day, inclusive ("2027-08-02"). */
  startsOn: string;
  /** Last day, inclusive. */
  endsOn: string;
}

/** One generated occurrence of a weekly slot. */
export interface Occurrence {
  /** Index of the slot in the agreement's slot list. */
  slotIndex: number;
  /** The original local start, "2027-01-14T09:00": stable identity of the occurrence. */
  occurrenceKey: string;
  /** Local calendar date in the agreement's zone. */
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

export type AppointmentKind = 'consultation' | 'assessment' | 'session' | 'review';
export type AppointmentStatus =
  'scheduled' | 'attended' | 'cancelled_client' | 'did_not_attend' | 'cancelled_therapist' | 'moved';
export type EpisodeStatus = 'assessment' | 'active' | 'paused' | 'ending' | 'ended';
export type EpisodeKind = 'brief' | 'open';
export type BreakKind = 'therapist' | 'practice' | 'bank_holiday';

export type LedgerKind =
  'session_fee' | 'late_cancellation' | 'did_not_attend' | 'hour_is_yours' | 'free_missed' | 'reversal' | 'adjustment';

/**
 * A therapist's cancellation policy (overridable per client, on the episode).
 * - mode 'notice': a client cancellation with less than noticeHours' notice is late; late
 *   cancellations and/or did-not-attend are charged (lateFeePercent of the session fee) as chosen.
 * - mode 'hour_is_yours': every booked session is charged, whatever the notice (the traditional
 *   analytic frame); only the therapist's own cancellations and breaks are never charged.
 * freeMissedPerYear: that many otherwise-chargeable missed sessions per calendar year (in the
 * therapist's time zone) are not charged; the ledger still records them at zero as "free_missed".
 */
export interface CancellationPolicy {
  mode: 'notice' | 'hour_is_yours';
  noticeHours: number;
  chargeLateCancellation: boolean;
  chargeDidNotAttend: boolean;
  /** 0–100: share of the session fee charged for a chargeable miss. */
  lateFeePercent: number;
  freeMissedPerYear: number;
}

export const DEFAULT_POLICY: CancellationPolicy = {
  mode: 'notice',
  noticeHours: 48,
  chargeLateCancellation: true,
  chargeDidNotAttend: true,
  lateFeePercent: 100,
  freeMissedPerYear: 0,
};

/** What happened to a session, as far as charging is concerned. */
export type ChargeEvent =
  | { kind: 'attended' }
  | { kind: 'cancelled_client'; noticeMinutes: number }
  | { kind: 'did_not_attend' }
  | { kind: 'cancelled_therapist' };

/** The policy's answer: what the ledger gets, and the sentence a person reads before confirming. */
export interface ChargeDecision {
  /** null: nothing goes in the ledger. */
  ledgerKind: LedgerKind | null;
  amountPence: number;
  late: boolean;
  /** True when the miss used one of the free allowance. */
  usedFreeAllowance: boolean;
  /** Plain English, e.g. "This is less than 48 hours' notice, so the full fee of £70.00 is charged." */
  explanation: string;
}
