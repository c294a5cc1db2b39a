import { describe, expect, it } from 'vitest';
import { PCL5 } from './pcl5.js';
import { score } from './score.js';
import type { AnswerValue, InstrumentScore } from './score-types.js';

function answers(values: Record<number, AnswerValue>, rest: AnswerValue = 0): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (let i = 1; i <= 20; i += 1) out[String(i)] = i in values ? values[i] : rest;
  return out;
}

function scored(a: Record<string, AnswerValue>): InstrumentScore {
  const r = score(PCL5, a);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

/** Exactly the minimum pattern: one B, one C, two D, two E endorsed at 2. */
const MINIMUM = { 1: 2, 6: 2, 8: 2, 9: 2, 15: 2, 16: 2 };

describe('PCL-5', () => {
  it('has 20 items, public domain, with the reference wording', () => {
    expect(PCL5.items).toHaveLength(20);
    expect(PCL5.items[16]?.text).toBe('Being "superalert" or watchful or on guard?');
    expect(PCL5.licence.terms).toBe('Public domain.');
    expect(PCL5.reliableChange?.unverified).toBeDefined();
    expect(PCL5.cutoff?.unverified).toBeDefined();
  });

  it('meets the provisional DSM-5 pattern with the minimum endorsement', () => {
    const r = scored(answers(MINIMUM));
    const pattern = r.patterns[0];
    expect(pattern?.met).toBe(true);
    expect(pattern?.clusters.map((c) => [c.id, c.endorsed, c.required, c.met])).toEqual([
      ['B', 1, 1, true],
      ['C', 1, 1, true],
      ['D', 2, 2, true],
      ['E', 2, 2, true],
    ]);
    expect(r.total).toBe(12);
    expect(r.caseness).toBe(false);
    expect(r.subscales.map((s) => [s.id, s.total])).toEqual([
      ['B', 2],
      ['C', 2],
      ['D', 4],
      ['E', 4],
    ]);
  });

  it('does not meet it with only one D item endorsed', () => {
    const r = scored(answers({ ...MINIMUM, 9: 1 }));
    expect(r.patterns[0]?.met).toBe(false);
    expect(r.patterns[0]?.clusters[2]?.met).toBe(false);
  });

  it('does not count a rating of 1 as endorsed, even when every item is 1', () => {
    const r = scored(answers({}, 1));
    expect(r.patterns[0]?.met).toBe(false);
    expect(r.total).toBe(20);
  });

  it('leaves the pattern undecided when missing answers could still meet it', () => {
    const r = scored(answers({ ...MINIMUM, 6: null, 7: 'declined' }));
    expect(r.patterns[0]?.met).toBeNull();
    expect(r.patterns[0]?.clusters[1]).toMatchObject({ id: 'C', endorsed: 0, met: null });
    expect(r.total).toBeNull();
    expect(r.noScoreReason).toBe(
      '2 of 20 questions were not answered; PCL-5 can be scored only when every question is answered.',
    );
    expect(r.subscales[1]).toMatchObject({ id: 'C', total: null, missing: ['6', '7'] });
  });

  it('is not met when a cluster fails even if the missing answers were endorsed', () => {
    const r = scored(answers({ ...MINIMUM, 1: 0, 6: null }));
    expect(r.patterns[0]?.met).toBe(false);
  });

  it.each([
    [32, false],
    [33, true],
    [80, true],
  ])('total %i: probable PTSD %s (cut-off 33)', (total, caseness) => {
    const a = answers({});
    let left = total;
    for (let i = 1; i <= 20; i += 1) {
      a[String(i)] = Math.min(4, left);
      left -= Math.min(4, left);
    }
    const r = scored(a);
    expect([r.total, r.caseness, r.band]).toEqual([total, caseness, null]);
  });
});
