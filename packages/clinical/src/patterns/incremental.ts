/**
 * The summary kept up to date as entries are folded (issue 7, part 10: "a new entry folded in under
 * 20 ms"). `summariseIncrementally(state, cache)` gives exactly what `summarisePatterns(state)` gives
 * (a test folds entries one at a time and compares the two deep-equal), but it does work in
 * proportion to what changed since the cache last saw the state:
 *
 * - the entries folded, refolded or removed since are found by comparing the state's analyses with
 *   the ones the cache saw (analyses are immutable once folded, so identity says "unchanged");
 * - each figure's sentences, the echo profiles (feature counts per figure, past and present, and the
 *   client's baseline) and the CCRT candidates (kept sorted) are running totals: a changed entry takes
 *   its old contribution out and puts its new one in;
 * - a person in the map or a theme is recomputed only when a changed entry touches it; the others
 *   keep everything but the trend and `how`, which depend on the whole record's dates;
 * - a change in how names resolve to figures ("my sister Anna"), or in the options, starts again.
 *
 * The grouping of theme terms is computed afresh each time (it depends on every term's spread).
 */
import { ccrtSummary } from '../ccrt/summary.js';
import { byCandidateOrder, entryCandidates } from './ccrt-candidates.js';
import type { PlacedCandidate } from './ccrt-candidates.js';
import { defensiveFunctioning } from './defensive-functioning.js';
import { echoesFrom, featuresOf, shares } from './echoes.js';
import type { Feature, ProfileCounts } from './echoes.js';
import type { PatternState } from './fold.js';
import { citationOf, countByMonth, latestRefs, recordSpan, trendIn } from './observations.js';
import type { RecordSpan, SentenceRef } from './observations.js';
import {
  aliasKeyOf,
  byPresence,
  figureSentencesOf,
  namesOf,
  emptyTally,
  personOfTally,
  tallyEntry,
  resolveAliases,
} from './people-map.js';
import type { FigureSentence, FigureTally, PersonInMap } from './people-map.js';
import { PATTERNS_CAUTION } from './summarise.js';
import type { PatternsSummary, PatternsSummaryOptions } from './summarise.js';
import { sentencesWith, themeGroups, themeHow, themeOf } from './themes.js';
import type { Theme, ThemeGroup } from './themes.js';
import { byTimeline, transferenceMarkerOf } from './transference.js';
import type { TransferenceMarker } from './transference.js';
import type { Citation, EntryAnalysis } from './types.js';

interface MutableProfile {
  figure: string;
  vector: Map<Feature, number>;
  sentences: number;
}

interface KeptTheme {
  theme: Theme;
  dates: string[];
  top: SentenceRef[];
}

export interface SummaryCache {
  key: string | null;
  /** The analyses the cache has taken in, by entry id. */
  seen: Map<string, EntryAnalysis>;
  /** Figure → entry id → that entry's sentences with the figure. */
  figures: Map<string, Map<string, readonly FigureSentence[]>>;
  baseline: Map<Feature, number>;
  past: Map<string, MutableProfile>;
  present: Map<string, MutableProfile>;
  /** Each figure's running tallies, and the people of the last summary. */
  tallies: Map<string, FigureTally>;
  people: PersonInMap[];
  markers: Map<string, TransferenceMarker>;
  candidates: Map<string, PlacedCandidate[]>;
  sortedCandidates: PlacedCandidate[];
  themes: Map<string, KeptTheme>;
  /** Entries shared by two theme terms (seed term, term), kept up to date with the changed entries. */
  sharedEntries: Map<string, { seed: string; term: string; both: number }>;
  /** Echo citations by `citeKey`; a changed figure's are dropped. */
  echoCitations: Map<string, Citation[]>;
}

