import { describe, expect, it } from 'vitest';
import { PHQ9 } from './phq9.js';
import { score } from './score.js';
import type { AnswerValue, InstrumentScore } from './score-types.js';

/** Answers to items 1–9 summing to `total` (each 0–3), filled from item 1. */
function answersSumming(total: number): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  let left = total;
  for (let i = 1; i <= 9; i += 1) {
    const v = Math.min(3, left);
    answers[String(i)] = v;
    left -= v;
  }
  return answers;
}

function scored(answers: unknown): InstrumentScore {
  const result = score(PHQ9, answers);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('PHQ-9 definition', () => {
  it('has the reference wording and LOINC codes', () => {
    expect(PHQ9.code?.code).toBe('44249-1');
    expect(PHQ9.totalScoreCode?.code).toBe('44261-6');
    expect(PHQ9.items.map((i) => i.code?.code)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '69722-7',
    ]);
    expect(PHQ9.items[8]?.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(PHQ9.answerOptions?.map((o) => [o.value, o.label, o.code?.code])).toEqual([
      [0, 'Not at all', 'LA6568-5'],
      [1, 'Several days', 'LA6569-3'],
      [2, 'More than half the days', 'LA6570-1'],
      [3, 'Nearly every day', 'LA6571-9'],
    ]);
    expect(PHQ9.licence.terms).toBe('No permission required to reproduce, translate, display or distribute.');
  });
});

describe('PHQ-9 scoring', () => {
  it('scores the published example: total 12, moderate, a case, item 9 flagged', () => {
    const r = scored({ 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 2, 8: 0, 9: 1, difficulty: 1 });
    expect(r.total).toBe(12);
    expect(r.band?.label).toBe('Moderate');
    expect(r.caseness).toBe(true);
    expect(r.prorated).toBe(false);
    expect(r.flags).toEqual([
      { id: 'phq9-item9', label: PHQ9.flags?.[0]?.label, linkId: '9', reason: 'answer-at-or-above-threshold' },
    ]);
  });

  it.each([
    [0, 'Minimal', false],
    [4, 'Minimal', false],
    [5, 'Mild', false],
    [9, 'Mild', false],
    [10, 'Moderate', true],
    [14, 'Moderate', true],
    [15, 'Moderately severe', true],
    [19, 'Moderately severe', true],
    [20, 'Severe', true],
    [27, 'Severe', true],
  ])('total %i is %s (case: %s)', (total, band, caseness) => {
    const r = scored(answersSumming(total));
    expect(r.total).toBe(total);
    expect(r.band?.label).toBe(band);
    expect(r.caseness).toBe(caseness);
  });

  it('prorates 1 missing item and rounds .5 up (12 × 9/8 = 13.5 → 14)', () => {
    const r = scored({ 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 2, 8: 1, 9: null });
    expect(r.answeredSum).toBe(12);
    expect(r.total).toBe(14);
    expect(r.prorated).toBe(true);
    expect(r.missing).toEqual(['9']);
    expect(r.band?.label).toBe('Moderate');
  });

  it('prorates 2 missing items (10 × 9/7 = 12.86 → 13)', () => {
    const r = scored({ 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 1 });
    expect(r.total).toBe(13);
    expect(r.prorated).toBe(true);
    expect(r.missing).toEqual(['8', '9']);
  });

  it('rounds down below .5 (8 answered summing 3: 3.375 → 3)', () => {
    expect(scored({ 1: 1, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0 }).total).toBe(3);
  });

  it('gives no score, with the reason, when 3 items are missing', () => {
    const r = scored({ 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 });
    expect(r.total).toBeNull();
    expect(r.noScoreReason).toBe('3 of 9 questions were not answered; PHQ-9 can be scored with at most 2 missing.');
    expect(r.band).toBeNull();
    expect(r.caseness).toBeNull();
    expect(r.flags.map((f) => f.reason)).toEqual(['unanswered']);
  });

  it('flags a declined item 9, counts it as missing and still prorates', () => {
    const r = scored({ ...answersSumming(8), 9: 'declined' });
    expect(r.flags.map((f) => f.reason)).toEqual(['declined']);
    expect(r.declined).toEqual(['9']);
    expect(r.missing).toEqual(['9']);
    expect(r.total).toBe(9);
  });

  it('raises no flag when item 9 is 0, and ignores the unscored difficulty item', () => {
    const r = scored({ ...answersSumming(0), difficulty: 3 });
    expect(r.flags).toEqual([]);
    expect(r.total).toBe(0);
  });
});
