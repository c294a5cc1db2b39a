/**
 * The pattern aids (issue 7), text side. Import from `@undercurrent/clinical/patterns`:
 *
 * 1. `analyseEntry(entry)` — one passage → an `EntryAnalysis` (plain JSON; cache it by entry id,
 *    recompute when `version !== ANALYSIS_VERSION` or the text changes).
 * 2. `createPatternState(STAFF_VIEW)` then `foldEntry(state, analysis)` per entry (or `foldAll`) —
 *    the filter keeps private material out of the staff view.
 * 3. `summarisePatterns(state, { confirmedEpisodes, ratedOccasions })` — themes, people map, echoes,
 *    transference timeline, CCRT candidates and summary, defensive functioning.
 *
 * Only this entry point loads wink-nlp and its model (server side); the main package entry stays
 * free of it.
 */
export * from './types.js';
export * from './validate-entry.js';
export * from './pipeline.js';
export * from './analyse-entry.js';
export * from './fold.js';
export * from './observations.js';
export * from './themes.js';
export * from './people-map.js';
export * from './echoes.js';
export * from './transference.js';
export * from './ccrt-candidates.js';
export * from './defensive-functioning.js';
export * from './summarise.js';
export * from './incremental.js';
export * from './lexicon/figures.js';
export * from './lexicon/emotions.js';
export * from './lexicon/interactions.js';
export * from './lexicon/childhood-cues.js';
export * from './lexicon/therapy-terms.js';