export function createSummaryCache(): SummaryCache {
  return {
    key: null,
    seen: new Map(),
    figures: new Map(),
    baseline: new Map(),
    past: new Map(),
    present: new Map(),
    tallies: new Map(),
    people: [],
    markers: new Map(),
    candidates: new Map(),
    sortedCandidates: [],
    themes: new Map(),
    echoCitations: new Map(),
    sharedEntries: new Map(),
  };
}

function reset(cache: SummaryCache, key: string): void {
  Object.assign(cache, createSummaryCache(), { key });
}

const bump = <K>(map: Map<K, number>, key: K, by: number) => {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
};

/** Adds (+1) or takes out (−1) one entry's figure sentences, echo profile counts, marker and candidates. */
function apply(
  cache: SummaryCache,
  analysis: EntryAnalysis,
  sign: 1 | -1,
  aliases: ReadonlyMap<string, string>,
  aliasKey: string,
  touched: Set<string>,
  staleTops: Set<string>,
): void {
  const id = analysis.entryId;
  const byFigure = new Map<string, FigureSentence[]>();
  for (const fs of figureSentencesOf(analysis, aliases, aliasKey)) {
    touched.add(fs.figure);
    const list = byFigure.get(fs.figure) ?? [];
    list.push(fs);
    byFigure.set(fs.figure, list);
    const features = featuresOf(fs);
    if (features.length === 0) continue;
    const profiles = fs.past ? cache.past : cache.present;
    let profile = profiles.get(fs.figure);
    if (!profile) {
      profile = { figure: fs.figure, vector: new Map(), sentences: 0 };
      profiles.set(fs.figure, profile);
    }
    profile.sentences += sign;
    for (const f of features) {
      bump(profile.vector, f, sign);
      bump(cache.baseline, f, sign);
    }
    if (profile.sentences === 0) profiles.delete(fs.figure);
  }
  for (const [figure, list] of byFigure) {
    let tally = cache.tallies.get(figure);
    if (!tally) {
      tally = emptyTally(figure);
      cache.tallies.set(figure, tally);
    }
    if (!tallyEntry(tally, list, sign)) staleTops.add(figure);
    let entries = cache.figures.get(figure);
    if (sign === 1) {
      if (!entries) {
        entries = new Map();
        cache.figures.set(figure, entries);
      }
      entries.set(id, list);
    } else if (entries) {
      entries.delete(id);
      if (entries.size === 0) cache.figures.delete(figure);
    }
  }
  if (sign === 1) {
    const marker = transferenceMarkerOf(analysis);
    if (marker) cache.markers.set(id, marker);
    const candidates = entryCandidates(analysis, aliases);
    if (candidates.length > 0) cache.candidates.set(id, candidates);
  } else {
    cache.markers.delete(id);
    cache.candidates.delete(id);
  }
}

/** Keeps the sorted candidates in step: drop the changed entries' old ones, insert their new ones in place. */
function resortCandidates(cache: SummaryCache, changed: ReadonlySet<string>): void {
  if (changed.size === 0) return;
  const kept = cache.sortedCandidates.filter((c) => !changed.has(c.candidate.entryId));
  for (const id of changed) {
    for (const c of cache.candidates.get(id) ?? []) {
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byCandidateOrder(kept[mid]!, c) <= 0) lo = mid + 1;
        else hi = mid;
      }
      kept.splice(lo, 0, c);
    }
  }
  cache.sortedCandidates = kept;
}

const flatten = (entries: ReadonlyMap<string, readonly FigureSentence[]> | undefined): FigureSentence[] => {
  const out: FigureSentence[] = [];
  for (const list of entries?.values() ?? []) for (const fs of list) out.push(fs);
  return out;
};

