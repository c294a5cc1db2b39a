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

  // Bounds a little worse than measured (docs/PATTERNS.md): a change to the word lists that loses accuracy fails here.
  it('keeps the mean absolute error across proportion indicators low', () => {
    expect(all.maeProportions.whole).toBeLessThan(0.056); // measured 0.050
    expect(all.maeProportions.bootstrap).toBeLessThan(0.064); // measured 0.058
    expect(all.maeProportions.series20).toBeLessThan(0.073); // measured 0.066
    expect(heldOut.maeProportions.whole).toBeLessThan(0.062); // measured 0.056
  });

  it('keeps the A/C index error low', () => {
    expect(all.aggressionPerCharacter.whole!).toBeLessThan(0.075); // measured 0.066
    expect(all.aggressionPerCharacter.bootstrap!).toBeLessThan(0.082); // measured 0.074
  });

  it('keeps emotion macro-F1 high', () => {
    expect(all.emotionMacroF1).toBeGreaterThan(0.95); // measured 0.964
    expect(heldOut.emotionMacroF1).toBeGreaterThan(0.93); // measured 0.944
  });

  it('keeps code-level agreement per category', () => {
    const f1 = Object.fromEntries(all.categories.map((c) => [c.category, c.f1]));
    expect(f1.character).toBeGreaterThan(0.75); // measured 0.771
    expect(f1.aggression).toBeGreaterThan(0.78); // measured 0.800
    expect(f1.emotion).toBeGreaterThan(0.91); // measured 0.926
    expect(f1.setting).toBeGreaterThan(0.65); // measured 0.672
    expect(f1['body-part']).toBeGreaterThan(0.93); // measured 0.945
  });
});
