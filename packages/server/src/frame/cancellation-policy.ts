import type { CancellationPolicy, ChargeDecision, ChargeEvent } from './frame-types.js';
import { formatMoney, percentOf } from './money.js';

/**
 * The cancellation policy as a pure function: what a session's outcome costs under the agreed
 * policy, and the sentence a person reads before confirming.
 *
 * - attended: the session fee ('session_fee').
 * - cancelled by the therapist (including breaks): never charged, nothing in the ledger.
 * - mode 'notice':
 *   - a client cancellation with at least noticeHours' notice is early: no charge, nothing in the
 *     ledger;
 *   - with less, it is late (`late: true`); if late cancellations are charged, lateFeePercent of the
 *     fee is charged as 'late_cancellation' (rounded to the penny);
 *   - did-not-attend, if charged, is charged the same way as 'did_not_attend'.
 * - mode 'hour_is_yours': every client cancellation, whatever the notice, is charged the full fee as
 *   'hour_is_yours' (lateFeePercent, noticeHours and the two switches do not apply, and `late` is
 *   false because notice plays no part); a did-not-attend is charged the full fee as
 *   'did_not_attend' (so the ledger still says what happened).
 * - The yearly allowance: when a miss would be charged and the client has had fewer than
 *   freeMissedPerYear otherwise-chargeable misses this year (`missedThisYear`, counting earlier free
 *   ones), it is recorded as 'free_missed' at 0 with usedFreeAllowance.
 * - A charge that works out at nothing (a fee of 0, or lateFeePercent 0) goes in no ledger and
 *   uses no allowance.
 */

export interface DecideChargeInput {
  policy: CancellationPolicy;
  event: ChargeEvent;
  /** The session's fee in pence. */
  feePence: number;
  /** ISO 4217 code, for the explanation ("GBP"). */
  currency: string;
  /**
   * Misses earlier in the same calendar year (in the therapist's zone) that the policy charged or
   * would have charged but for the allowance: ledger entries of kinds late_cancellation,
   * did_not_attend, hour_is_yours and free_missed that have not been reversed.
   */
  missedThisYear: number;
}

/** Whole minutes of notice from `at` until `startsAt`; 0 when the session has already started. */
export function noticeMinutes(startsAt: Date, at: Date): number {
  return Math.max(0, Math.floor((startsAt.getTime() - at.getTime()) / 60_000));
}

/** "30 hours' notice", "1 hour's notice", "5 days' notice", "less than an hour's notice", "no notice". */
export function describeNotice(minutes: number): string {
  if (minutes <= 0) return 'no notice';
  if (minutes < 60) return "less than an hour's notice";
  const hours = Math.floor(minutes / 60);
  if (hours < 72) return hours === 1 ? "1 hour's notice" : `${hours} hours' notice`;
  return `${Math.floor(hours / 24)} days' notice`;
}