export function summariseIncrementally<K = string>(
  state: PatternState,
  cache: SummaryCache,
  options: PatternsSummaryOptions<K> = {},
): PatternsSummary<K> {
  const aliases = resolveAliases(state);
  const aliasKey = aliasKeyOf(aliases);
  const key = JSON.stringify([aliasKey, options.themes ?? {}, options.people ?? {}, options.echoes ?? {}]);
  if (cache.key !== key) reset(cache, key);

  // What changed since the cache last saw the state.
  const changedIds = new Set<string>();
  const changedAnalyses: EntryAnalysis[] = [];
  const removedAnalyses: EntryAnalysis[] = [];
  const addedAnalyses: EntryAnalysis[] = [];
  const touched = new Set<string>();
  const staleTops = new Set<string>();
  for (const [id, analysis] of state.analyses) {
    const old = cache.seen.get(id);
    if (old === analysis) continue;
    changedIds.add(id);
    if (old) {
      apply(cache, old, -1, aliases, aliasKey, touched, staleTops);
      changedAnalyses.push(old);
      removedAnalyses.push(old);
    }
    apply(cache, analysis, 1, aliases, aliasKey, touched, staleTops);
    changedAnalyses.push(analysis);
    addedAnalyses.push(analysis);
    cache.seen.set(id, analysis);
  }
  for (const [id, old] of cache.seen) {
    if (state.analyses.has(id)) continue;
    changedIds.add(id);
    apply(cache, old, -1, aliases, aliasKey, touched, staleTops);
    changedAnalyses.push(old);
    removedAnalyses.push(old);
    cache.seen.delete(id);
  }
  resortCandidates(cache, changedIds);

  let firstDate: string | null = null;
  let lastDate: string | null = null;
  const allDates: string[] = [];
  for (const a of state.analyses.values()) {
    allDates.push(a.date);
    if (firstDate === null || a.date < firstDate) firstDate = a.date;
    if (lastDate === null || a.date > lastDate) lastDate = a.date;
  }
  const recordChanged = changedIds.size > 0;
  const span = recordChanged ? recordSpan(allDates) : null;

  // The people map from the figures' running tallies (a tally whose cited sentences were taken out
  // picks its latest sentences again).
  if (recordChanged) {
    const minEntries = options.people?.minEntries ?? 2;
    const people: PersonInMap[] = [];
    for (const [figure, tally] of cache.tallies) {
      if (tally.sentences === 0) {
        cache.tallies.delete(figure);
        continue;
      }
      if (staleTops.has(figure)) tally.top = latestRefs(flatten(cache.figures.get(figure)));
      const person = personOfTally(tally, namesOf(figure, aliases), span!, minEntries);
      if (person) people.push(person);
    }
    cache.people = people.sort(byPresence);
  }
  const people = cache.people;

  // Themes: the grouping afresh; a theme none of whose terms changed keeps its passages.
  const changedTerms = new Set<string>();
  for (const a of changedAnalyses) for (const term of Object.keys(a.terms)) changedTerms.add(term);
  const has = (a: EntryAnalysis, term: string) => Object.hasOwn(a.terms, term);
  if (cache.sharedEntries.size > 50_000) cache.sharedEntries.clear();
  for (const pair of cache.sharedEntries.values()) {
    for (const a of removedAnalyses) if (has(a, pair.seed) && has(a, pair.term)) pair.both--;
    for (const a of addedAnalyses) if (has(a, pair.seed) && has(a, pair.term)) pair.both++;
  }
  const sharedEntries = (seed: string, term: string) => {
    const key = `${seed}\u0000${term}`;
    let pair = cache.sharedEntries.get(key);
    if (!pair) {
      const a = state.termEntries.get(seed)!;
      const b = state.termEntries.get(term)!;
      const [small, large] = a.size <= b.size ? [a, b] : [b, a];
      let both = 0;
      for (const x of small.keys()) if (large.has(x)) both++;
      pair = { seed, term, both };
      cache.sharedEntries.set(key, pair);
    }
    return pair.both;
  };
  const themes: Theme[] = [];
  const nextThemes = new Map<string, KeptTheme>();
  for (const g of themeGroups(state, options.themes, sharedEntries)) {
    const termsKey = g.terms.join('\u0000');
    let made = cache.themes.get(termsKey);
    if (!made) {
      made = themeOf(g, state, allDates);
    } else if (g.terms.some((t) => changedTerms.has(t))) {
      made =
        updatedTheme(made, g, removedAnalyses, addedAnalyses, span!, state.analyses.size) ??
        themeOf(g, state, allDates);
    } else if (recordChanged) {
      const theme = { ...made.theme, trend: trendIn(span!, made.dates) };
      made = { ...made, theme: { ...theme, how: themeHow(theme, state.analyses.size) } };
    }
    nextThemes.set(termsKey, made);
    themes.push(made.theme);
  }
  cache.themes = nextThemes;

  if (touched.size > 0) {
    for (const key of [...cache.echoCitations.keys()]) {
      if (touched.has(key.slice(0, key.indexOf('\u0000')))) cache.echoCitations.delete(key);
    }
  }
  const echoes = echoesFrom(
    cache.past as ReadonlyMap<string, ProfileCounts>,
    cache.present as ReadonlyMap<string, ProfileCounts>,
    shares(cache.baseline),
    options.echoes ?? {},
    (figure, isPast) =>
      flatten(cache.figures.get(figure)).filter(
        (fs) => fs.past === isPast && fs.feelings.length + fs.interactions.length > 0,
      ),
    cache.echoCitations,
  );

  const transference = [...cache.markers.values()].sort(byTimeline);
  const limit = options.ccrtCandidateLimit ?? 50;
  return {
    entries: state.analyses.size,
    firstDate,
    lastDate,
    themes,
    people,
    echoes,
    transference,
    ccrtCandidates: cache.sortedCandidates.slice(0, limit).map((c) => c.candidate),
    ccrtCandidateCount: cache.sortedCandidates.length,
    ccrt: ccrtSummary(options.confirmedEpisodes ?? [], options.ccrt),
    defensiveFunctioning: defensiveFunctioning(options.ratedOccasions ?? []),
    caution: PATTERNS_CAUTION,
  };
}

