import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseEntry } from './analyse-entry.js';
import { HELD_OUT_SENTENCES } from './fixtures/held-out-sentences.js';
import { LABELLED_SENTENCES } from './fixtures/labelled-sentences.js';
import { STAFF_VIEW, createPatternState, foldAll, foldEntry, removeEntry } from './fold.js';
import { summarisePatterns } from './summarise.js';
import type { EntryAnalysis, EntryKind, EntrySource, PatternEntry } from './types.js';

const POOL = [...LABELLED_SENTENCES, ...HELD_OUT_SENTENCES]
  .map((s) => s.text)
  .concat([
    'I spent the afternoon in the garden planting bulbs.',
    'The garden is the one place I can think.',
    'Another job interview, another rejection letter.',
    'I talked about the job interview in my session.',
    'My therapist seemed distant today.',
  ]);
const KINDS: EntryKind[] = ['session_note', 'journal', 'dream', 'countertransference'];
const SOURCES: EntrySource[] = ['shared', 'private', 'therapist'];

const cache = new Map<string, EntryAnalysis>();
const analysed = (e: PatternEntry) => {
  const key = JSON.stringify(e);
  let a = cache.get(key);
  if (!a) {
    a = analyseEntry(e);
    cache.set(key, a);
  }
  return a;
};

const entryArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constantFrom(...KINDS),
    date: fc
      .integer({ min: 0, max: 3 * 365 })
      .map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    text: fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
    source: fc.constantFrom(...SOURCES),
  });

const recordArb = fc
  .integer({ min: 1, max: 24 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(`e${i}`))))
  .chain((entries) =>
    fc.record({
      entries: fc.constant(entries as PatternEntry[]),
      // Earlier versions of some entries, folded first and then replaced (an edited entry).
      drafts: fc.array(fc.tuple(fc.nat(entries.length - 1), fc.constantFrom(...POOL), fc.constantFrom(...SOURCES)), {
        maxLength: 5,
      }),
      order: fc.shuffledSubarray(
        entries.map((_, i) => i),
        { minLength: entries.length },
      ),
    }),
  );

const options = {
  themes: { minEntries: 2 },
  people: { minEntries: 1 },
  echoes: { minSentences: 1, minSimilarity: 0.3 },
};

describe('fold', () => {
  it('folding entries one by one, in any order and after edits, equals the full recompute', () => {
    fc.assert(
      fc.property(recordArb, ({ entries, drafts, order }) => {
        for (const filter of [{}, STAFF_VIEW]) {
          const state = createPatternState(filter);
          for (const [i, text, source] of drafts) foldEntry(state, analysed({ ...entries[i]!, text, source }));
          for (const i of order) foldEntry(state, analysed(entries[i]!));
          const full = foldAll(entries.map(analysed), filter);
          expect(JSON.stringify(summarisePatterns(state, options))).toBe(
            JSON.stringify(summarisePatterns(full, options)),
          );
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000); // a few seconds on a quiet machine; the shared machines are often not quiet

  it('keeps private material out of the staff view, and removes an entry made private', () => {
    const shared: PatternEntry = {
      id: 's',
      kind: 'journal',
      date: '2026-01-05',
      text: 'My boss shouted at me and I felt ashamed.',
      source: 'shared',
    };
    const secret: PatternEntry = {
      id: 'p',
      kind: 'journal',
      date: '2026-01-06',
      text: 'My boss criticised me again and I was furious.',
      source: 'private',
    };
    const state = foldAll(
      [shared, secret].map((e) => analyseEntry(e)),
      STAFF_VIEW,
    );
    expect([...state.analyses.keys()]).toEqual(['s']);
    const summary = JSON.stringify(summarisePatterns(state, options));
    expect(summary).not.toContain('"entryId":"p"');
    expect(foldEntry(state, analyseEntry({ ...shared, source: 'private' }))).toBe(false);
    expect(state.analyses.size).toBe(0);
    expect(state.termEntries.size).toBe(0);
  });

  it('gives the same summary from analyses that went through JSON (a cache)', () => {
    const entries = POOL.slice(0, 40).map((text, i): PatternEntry => ({
      id: `c${i}`,
      kind: 'journal',
      date: `2025-0${(i % 9) + 1}-1${i % 10}`,
      text,
      source: 'shared',
    }));
    const analyses = entries.map(analysed);
    const cached = JSON.parse(JSON.stringify(analyses)) as EntryAnalysis[];
    expect(JSON.stringify(summarisePatterns(foldAll(cached), options))).toBe(
      JSON.stringify(summarisePatterns(foldAll(analyses), options)),
    );
  });

  it('removes an entry and its theme candidates', () => {
    const state = foldAll([
      analyseEntry({ id: 'a', kind: 'journal', date: '2026-01-01', text: 'The garden again.', source: 'shared' }),
    ]);
    expect(state.termEntries.has('garden')).toBe(true);
    removeEntry(state, 'a');
    removeEntry(state, 'missing');
    expect(state.termEntries.has('garden')).toBe(false);
  });
});