function hoursText(hours: number): string {
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function allowanceText(policy: CancellationPolicy, missedThisYear: number): string {
  const left = policy.freeMissedPerYear - missedThisYear - 1;
  const each =
    policy.freeMissedPerYear === 1
      ? 'the 1 free missed session'
      : `one of the ${policy.freeMissedPerYear} free missed sessions`;
  return `${each} you have each year (${left === 0 ? 'none' : left} left after this)`;
}

function nothing(late: boolean, explanation: string): ChargeDecision {
  return { ledgerKind: null, amountPence: 0, late, usedFreeAllowance: false, explanation };
}

/** What the policy charges for a session's outcome, and why, in a sentence or two. */
export function decideCharge(input: DecideChargeInput): ChargeDecision {
  const { policy, event, feePence, currency, missedThisYear } = input;
  if (!Number.isInteger(feePence) || feePence < 0) {
    throw new RangeError(`A session fee must be a whole number of pence, not ${feePence}.`);
  }
  const money = (pence: number) => formatMoney(pence, currency);
  const allowanceLeft = missedThisYear < policy.freeMissedPerYear;

  switch (event.kind) {
    case 'attended':
      return {
        ledgerKind: 'session_fee',
        amountPence: feePence,
        late: false,
        usedFreeAllowance: false,
        explanation: `The session fee of ${money(feePence)} is charged.`,
      };

    case 'cancelled_therapist':
      return nothing(false, 'Sessions your therapist cancels are never charged.');

    case 'cancelled_client': {
      const notice = describeNotice(event.noticeMinutes);
      const noticeSentence = `You are giving ${notice}`;
      if (policy.mode === 'hour_is_yours') {
        if (feePence === 0)
          return nothing(false, `${noticeSentence}; there is no fee for this session, so nothing is charged.`);
        if (allowanceLeft) {
          return {
            ledgerKind: 'free_missed',
            amountPence: 0,
            late: false,
            usedFreeAllowance: true,
            explanation: `Under your agreement every booked session is paid for, whatever the notice, but this cancellation uses ${allowanceText(policy, missedThisYear)}, so nothing is charged.`,
          };
        }
        return {
          ledgerKind: 'hour_is_yours',
          amountPence: feePence,
          late: false,
          usedFreeAllowance: false,
          explanation: `Under your agreement every booked session is paid for, whatever the notice, so the full fee of ${money(feePence)} is charged for this cancellation.`,
        };
      }
      const agreed = `the agreed notice is ${hoursText(policy.noticeHours)}`;
      const late = event.noticeMinutes < policy.noticeHours * 60;
      if (!late) return nothing(false, `${noticeSentence}; ${agreed}, so there is no charge.`);
      const lateSentence = `${noticeSentence}; ${agreed}, so this counts as a late cancellation`;
      if (!policy.chargeLateCancellation) {
        return nothing(true, `${lateSentence}, but late cancellations are not charged, so there is no charge.`);
      }
      const amount = percentOf(feePence, policy.lateFeePercent);
      if (amount === 0) return nothing(true, `${lateSentence}, but the fee for it is nothing, so there is no charge.`);
      if (allowanceLeft) {
        return {
          ledgerKind: 'free_missed',
          amountPence: 0,
          late: true,
          usedFreeAllowance: true,
          explanation: `${lateSentence}. It uses ${allowanceText(policy, missedThisYear)}, so there is no charge.`,
        };
      }
      return {
        ledgerKind: 'late_cancellation',
        amountPence: amount,
        late: true,
        usedFreeAllowance: false,
        explanation: `${lateSentence} and ${chargedText(amount, feePence, policy.lateFeePercent, money)} is charged.`,
      };
    }

    case 'did_not_attend': {
      const missed = 'The session was missed without cancelling';
      if (policy.mode === 'notice' && !policy.chargeDidNotAttend) {
        return nothing(
          false,
          `${missed}; missed sessions are not charged under the agreed policy, so there is no charge.`,
        );
      }
      const amount = policy.mode === 'hour_is_yours' ? feePence : percentOf(feePence, policy.lateFeePercent);
      if (amount === 0) return nothing(false, `${missed}; the fee for it is nothing, so there is no charge.`);
      if (allowanceLeft) {
        return {
          ledgerKind: 'free_missed',
          amountPence: 0,
          late: false,
          usedFreeAllowance: true,
          explanation: `${missed}. It uses ${allowanceText(policy, missedThisYear)}, so there is no charge.`,
        };
      }
      const percent = policy.mode === 'hour_is_yours' ? 100 : policy.lateFeePercent;
      return {
        ledgerKind: 'did_not_attend',
        amountPence: amount,
        late: false,
        usedFreeAllowance: false,
        explanation: `${missed}, so ${chargedText(amount, feePence, percent, money)} is charged.`,
      };
    }
  }
}

function chargedText(amount: number, fee: number, percent: number, money: (pence: number) => string): string {
  return amount === fee ? `the full fee of ${money(fee)}` : `${money(amount)} (${percent}% of the ${money(fee)} fee)`;
}

export interface PolicyProblem {
  /** The policy's field ("noticeHours"). */
  field: string;
  message: string;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * What does not hold together in a policy, for a person to correct; empty when it is sound.
 * Fields that do not apply to the chosen mode are not checked (noticeHours, lateFeePercent and the
 * two switches mean nothing under 'hour_is_yours'). A lateFeePercent of 0 with charging on is
 * allowed: late cancellations are then recorded as late but cost nothing.
 */
export function validatePolicy(p: CancellationPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (p.mode !== 'notice' && p.mode !== 'hour_is_yours') {
    problems.push({ field: 'mode', message: 'Choose a notice period or "the hour is yours".' });
    return problems;
  }
  if (p.mode === 'notice') {
    if (typeof p.chargeLateCancellation !== 'boolean') {
      problems.push({ field: 'chargeLateCancellation', message: 'Say whether late cancellations are charged.' });
    }
    if (typeof p.chargeDidNotAttend !== 'boolean') {
      problems.push({ field: 'chargeDidNotAttend', message: 'Say whether missed sessions are charged.' });
    }
    if (!isIntegerIn(p.noticeHours, 0, 336)) {
      problems.push({
        field: 'noticeHours',
        message: 'The notice period must be a whole number of hours from 0 to 336 (two weeks).',
      });
    } else if (p.noticeHours === 0 && p.chargeLateCancellation === true) {
      problems.push({
        field: 'noticeHours',
        message:
          'With no notice period no cancellation is ever late; set a notice period or stop charging late cancellations.',
      });
    }
    if ((p.chargeLateCancellation || p.chargeDidNotAttend) && !isIntegerIn(p.lateFeePercent, 0, 100)) {
      problems.push({
        field: 'lateFeePercent',
        message: 'The share of the fee charged must be a whole number from 0 to 100.',
      });
    }
  }
  if (!isIntegerIn(p.freeMissedPerYear, 0, 52)) {
    problems.push({
      field: 'freeMissedPerYear',
      message: 'The free missed sessions a year must be a whole number from 0 to 52.',
    });
  }
  return problems;
}
