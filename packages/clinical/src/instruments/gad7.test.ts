import { describe, expect, it } from 'vitest';
import { GAD7 } from './gad7.js';
import { score } from './score.js';

function totalOf(total: number) {
  const answers: Record<string, number> = {};
  let left = total;
  for (let i = 1; i <= 7; i += 1) {
    answers[String(i)] = Math.min(3, left);
    left -= answers[String(i)] ?? 0;
  }
  const r = score(GAD7, answers);
  if (!r.ok) throw new Error('unexpected');
  return r;
}

describe('GAD-7', () => {
  it('has the reference codes', () => {
    expect(GAD7.code?.code).toBe('69737-5');
    expect(GAD7.totalScoreCode?.code).toBe('70274-6');
    expect(GAD7.items.map((i) => i.code?.code)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    expect(GAD7.missingItemRule.unverified).toMatch(/configurable|PHQ-9/);
  });

  it.each([
    [0, 'Minimal', false],
    [4, 'Minimal', false],
    [5, 'Mild', false],
    [7, 'Mild', false],
    [8, 'Mild', true],
    [9, 'Mild', true],
    [10, 'Moderate', true],
    [14, 'Moderate', true],
    [15, 'Severe', true],
    [21, 'Severe', true],
  ])('total %i is %s (case: %s)', (total, band, caseness) => {
    const r = totalOf(total);
    expect(r.total).toBe(total);
    expect(r.band?.label).toBe(band);
    expect(r.caseness).toBe(caseness);
  });

  it('prorates up to 2 missing and refuses 3', () => {
    const two = score(GAD7, { 1: 3, 2: 3, 3: 2, 4: 1, 5: 1 });
    expect(two.ok && [two.total, two.prorated]).toEqual([14, true]);
    const three = score(GAD7, { 1: 3, 2: 3, 3: 2, 4: 1 });
    expect(three.ok && three.total).toBeNull();
  });
});
