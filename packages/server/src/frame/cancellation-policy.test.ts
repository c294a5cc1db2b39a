import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCharge, describeNotice, noticeMinutes, validatePolicy } from './cancellation-policy.js';
import type { CancellationPolicy, ChargeEvent, LedgerKind } from './frame-types.js';
import { DEFAULT_POLICY } from './frame-types.js';

const HOUR = 60;
const notice = (hours: number, minutes = 0): ChargeEvent => ({
  kind: 'cancelled_client',
  noticeMinutes: hours * HOUR + minutes,
});
const attended: ChargeEvent = { kind: 'attended' };
const dna: ChargeEvent = { kind: 'did_not_attend' };
const therapist: ChargeEvent = { kind: 'cancelled_therapist' };

const noticePolicy: CancellationPolicy = { ...DEFAULT_POLICY }; // 48 hours, both charged, 100%
const halfFee: CancellationPolicy = { ...DEFAULT_POLICY, lateFeePercent: 50 };
const lenient: CancellationPolicy = { ...DEFAULT_POLICY, chargeLateCancellation: false, chargeDidNotAttend: false };
const twoFree: CancellationPolicy = { ...DEFAULT_POLICY, freeMissedPerYear: 2 };
const hourIsYours: CancellationPolicy = { ...DEFAULT_POLICY, mode: 'hour_is_yours', lateFeePercent: 0 };
const hourIsYoursTwoFree: CancellationPolicy = { ...hourIsYours, freeMissedPerYear: 2 };

type Row = [
  name: string,
  policy: CancellationPolicy,
  event: ChargeEvent,
  missedThisYear: number,
  kind: LedgerKind | null,
  amountPence: number,
  late: boolean,
  usedFreeAllowance: boolean,
];

// Fee £70.00 throughout.
// prettier-ignore
const table: Row[] = [
  // attended: always the fee, whatever the mode and allowance
  ['attended, notice', noticePolicy, attended, 0, 'session_fee', 7000, false, false],
  ['attended, hour is yours', hourIsYours, attended, 0, 'session_fee', 7000, false, false],
  ['attended, allowance left', twoFree, attended, 0, 'session_fee', 7000, false, false],
  // therapist cancellation: never charged
  ['therapist, notice', noticePolicy, therapist, 0, null, 0, false, false],
  ['therapist, hour is yours', hourIsYours, therapist, 5, null, 0, false, false],
  ['therapist, allowance left', twoFree, therapist, 0, null, 0, false, false],
  // client cancellation with enough notice
  ['early, notice', noticePolicy, notice(49), 0, null, 0, false, false],
  ['exactly the notice, notice', noticePolicy, notice(48), 0, null, 0, false, false],
  ['early, allowance left', twoFree, notice(100), 0, null, 0, false, false],
  ['early, hour is yours', hourIsYours, notice(24 * 14), 0, 'hour_is_yours', 7000, false, false],
  // client cancellation, late
  ['a minute late, notice', noticePolicy, notice(47, 59), 0, 'late_cancellation', 7000, true, false],
  ['late, half fee', halfFee, notice(30), 0, 'late_cancellation', 3500, true, false],
  ['late, not charged', lenient, notice(30), 0, null, 0, true, false],
  ['late, allowance left', twoFree, notice(30), 1, 'free_missed', 0, true, true],
  ['late, allowance used up', twoFree, notice(30), 2, 'late_cancellation', 7000, true, false],
  ['no notice, notice', noticePolicy, notice(0), 0, 'late_cancellation', 7000, true, false],
  ['late, 0% of the fee', { ...noticePolicy, lateFeePercent: 0 }, notice(2), 0, null, 0, true, false],
  ['late, hour is yours', hourIsYours, notice(2), 0, 'hour_is_yours', 7000, false, false],
  ['late, hour is yours, allowance left', hourIsYoursTwoFree, notice(2), 0, 'free_missed', 0, false, true],
  ['late, hour is yours, allowance used', hourIsYoursTwoFree, notice(2), 2, 'hour_is_yours', 7000, false, false],
  // did not attend
  ['DNA, notice', noticePolicy, dna, 0, 'did_not_attend', 7000, false, false],
  ['DNA, half fee', halfFee, dna, 0, 'did_not_attend', 3500, false, false],
  ['DNA, not charged', lenient, dna, 0, null, 0, false, false],
  ['DNA, allowance left', twoFree, dna, 0, 'free_missed', 0, false, true],
  ['DNA, allowance used up', twoFree, dna, 3, 'did_not_attend', 7000, false, false],
  ['DNA, hour is yours (switch off, 0%)', { ...hourIsYours, chargeDidNotAttend: false }, dna, 0, 'did_not_attend', 7000, false, false],
  ['DNA, hour is yours, allowance used', hourIsYoursTwoFree, dna, 2, 'did_not_attend', 7000, false, false],
  ['DNA, hour is yours, allowance left', hourIsYoursTwoFree, dna, 1, 'free_missed', 0, false, true],
];

