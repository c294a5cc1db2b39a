import { describe, expect, it } from 'vitest';
import { PHQ15 } from './phq15.js';
import { score } from './score.js';

function all(value: number): Record<string, number> {
  return Object.fromEntries(PHQ15.items.map((i) => [i.linkId, value]));
}

describe('PHQ-15', () => {
  it('has 15 items with the reference wording, and the panel code', () => {
    expect(PHQ15.code?.code).toBe('69728-4');
    expect(PHQ15.items).toHaveLength(15);
    expect(PHQ15.items[3]?.text).toBe('Menstrual cramps or other problems with your periods (women only)');
    expect(PHQ15.items[2]?.text).toBe('Pain in your arms, legs, or joints (knees, hips, etc.)');
    expect(PHQ15.answerOptions?.map((o) => o.label)).toEqual([
      'Not bothered at all',
      'Bothered a little',
      'Bothered a lot',
    ]);
  });

  it.each([
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Low'],
    [9, 'Low'],
    [10, 'Medium'],
    [14, 'Medium'],
    [15, 'High'],
    [30, 'High'],
  ])('total %i is %s', (total, band) => {
    const answers = all(0);
    let left = total;
    for (const id of Object.keys(answers)) {
      answers[id] = Math.min(2, left);
      left -= answers[id] ?? 0;
    }
    const r = score(PHQ15, answers);
    expect(r.ok && [r.total, r.band?.label, r.caseness]).toEqual([total, band, null]);
  });

  it('treats item 4 "not applicable" as not missing: no prorating', () => {
    const r = score(PHQ15, { ...all(1), 4: 'not-applicable' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.total).toBe(14);
    expect(r.prorated).toBe(false);
    expect(r.notApplicable).toEqual(['4']);
    expect(r.missing).toEqual([]);
  });

  it('prorates over the applicable items when item 4 is not applicable and one is missing', () => {
    const r = score(PHQ15, { ...all(1), 4: 'not-applicable', 5: null });
    // 13 answered of 14 applicable, sum 13 → 13 × 14/13 = 14
    expect(r.ok && [r.total, r.prorated, r.missing]).toEqual([14, true, ['5']]);
  });

  it('refuses "not applicable" for any other item', () => {
    const r = score(PHQ15, { ...all(0), 5: 'not-applicable' });
    expect(r).toEqual({
      ok: false,
      errors: [{ linkId: '5', message: 'Question 5 cannot be answered "not applicable".' }],
    });
  });
});
