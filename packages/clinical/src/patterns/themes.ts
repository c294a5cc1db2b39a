/**
 * Recurring themes: words and two-word phrases that recur in a client's material but are not
 * everywhere in it, grouped when they tend to turn up in the same entries, and tracked over time.
 *
 * How: a word on the general background list (`lexicon/background.ts`) is never a theme. Every other
 * content word or phrase scores entries × log(all entries / entries) — frequent across entries,
 * penalised when it is in nearly all of them (the client's own baseline). Terms in at least
 * `minEntries` entries are taken in score order and join the first theme whose entries they share
 * by at least 40% (Jaccard), or start a new theme.
 */
import type { PatternState } from './fold.js';
import { compareText, countByMonth, latestCitations, monthName, plural, trendOf, trendWords } from './observations.js';
import type { SentenceRef } from './observations.js';
import type { Trend } from './observations.js';
import type { Citation } from './types.js';

export interface Theme {
  /** The theme's leading term, e.g. "work"; stable while the leading term stays first. */
  id: string;
  label: string;
  /** Terms grouped in the theme, strongest first. */
  terms: string[];
  entries: number;
  firstSeen: string;
  lastSeen: string;
  byMonth: { month: string; count: number }[];
  trend: Trend;
  citations: Citation[];
  citationCount: number;
  how: string;
}

export interface ThemeOptions {
  /** Fewest entries a term must be in; default 3. */
  minEntries?: number;
  /** Most themes returned; default 12. */
  maxThemes?: number;
  /** Most terms considered, strongest first; default 80. */
  maxTerms?: number;
}

const jaccard = (
  a: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  b: ReadonlySet<string> | ReadonlyMap<string, unknown>,
) => {
  let both = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small.keys()) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
};

/** A theme being formed: its terms, strongest first, and the entries they are in. */
export interface ThemeGroup {
  terms: string[];
  entries: Set<string>;
  seed: ReadonlyMap<string, unknown>;
}

/** The terms scored and grouped into themes (see the top of this file). */
export function themeGroups(state: PatternState, options: ThemeOptions = {}): ThemeGroup[] {
  const minEntries = options.minEntries ?? 3;
  const maxThemes = options.maxThemes ?? 12;
  const maxTerms = options.maxTerms ?? 80;
  const total = state.analyses.size;
  if (total === 0) return [];

  const scored: { term: string; df: number; score: number }[] = [];
  for (const [term, entries] of state.termEntries) {
    const df = entries.size;
    if (df < minEntries) continue;
    const score = df * Math.log((total + 1) / df);
    if (score > 0) scored.push({ term, df, score });
  }
  scored.sort((a, b) => b.score - a.score || compareText(a.term, b.term));

  const groups: ThemeGroup[] = [];
  for (const { term } of scored.slice(0, maxTerms)) {
    const entries = state.termEntries.get(term)!;
    const words = term.split(' ');
    const home =
      groups.find((g) => words.length > 1 && g.terms.some((t) => words.includes(t))) ??
      groups.find((g) => jaccard(g.seed, entries) >= 0.4);
    if (home) {
      home.terms.push(term);
      for (const e of entries.keys()) home.entries.add(e);
    } else if (groups.length < maxThemes) {
      groups.push({ terms: [term], entries: new Set(entries.keys()), seed: entries });
    }
  }
  return groups;
}

/** The plain-words `how` of a theme among `total` entries. */
export function themeHow(theme: Omit<Theme, 'how'>, total: number): string {
  return (
    `"${theme.label}" comes up in ${plural(theme.entries, 'entry', 'entries')} of ${total} since ${monthName(theme.firstSeen)}, ` +
    `last in ${monthName(theme.lastSeen)}; ${trendWords(theme.trend)}. Found by counting words that recur ` +
    `across entries but are not in most of them, grouped when they turn up in the same entries.`
  );
}

/** One theme from its group; `dates` are its entries' dates, sorted, for the trend. */
export function themeOf(
  g: ThemeGroup,
  state: PatternState,
  allDates: readonly string[],
): { theme: Theme; dates: string[] } {
  const dates = [...g.entries].map((id) => state.analyses.get(id)!.date).sort();
  // Each entry's sentences holding any of the theme's terms, counted once.
  const refs: SentenceRef[] = [];
  for (const entryId of g.entries) {
    const analysis = state.analyses.get(entryId)!;
    const sentences = new Set<number>();
    for (const term of g.terms) for (const s of state.termEntries.get(term)!.get(entryId) ?? []) sentences.add(s);
    for (const sentence of sentences) refs.push({ analysis, sentence });
  }
  const theme: Omit<Theme, 'how'> = {
    id: g.terms[0]!,
    label: g.terms.slice(0, 3).join(', '),
    terms: g.terms,
    entries: g.entries.size,
    firstSeen: dates[0]!,
    lastSeen: dates[dates.length - 1]!,
    byMonth: countByMonth(dates),
    trend: trendOf(dates, allDates),
    citations: latestCitations(refs),
    citationCount: refs.length,
  };
  return { theme: { ...theme, how: themeHow(theme, state.analyses.size) }, dates };
}

export function recurringThemes(state: PatternState, options: ThemeOptions = {}): Theme[] {
  const groups = themeGroups(state, options);
  const allDates = [...state.analyses.values()].map((a) => a.date);
  return groups.map((g) => themeOf(g, state, allDates).theme);
}