describe('decideCharge', () => {
  it.each(table)('%s', (_name, policy, event, missed, kind, amount, late, free) => {
    const decision = decideCharge({ policy, event, feePence: 7000, currency: 'GBP', missedThisYear: missed });
    expect({
      kind: decision.ledgerKind,
      amount: decision.amountPence,
      late: decision.late,
      free: decision.usedFreeAllowance,
    }).toEqual({ kind, amount, late, free });
    expect(decision.explanation).toMatch(/^[A-Z].*\.$/);
    expect(decision.explanation.split(/\.\s/).length).toBeLessThanOrEqual(2);
    if (amount > 0) expect(decision.explanation).toContain(amount === 7000 ? '£70.00' : '£35.00');
    if (amount === 0) expect(decision.explanation).not.toMatch(/£\d/);
  });

  it('explains a late cancellation the way the client reads it', () => {
    expect(
      decideCharge({ policy: noticePolicy, event: notice(30), feePence: 7000, currency: 'GBP', missedThisYear: 0 })
        .explanation,
    ).toBe(
      "You are giving 30 hours' notice; the agreed notice is 48 hours, so this counts as a late cancellation and the full fee of £70.00 is charged.",
    );
    expect(
      decideCharge({ policy: halfFee, event: notice(30), feePence: 7000, currency: 'GBP', missedThisYear: 0 })
        .explanation,
    ).toBe(
      "You are giving 30 hours' notice; the agreed notice is 48 hours, so this counts as a late cancellation and £35.00 (50% of the £70.00 fee) is charged.",
    );
    expect(
      decideCharge({ policy: noticePolicy, event: notice(24 * 5), feePence: 7000, currency: 'GBP', missedThisYear: 0 })
        .explanation,
    ).toBe("You are giving 5 days' notice; the agreed notice is 48 hours, so there is no charge.");
    expect(
      decideCharge({ policy: twoFree, event: notice(3), feePence: 7000, currency: 'GBP', missedThisYear: 1 })
        .explanation,
    ).toBe(
      "You are giving 3 hours' notice; the agreed notice is 48 hours, so this counts as a late cancellation. It uses one of the 2 free missed sessions you have each year (none left after this), so there is no charge.",
    );
    expect(
      decideCharge({ policy: lenient, event: notice(1), feePence: 7000, currency: 'GBP', missedThisYear: 0 })
        .explanation,
    ).toBe(
      "You are giving 1 hour's notice; the agreed notice is 48 hours, so this counts as a late cancellation, but late cancellations are not charged, so there is no charge.",
    );
    expect(
      decideCharge({ policy: hourIsYours, event: notice(200), feePence: 6500, currency: 'GBP', missedThisYear: 0 })
        .explanation,
    ).toBe(
      'Under your agreement every booked session is paid for, whatever the notice, so the full fee of £65.00 is charged for this cancellation.',
    );
    expect(
      decideCharge({ policy: noticePolicy, event: dna, feePence: 7000, currency: 'EUR', missedThisYear: 0 })
        .explanation,
    ).toBe('The session was missed without cancelling, so the full fee of €70.00 is charged.');
    expect(
      decideCharge({ policy: noticePolicy, event: therapist, feePence: 7000, currency: 'GBP', missedThisYear: 0 })
        .explanation,
    ).toBe('Sessions your therapist cancels are never charged.');
  });

  it('rounds a share of the fee to the penny', () => {
    const decision = decideCharge({
      policy: { ...noticePolicy, lateFeePercent: 33 },
      event: notice(1),
      feePence: 6525,
      currency: 'GBP',
      missedThisYear: 0,
    });
    expect(decision.amountPence).toBe(2153); // 2153.25
    expect(decision.explanation).toContain('£21.53 (33% of the £65.25 fee)');
    expect(
      decideCharge({
        policy: { ...noticePolicy, lateFeePercent: 50 },
        event: dna,
        feePence: 4555,
        currency: 'GBP',
        missedThisYear: 0,
      }).amountPence,
    ).toBe(2278); // 2277.5 rounds up
  });

  it('never charges more than the fee, never a negative amount, and only free misses use the allowance (property)', () => {
    const policy = fc.record({
      mode: fc.constantFrom('notice' as const, 'hour_is_yours' as const),
      noticeHours: fc.integer({ min: 0, max: 336 }),
      chargeLateCancellation: fc.boolean(),
      chargeDidNotAttend: fc.boolean(),
      lateFeePercent: fc.integer({ min: 0, max: 100 }),
      freeMissedPerYear: fc.integer({ min: 0, max: 52 }),
    });
    const event: fc.Arbitrary<ChargeEvent> = fc.oneof(
      fc.constant(attended),
      fc.constant(dna),
      fc.constant(therapist),
      fc.integer({ min: 0, max: 60 * 24 * 30 }).map((m) => ({ kind: 'cancelled_client' as const, noticeMinutes: m })),
    );
    fc.assert(
      fc.property(
        policy,
        event,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 60 }),
        (p, e, fee, missed) => {
          const d = decideCharge({ policy: p, event: e, feePence: fee, currency: 'GBP', missedThisYear: missed });
          expect(d.amountPence).toBeGreaterThanOrEqual(0);
          expect(d.amountPence).toBeLessThanOrEqual(fee);
          expect(d.usedFreeAllowance).toBe(d.ledgerKind === 'free_missed');
          if (d.usedFreeAllowance) expect(missed).toBeLessThan(p.freeMissedPerYear);
          if (d.ledgerKind === null || d.ledgerKind === 'free_missed') expect(d.amountPence).toBe(0);
          if (e.kind === 'cancelled_therapist') expect(d.ledgerKind).toBeNull();
          if (e.kind === 'attended') expect(d.amountPence).toBe(fee);
          if (e.kind === 'cancelled_client' && p.mode === 'notice' && e.noticeMinutes >= p.noticeHours * 60) {
            expect(d.ledgerKind).toBeNull();
          }
          if (e.kind === 'cancelled_client')
            expect(d.late).toBe(p.mode === 'notice' && e.noticeMinutes < p.noticeHours * 60);
          expect(d.explanation.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses a fee that is not whole pence', () => {
    expect(() =>
      decideCharge({ policy: noticePolicy, event: attended, feePence: 70.5, currency: 'GBP', missedThisYear: 0 }),
    ).toThrow(RangeError);
  });
});

describe('notice', () => {
  it('counts whole minutes until the start, and none once it has started', () => {
    const startsAt = new Date('2027-01-14T09:00:00Z');
    expect(noticeMinutes(startsAt, new Date('2027-01-12T15:00:00Z'))).toBe(42 * 60);
    expect(noticeMinutes(startsAt, new Date('2027-01-14T08:59:30Z'))).toBe(0);
    expect(noticeMinutes(startsAt, new Date('2027-01-14T08:58:30Z'))).toBe(1);
    expect(noticeMinutes(startsAt, new Date('2027-01-14T09:30:00Z'))).toBe(0);
  });

  it('describes notice as a person would', () => {
    expect(describeNotice(0)).toBe('no notice');
    expect(describeNotice(59)).toBe("less than an hour's notice");
    expect(describeNotice(60)).toBe("1 hour's notice");
    expect(describeNotice(71 * 60 + 59)).toBe("71 hours' notice");
    expect(describeNotice(72 * 60)).toBe("3 days' notice");
  });
});

describe('validatePolicy', () => {
  it('accepts the default and sensible variations', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
    expect(validatePolicy({ ...DEFAULT_POLICY, lateFeePercent: 0 })).toEqual([]);
    expect(validatePolicy({ ...DEFAULT_POLICY, noticeHours: 0, chargeLateCancellation: false })).toEqual([]);
    expect(validatePolicy({ ...DEFAULT_POLICY, mode: 'hour_is_yours', noticeHours: 0, lateFeePercent: 0 })).toEqual([]);
    expect(validatePolicy({ ...DEFAULT_POLICY, mode: 'hour_is_yours', noticeHours: -5, lateFeePercent: 500 })).toEqual(
      [],
    );
  });

  it('names what does not hold together', () => {
    expect(validatePolicy({ ...DEFAULT_POLICY, noticeHours: 0 }).map((p) => p.field)).toEqual(['noticeHours']);
    expect(validatePolicy({ ...DEFAULT_POLICY, noticeHours: 400 }).map((p) => p.field)).toEqual(['noticeHours']);
    expect(validatePolicy({ ...DEFAULT_POLICY, noticeHours: 1.5 }).map((p) => p.field)).toEqual(['noticeHours']);
    expect(validatePolicy({ ...DEFAULT_POLICY, lateFeePercent: 101 }).map((p) => p.field)).toEqual(['lateFeePercent']);
    expect(
      validatePolicy({
        ...DEFAULT_POLICY,
        chargeLateCancellation: false,
        chargeDidNotAttend: false,
        lateFeePercent: 101,
      }),
    ).toEqual([]);
    expect(validatePolicy({ ...DEFAULT_POLICY, freeMissedPerYear: -1 }).map((p) => p.field)).toEqual([
      'freeMissedPerYear',
    ]);
    expect(
      validatePolicy({ ...DEFAULT_POLICY, mode: 'weekly' as CancellationPolicy['mode'] }).map((p) => p.field),
    ).toEqual(['mode']);
    for (const problem of validatePolicy({ ...DEFAULT_POLICY, noticeHours: 0, freeMissedPerYear: 99 })) {
      expect(problem.message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
