import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseEntry } from './analyse-entry.js';
import { HELD_OUT_SENTENCES } from './fixtures/held-out-sentences.js';
import { LABELLED_SENTENCES } from './fixtures/labelled-sentences.js';
import { STAFF_VIEW, createPatternState, foldEntry, removeEntry } from './fold.js';
import { createSummaryCache, summariseIncrementally } from './incremental.js';
import { summarisePatterns } from './summarise.js';
import type { EntryAnalysis, EntryKind, EntrySource, PatternEntry } from './types.js';

/**
 * The running summary is the summary: after every fold, refold (an edited entry) or removal, the
 * incrementally kept summary is deep-equal to a from-scratch `summarisePatterns` of the same state.
 */
const POOL = [...LABELLED_SENTENCES, ...HELD_OUT_SENTENCES]
  .map((s) => s.text)
  .concat([
    'My sister Anna rang and we argued about Ma. I felt guilty afterwards.',
    'Anna helped me with the move and I felt close to her.',
    'Anna, my friend from school, criticised my new job and I was hurt.',
    'When I was little my father shouted at me and I was frightened.',
    'My boss shouted at me today and I felt afraid, like a child.',
    'My therapist seemed distant today.',
  ]);
const KINDS: EntryKind[] = ['session_note', 'journal', 'dream', 'countertransference'];
const SOURCES: EntrySource[] = ['shared', 'private', 'therapist'];

const analyses = new Map<string, EntryAnalysis>();
const analysed = (e: PatternEntry) => {
  const key = JSON.stringify(e);
  let a = analyses.get(key);
  if (!a) {
    a = analyseEntry(e);
    analyses.set(key, a);
  }
  return a;
};

const entryArb = fc.record({
  id: fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `e${i}`)),
  kind: fc.constantFrom(...KINDS),
  date: fc
    .integer({ min: 0, max: 3 * 365 })
    .map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  text: fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
  source: fc.constantFrom(...SOURCES),
});

/** Fold an entry (a new one or a new version of one folded before), or remove one. */
const stepArb = fc.oneof(
  { weight: 4, arbitrary: entryArb.map((entry) => ({ fold: entry })) },
  { weight: 1, arbitrary: fc.nat(13).map((i) => ({ remove: `e${i}` })) },
);

const OPTIONS = [
  {},
  { themes: { minEntries: 2 }, people: { minEntries: 1 }, echoes: { minSentences: 1, minSimilarity: 0.3 } },
];

describe('summariseIncrementally', () => {
  it('equals the from-scratch summary after every fold, edit and removal', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), fc.constantFrom(...OPTIONS), (steps, options) => {
        for (const filter of [{}, STAFF_VIEW]) {
          const state = createPatternState(filter);
          const cache = createSummaryCache();
          for (const step of steps) {
            if ('fold' in step) foldEntry(state, analysed(step.fold));
            else removeEntry(state, step.remove);
            expect(summariseIncrementally(state, cache, options)).toEqual(summarisePatterns(state, options));
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('starts again when the options change, and gives the same summary twice without a change', () => {
    const state = createPatternState(STAFF_VIEW);
    const cache = createSummaryCache();
    POOL.slice(0, 30).forEach((text, i) =>
      foldEntry(
        state,
        analysed({ id: `p${i}`, kind: 'journal', date: `2025-0${(i % 9) + 1}-1${i % 10}`, text, source: 'shared' }),
      ),
    );
    const first = summariseIncrementally(state, cache);
    expect(summariseIncrementally(state, cache)).toEqual(first);
    const loose = { themes: { minEntries: 1 }, people: { minEntries: 1 } };
    expect(summariseIncrementally(state, cache, loose)).toEqual(summarisePatterns(state, loose));
    expect(summariseIncrementally(state, cache)).toEqual(summarisePatterns(state));
  });
});
