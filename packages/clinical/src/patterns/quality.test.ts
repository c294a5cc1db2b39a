/* The extractors' measured quality on the hand-labelled sets stays above a floor a little below
   what was measured (docs/PATTERNS.md), so a change to the word lists that makes them worse fails. */
import { describe, expect, it } from 'vitest';
import { evaluateExtractors } from './fixtures/evaluate.js';
import { HELD_OUT_SENTENCES } from './fixtures/held-out-sentences.js';
import { LABELLED_SENTENCES } from './fixtures/labelled-sentences.js';

const show = (name: string, r: ReturnType<typeof evaluateExtractors>) =>
  console.log(
    `${name} (${r.sentences} sentences): figures F1 ${r.figures.f1.toFixed(2)}, feelings micro-F1 ${r.feelings.f1.toFixed(2)} ` +
      `macro-F1 ${r.feelings.macroF1.toFixed(2)}, interactions F1 ${r.interactions.f1.toFixed(2)}, childhood F1 ${r.childhood.f1.toFixed(2)}`,
  );

describe('extractor quality', () => {
  it('has at least 200 labelled sentences, and 60 held out', () => {
    expect(LABELLED_SENTENCES.length).toBeGreaterThanOrEqual(200);
    expect(HELD_OUT_SENTENCES.length).toBeGreaterThanOrEqual(60);
    const texts = new Set([...LABELLED_SENTENCES, ...HELD_OUT_SENTENCES].map((s) => s.text));
    expect(texts.size).toBe(LABELLED_SENTENCES.length + HELD_OUT_SENTENCES.length);
  });

  it('stays above its floor on the development set', () => {
    const r = evaluateExtractors(LABELLED_SENTENCES);
    show('development', r);
    expect(r.figures.f1).toBeGreaterThanOrEqual(0.96);
    expect(r.feelings.macroF1).toBeGreaterThanOrEqual(0.89);
    expect(r.feelings.f1).toBeGreaterThanOrEqual(0.88);
    expect(r.interactions.f1).toBeGreaterThanOrEqual(0.83);
    expect(r.childhood.f1).toBeGreaterThanOrEqual(0.91);
  });

  it('stays above its floor on the held-out set', () => {
    const r = evaluateExtractors(HELD_OUT_SENTENCES);
    show('held out', r);
    expect(r.figures.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.feelings.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(r.feelings.f1).toBeGreaterThanOrEqual(0.8);
    expect(r.interactions.f1).toBeGreaterThanOrEqual(0.7);
    expect(r.childhood.f1).toBeGreaterThanOrEqual(0.82);
  });

  it('scores a perfect extractor 1 and counts misses', () => {
    const r = evaluateExtractors([
      {
        text: 'My mother was furious with me.',
        figures: ['mother'],
        feelings: ['anger'],
        interactions: [],
        childhood: false,
      },
      { text: 'It rained.', figures: ['father'], feelings: [], interactions: [], childhood: true },
    ]);
    expect(r.figures).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(r.feelings.perFamily.anger).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(r.childhood).toMatchObject({ tp: 0, fn: 1 });
  });
});
