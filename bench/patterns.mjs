#!/usr/bin/env node
// Pattern aids speed (issue 7, part 10) on the synthetic ten-year record (bench/patterns-data.mjs):
// - the raw wink-nlp tokenisation of the whole corpus (the ratio to beat), and wink-nlp with the
//   pipeline's own steps (sentences, parts of speech, negation) but none of our extraction;
// - a full recompute: every entry analysed from its text, folded and summarised;
// - a full recompute from cached analyses (fold + summary only);
// - one new entry folded in: analyse it, fold it into the cached state and read the whole summary
//   again from the running summary (summariseIncrementally, as the server does); and, for
//   comparison, the whole summary recomputed from scratch after it (summarisePatterns).
// Usage: npm run build && node bench/patterns.mjs [rounds=5]
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { syntheticRecord } from './patterns-data.mjs';

const patterns = await import(new URL('../packages/clinical/dist/patterns/index.js', import.meta.url).href);
const {
  analyseEntry,
  createSummaryCache,
  foldAll,
  foldEntry,
  summariseIncrementally,
  summarisePatterns,
  STAFF_VIEW,
  winkInstance,
} = patterns;

const rounds = Number(process.argv[2] ?? 5);
const record = syntheticRecord();
const words = record.reduce((n, e) => n + e.text.split(/\s+/).length, 0);
const chars = record.reduce((n, e) => n + e.text.length, 0);
console.log(
  `record: ${record.length} entries (${words.toLocaleString('en-GB')} words, ${(chars / 1e6).toFixed(2)} MB of text), ${record[0].date} to ${record.at(-1).date}`,
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// Warm up: load the model and let the JIT settle.
const tokenizerOnly = winkNLP(model, []);
winkInstance();
for (const e of record.slice(0, 200)) analyseEntry(e);

const raw = [];
const winkPipe = [];
const full = [];
const cachedFold = [];
let analyses = [];
for (let round = 0; round < rounds; round++) {
  raw.push(
    time(() => {
      for (const e of record) tokenizerOnly.readDoc(e.text).tokens().length();
    }),
  );
  const nlp = winkInstance();
  winkPipe.push(
    time(() => {
      for (const e of record) nlp.readDoc(e.text).tokens().length();
    }),
  );
  full.push(
    time(() => {
      analyses = record.map((e) => analyseEntry(e));
      summarisePatterns(foldAll(analyses, STAFF_VIEW));
    }),
  );
  cachedFold.push(time(() => summarisePatterns(foldAll(analyses, STAFF_VIEW))));
}

// One new entry at a time, folded into the full ten-year state with its running summary.
const state = foldAll(analyses, STAFF_VIEW);
const cache = createSummaryCache();
const firstRunning = time(() => summariseIncrementally(state, cache));
const fresh = syntheticRecord({ seed: 11, sessionNotes: 0, journal: 60, dreams: 0, countertransferenceNotes: 0 }).map(
  (e, i) => ({
    ...e,
    id: `new-${i}`,
    date: '2026-01-05',
    source: 'shared',
  }),
);
const analyseOne = [];
const foldOne = [];
const runningAfter = [];
const scratchAfter = [];
let identical = true;
for (const e of fresh) {
  let a;
  let running;
  analyseOne.push(time(() => (a = analyseEntry(e))));
  foldOne.push(time(() => foldEntry(state, a)));
  runningAfter.push(time(() => (running = summariseIncrementally(state, cache))));
  let scratch;
  scratchAfter.push(time(() => (scratch = summarisePatterns(state))));
  if (JSON.stringify(running) !== JSON.stringify(scratch)) identical = false;
}
const oneTotal = analyseOne.map((x, i) => x + foldOne[i]);
const endToEnd = oneTotal.map((x, i) => x + runningAfter[i]);

const ms = (x) => `${x.toFixed(1)} ms`;
const summary = summarisePatterns(state);
console.log(
  `staff view: ${state.analyses.size} entries; ${summary.themes.length} themes, ${summary.people.length} people, ${summary.echoes.length} echoes, ${summary.transference.length} transference markers, ${summary.ccrtCandidates.length} CCRT candidates`,
);
console.log(`raw wink-nlp tokenisation, whole corpus: median ${ms(median(raw))}`);
console.log(`wink-nlp with sentences, POS and negation: median ${ms(median(winkPipe))}`);
console.log(
  `full recompute from text (analyse ${record.length} entries + fold + summary): median ${ms(median(full))} (${(median(full) / median(raw)).toFixed(1)} × raw tokenisation; budget 2,000 ms)`,
);
console.log(`full recompute from cached analyses (fold + summary): median ${ms(median(cachedFold))}`);
console.log(
  `one new entry: analyse median ${ms(median(analyseOne))} + fold into the state median ${ms(median(foldOne))} = ${ms(median(oneTotal))}, p95 ${ms(p95(oneTotal))}`,
);
console.log(
  `  + the whole summary from the running summary: median ${ms(median(runningAfter))}, p95 ${ms(p95(runningAfter))} (the first, building it: ${ms(firstRunning)})`,
);
console.log(
  `  = end to end (analyse + fold + summary): median ${ms(median(endToEnd))}, p95 ${ms(p95(endToEnd))} (budget 20 ms); identical to the from-scratch summary every time: ${identical}`,
);
console.log(
  `  (the whole summary recomputed from scratch instead: median ${ms(median(scratchAfter))}, p95 ${ms(p95(scratchAfter))})`,
);
