import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JACOBSON_TRUAX_CRITICAL_VALUE, reliableChange } from './reliable-change.js';

describe('reliableChange (Jacobson & Truax 1991)', () => {
  it('matches a worked example: SD 7.5, r = .80, 25 → 15', () => {
    // By hand: SE = 7.5·√0.2 = 3.3541; S_diff = √2·SE = 4.7434; RC = −10 / 4.7434 = −2.1082; min = 1.96·4.7434 = 9.2970.
    const r = reliableChange(25, 15, { sdPre: 7.5, reliability: 0.8 });
    expect(r.change).toBe(-10);
    expect(r.standardError).toBeCloseTo(3.3541, 4);
    expect(r.sDiff).toBeCloseTo(4.7434, 4);
    expect(r.rc).toBeCloseTo(-2.1082, 4);
    expect(r.minimumReliableChange).toBeCloseTo(9.297, 3);
    expect(r).toMatchObject({ reliable: true, reliableImprovement: true, reliableDeterioration: false });
  });

  it('S_diff equals √2 · SE', () => {
    const r = reliableChange(10, 12, { sdPre: 6.2, reliability: 0.87 });
    expect(r.sDiff).toBeCloseTo(Math.SQRT2 * (r.standardError as number), 12);
  });

  it('a change of exactly 1.96 · S_diff is not reliable (|RC| must exceed 1.96)', () => {
    // SD 5, r = .5 → S_diff = 5, minimum reliable change = 9.8.
    const at = reliableChange(20, 10.2, { sdPre: 5, reliability: 0.5 });
    expect(at.sDiff).toBe(5);
    expect(at.minimumReliableChange).toBeCloseTo(9.8, 12);
    expect(at.reliable).toBe(false);
    expect(reliableChange(20, 10.1, { sdPre: 5, reliability: 0.5 }).reliableImprovement).toBe(true);
    expect(reliableChange(10.2, 20, { sdPre: 5, reliability: 0.5 }).reliable).toBe(false);
    expect(reliableChange(10.1, 20, { sdPre: 5, reliability: 0.5 }).reliableDeterioration).toBe(true);
  });

  it('a raw-point value is inclusive: PHQ-9 falls by exactly 6 is reliable, 5 is not', () => {
    const six = reliableChange(16, 10, { reliableChangeIndex: 6 });
    expect(six).toMatchObject({ change: -6, reliable: true, reliableImprovement: true, minimumReliableChange: 6 });
    expect(six.rc).toBeNull();
    expect(six.sDiff).toBeNull();
    expect(six.standardError).toBeNull();
    expect(reliableChange(16, 11, { reliableChangeIndex: 6 }).reliable).toBe(false);
    expect(reliableChange(4, 8, { reliableChangeIndex: 4 }).reliableDeterioration).toBe(true);
  });

  it('no change is never reliable', () => {
    expect(reliableChange(12, 12, { sdPre: 1, reliability: 0 })).toMatchObject({
      reliable: false,
      reliableImprovement: false,
      reliableDeterioration: false,
    });
  });

  it('honours higher-is-better measures', () => {
    const up = reliableChange(30, 45, { reliableChangeIndex: 10 }, { direction: 'higher-is-better' });
    expect(up).toMatchObject({ reliableImprovement: true, reliableDeterioration: false });
    const down = reliableChange(45, 30, { reliableChangeIndex: 10 }, { direction: 'higher-is-better' });
    expect(down).toMatchObject({ reliableImprovement: false, reliableDeterioration: true });
  });

  it('takes another critical value', () => {
    const basis = { sdPre: 5, reliability: 0.5 }; // S_diff = 5
    expect(reliableChange(20, 12, basis).reliable).toBe(false);
    const r = reliableChange(20, 12, basis, { criticalValue: 1.645 });
    expect(r.minimumReliableChange).toBeCloseTo(8.225, 10);
    expect(r.reliable).toBe(false);
    expect(reliableChange(20, 11, basis, { criticalValue: 1.645 }).reliable).toBe(true);
    expect(JACOBSON_TRUAX_CRITICAL_VALUE).toBe(1.96);
  });

  it('rejects values it cannot use', () => {
    expect(() => reliableChange(Number.NaN, 1, { reliableChangeIndex: 6 })).toThrow(RangeError);
    expect(() => reliableChange(1, Infinity, { reliableChangeIndex: 6 })).toThrow(/post/);
    expect(() => reliableChange(1, 2, { reliableChangeIndex: 0 })).toThrow(/reliableChangeIndex/);
    expect(() => reliableChange(1, 2, { sdPre: 0, reliability: 0.8 })).toThrow(/sdPre/);
    expect(() => reliableChange(1, 2, { sdPre: 5, reliability: 1 })).toThrow(/reliability/);
    expect(() => reliableChange(1, 2, { sdPre: 5, reliability: -0.1 })).toThrow(/reliability/);
    expect(() => reliableChange(1, 2, { sdPre: 5, reliability: Number.NaN })).toThrow(/reliability/);
    expect(() => reliableChange(1, 2, { sdPre: 5, reliability: 0.5 }, { criticalValue: -1 })).toThrow(/criticalValue/);
  });

  const score = fc.integer({ min: 0, max: 80 });
  const basis = fc.oneof(
    fc.record({ reliableChangeIndex: fc.integer({ min: 1, max: 20 }) }),
    fc.record({
      sdPre: fc.double({ min: 0.5, max: 20, noNaN: true }),
      reliability: fc.double({ min: 0, max: 0.99, noNaN: true }),
    }),
  );
  const direction = fc.constantFrom('lower-is-better' as const, 'higher-is-better' as const);

  it('improvement and deterioration are never both true, and either means reliable', () => {
    fc.assert(
      fc.property(score, score, basis, direction, (pre, post, b, d) => {
        const r = reliableChange(pre, post, b, { direction: d });
        expect(r.reliableImprovement && r.reliableDeterioration).toBe(false);
        expect(r.reliable).toBe(r.reliableImprovement || r.reliableDeterioration);
      }),
    );
  });

  it('swapping pre and post swaps improvement and deterioration', () => {
    fc.assert(
      fc.property(score, score, basis, (pre, post, b) => {
        const forward = reliableChange(pre, post, b);
        const back = reliableChange(post, pre, b);
        expect(back.reliableImprovement).toBe(forward.reliableDeterioration);
        expect(back.reliableDeterioration).toBe(forward.reliableImprovement);
      }),
    );
  });
});
