#!/usr/bin/env node
// Precision, recall and F1 of the pattern aids' text extractors on the hand-labelled sentences
// (packages/clinical/src/patterns/fixtures/): the development set the word lists were refined on,
// and the held-out set written afterwards and never used to change them. Prints a Markdown table
// for docs/PATTERNS.md; `--mistakes` also lists every sentence where the extractors and the labels
// differ. Usage: npm run build && node bench/patterns-quality.mjs [--mistakes]
const dist = (p) => new URL(`../packages/clinical/dist/patterns/${p}`, import.meta.url).href;
const { evaluateExtractors, extractorMistakes } = await import(dist('fixtures/evaluate.js'));
const { LABELLED_SENTENCES } = await import(dist('fixtures/labelled-sentences.js'));
const { HELD_OUT_SENTENCES } = await import(dist('fixtures/held-out-sentences.js'));

const sets = [
  ['development', LABELLED_SENTENCES],
  ['held out', HELD_OUT_SENTENCES],
];
const reports = sets.map(([name, sentences]) => [name, evaluateExtractors(sentences)]);
const f = (x) => x.toFixed(2);
const cell = (s) => `P ${f(s.precision)} · R ${f(s.recall)} · **F1 ${f(s.f1)}** (${s.tp + s.fn} labelled)`;

console.log(`| extractor | ${reports.map(([name, r]) => `${name} (${r.sentences} sentences)`).join(' | ')} |`);
console.log(`|---|${reports.map(() => '---').join('|')}|`);
console.log(`| figures | ${reports.map(([, r]) => cell(r.figures)).join(' | ')} |`);
console.log(`| feelings, all families (micro) | ${reports.map(([, r]) => cell(r.feelings)).join(' | ')} |`);
console.log(
  `| feelings, **macro-F1** of 9 families | ${reports.map(([, r]) => `**${f(r.feelings.macroF1)}**`).join(' | ')} |`,
);
for (const family of Object.keys(reports[0][1].feelings.perFamily)) {
  console.log(`| — ${family} | ${reports.map(([, r]) => cell(r.feelings.perFamily[family])).join(' | ')} |`);
}
console.log(`| interactions, all kinds (micro) | ${reports.map(([, r]) => cell(r.interactions)).join(' | ')} |`);
for (const kind of Object.keys(reports[0][1].interactions.perKind)) {
  console.log(`| — ${kind} | ${reports.map(([, r]) => cell(r.interactions.perKind[kind])).join(' | ')} |`);
}
console.log(`| childhood cues | ${reports.map(([, r]) => cell(r.childhood)).join(' | ')} |`);

if (process.argv.includes('--mistakes')) {
  for (const [name, sentences] of sets) {
    console.log(`\n${name}:`);
    for (const m of extractorMistakes(sentences)) console.log(`  ${m}`);
  }
}