const insertSorted = (dates: string[], date: string) => {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  dates.splice(lo, 0, date);
};

/**
 * A theme whose terms are unchanged, brought up to date with the entries taken out and put in; null
 * when it cannot be without reading all its entries again (an entry it cites was taken out, or the
 * counts do not agree with the group), and the caller recomputes it.
 */
function updatedTheme(
  made: KeptTheme,
  g: ThemeGroup,
  removed: readonly EntryAnalysis[],
  added: readonly EntryAnalysis[],
  span: RecordSpan,
  total: number,
): KeptTheme | null {
  const dates = [...made.dates];
  let count = made.theme.citationCount;
  for (const old of removed) {
    const sentences = sentencesWith(old, g.terms);
    if (sentences.size === 0) continue;
    if (made.top.some((r) => r.analysis.entryId === old.entryId)) return null;
    const at = dates.indexOf(old.date);
    if (at < 0) return null;
    dates.splice(at, 1);
    count -= sentences.size;
  }
  const top = [...made.top];
  for (const analysis of added) {
    const sentences = sentencesWith(analysis, g.terms);
    if (sentences.size === 0) continue;
    insertSorted(dates, analysis.date);
    count += sentences.size;
    latestRefs(
      [...sentences].map((sentence) => ({ analysis, sentence })),
      undefined,
      top,
    );
  }
  if (dates.length !== g.entries.size) return null;
  const theme: Omit<Theme, 'how'> = {
    ...made.theme,
    entries: dates.length,
    firstSeen: dates[0]!,
    lastSeen: dates[dates.length - 1]!,
    byMonth: countByMonth(dates),
    trend: trendIn(span, dates),
    citations: top.map((r) => citationOf(r.analysis, r.sentence)),
    citationCount: count,
  };
  return { theme: { ...theme, how: themeHow(theme, total) }, dates, top };
}
