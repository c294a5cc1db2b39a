import { describe, expect, it } from 'vitest';
import { bandFor, isCase } from './bands-and-cutoff.js';
import type { InstrumentDefinition } from './definition-types.js';
import { applyMissingItemRule } from './missing-item-rule.js';
import { PHQ9 } from './phq9.js';
import { score } from './score.js';

/** A small made-up instrument exercising the rules the shipped ones do not. */
const TOY: InstrumentDefinition = {
  id: 'toy',
  name: 'Toy',
  title: 'Toy scale',
  answerOptions: [
    { value: 0, label: 'No' },
    { value: 1, label: 'Yes' },
  ],
  items: [
    {
      linkId: 'a',
      text: 'A',
      answerOptions: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ value, label: String(value) })),
    },
    { linkId: 'b', text: 'B' },
    { linkId: 'c', text: 'C', notApplicable: { label: 'Not applicable' } },
  ],
  missingItemRule: { maxMissing: 2, rounding: 'none' },
  bands: [],
  subscales: [{ id: 'bc', label: 'B and C', linkIds: ['b', 'c'] }],
  flags: [{ id: 'b-yes', label: 'B', linkId: 'b', atOrAbove: 1, whenDeclined: false, whenUnanswered: false }],
  licence: { copyright: 'None', terms: 'Test only.' },
};

describe('score: answers that cannot be scored', () => {
  it.each([null, undefined, 3, 'answers', [1, 2], new Date(0)])('rejects %s as answers', (answers) => {
    expect(score(PHQ9, answers)).toEqual({
      ok: false,
      errors: [{ message: 'The answers must be an object keyed by question linkId.' }],
    });
  });

  it('accepts an object without a prototype', () => {
    const answers = Object.assign(Object.create(null) as object, { 1: 1 });
    expect(score(PHQ9, answers).ok).toBe(true);
  });

  it('names an unknown question and a value that is not an answer', () => {
    const r = score(PHQ9, { 1: 4, 2: '2', 3: Number.NaN, 10: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { linkId: '10', message: 'There is no question "10" in PHQ-9.' },
      { linkId: '1', message: 'Question 1: 4 is not one of its answers (0, 1, 2, 3), "declined" or null.' },
      { linkId: '2', message: 'Question 2: "2" is not one of its answers (0, 1, 2, 3), "declined" or null.' },
      { linkId: '3', message: 'Question 3: NaN is not one of its answers (0, 1, 2, 3), "declined" or null.' },
    ]);
  });

  it('says not-applicable is allowed where it is', () => {
    const r = score(TOY, { c: true });
    expect(r.ok || r.errors[0]?.message).toBe(
      'Question c: boolean is not one of its answers (0, 1), "declined", "not-applicable" or null.',
    );
  });

  it('returns an error instead of throwing when reading an answer throws', () => {
    const answers = {
      get 1(): number {
        throw new Error('boom');
      },
    };
    expect(score(PHQ9, answers)).toEqual({ ok: false, errors: [{ message: 'The answers could not be read: boom' }] });
    const nonError = {
      get 1(): number {
        throw 'plain';
      },
    };
    expect(score(PHQ9, nonError)).toEqual({ ok: false, errors: [{ message: 'The answers could not be read: plain' }] });
  });
});

describe('score: rules', () => {
  it('keeps fractions with rounding "none" and keeps prorated totals within the range', () => {
    // a = 8 answered, b missing, c not applicable: 8 × 2/1 = 16, above the maximum 10
    const r = score(TOY, { a: 8, c: 'not-applicable' });
    expect(r.ok && [r.total, r.prorated]).toEqual([10, true]);
    const half = score(TOY, { a: 1, b: null, c: 0 });
    expect(half.ok && half.total).toBe(1.5);
  });

  it('gives no score when nothing applies and nothing is answered', () => {
    const r = score({ ...TOY, items: [TOY.items[2]!] }, { c: 'not-applicable' });
    expect(r.ok && [r.total, r.noScoreReason]).toEqual([null, 'No scored question applies to this person.']);
  });

  it('skips not-applicable questions in subscales and raises no flag when a rule says not to', () => {
    const r = score(TOY, { a: 0, b: 'declined', c: 'not-applicable' });
    expect(r.ok && r.subscales[0]).toEqual({ id: 'bc', label: 'B and C', total: null, missing: ['b'] });
    expect(r.ok && r.flags).toEqual([]);
    const unanswered = score(TOY, { a: 0, c: 'not-applicable' });
    expect(unanswered.ok && unanswered.flags).toEqual([]);
    const full = score(TOY, { a: 0, b: 1, c: 'not-applicable' });
    expect(full.ok && [full.subscales[0]?.total, full.band, full.caseness, full.patterns]).toEqual([1, null, null, []]);
  });
});

describe('bands, cut-off and missing-item rule helpers', () => {
  const bands = [
    { min: 5, max: 9, label: 'Mild' },
    { min: 0, max: 4, label: 'Minimal' },
  ];
  it('finds the band of a fractional total and none below the first', () => {
    expect(bandFor(bands, 4.5)?.label).toBe('Minimal');
    expect(bandFor(bands, 5)?.label).toBe('Mild');
    expect(bandFor(bands, -1)).toBeNull();
    expect(bandFor(bands, null)).toBeNull();
  });

  it('compares at-or-above and above', () => {
    expect(isCase({ score: 10, comparison: 'at-or-above', label: '' }, 10)).toBe(true);
    expect(isCase({ score: 10, comparison: 'above', label: '' }, 10)).toBe(false);
    expect(isCase({ score: 10, comparison: 'above', label: '' }, 11)).toBe(true);
    expect(isCase(undefined, 10)).toBeNull();
    expect(isCase({ score: 10, comparison: 'above', label: '' }, null)).toBeNull();
  });

  it('rounds .5 upwards exactly, in whole numbers', () => {
    const rule = { maxMissing: 2, rounding: 'half-up' as const };
    const range = { min: 0, max: 100 };
    expect(applyMissingItemRule(rule, { sum: 1, answered: 2, applicable: 3 }, range, 'X').total).toBe(2); // 1.5
    expect(applyMissingItemRule(rule, { sum: 1, answered: 4, applicable: 5 }, range, 'X').total).toBe(1); // 1.25
    expect(
      applyMissingItemRule({ ...rule, maxMissing: 0 }, { sum: 1, answered: 4, applicable: 5 }, range, 'X'),
    ).toEqual({
      total: null,
      prorated: false,
      noScoreReason: '1 of 5 questions were not answered; X can be scored only when every question is answered.',
    });
  });
});
