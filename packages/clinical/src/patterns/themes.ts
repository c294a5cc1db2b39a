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
import {
  citationOf,
  compareText,
  countByMonth,
  latestRefs,
  monthName,
  plural,
  trendOf,
  trendWords,
} from './observations.js';
import type { SentenceRef } from './observations.js';
import type { Trend } from './observations.js';
import type { Citation, EntryAnalysis } from './types.js';

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

/** How many entries two terms share, when the caller keeps it; counted from the entry sets otherwise. */
export type SharedEntries = (seedTerm: string, term: string) => number;

/** The terms scored and grouped into themes (see the top of this file). */
export function themeGroups(state: PatternState, options: ThemeOptions = {}, shared?: SharedEntries): ThemeGroup[] {
  const minEntries = options.minEntries ?? 3;
  const maxThemes = options.maxThemes ?? 12;
  const maxTerms = options.maxTerms ?? 80;
  const total = state.analyses.size;
  if (total === 0) return [];

  if (maxTerms <= 0) return [];
  // The strongest `maxTerms` terms, kept in order as the terms are scored (no sort of every term).
  const order = (a: { term: string; score: number }, b: { term: string; score: number }) =>
    b.score - a.score || compareText(a.term, b.term);
  const top: { term: string; score: number }[] = [];
  for (const [term, entries] of state.termEntries) {
    const df = entries.size;
    if (df < minEntries) continue;
    const score = df * Math.log((total + 1) / df);
    if (!(score > 0)) continue;
    const scored = { term, score };
    if (top.length === maxTerms && order(scored, top[top.length - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && order(scored, top[at - 1]!) < 0) at--;
    top.splice(at, 0, scored);
    if (top.length > maxTerms) top.pop();
  }

  const groups: ThemeGroup[] = [];
  for (const { term } of top) {
    const entries = state.termEntries.get(term)!;
    const words = term.split(' ');
    const home =
      groups.find((g) => words.length > 1 && g.terms.some((t) => words.includes(t))) ??
      groups.find((g) =>
        shared
          ? jaccardOfCounts(g.seed.size, entries.size, shared(g.terms[0]!, term)) >= 0.4
          : jaccard(g.seed, entries) >= 0.4,
      );
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

/**
 * One theme from its group; `dates` are its entries' dates, sorted, for the trend; `top` the sentences
 * cited, latest first.
 */
export function themeOf(
  g: ThemeGroup,
  state: PatternState,
  allDates: readonly string[],
): { theme: Theme; dates: string[]; top: SentenceRef[] } {
  const dates = [...g.entries].map((id) => state.analyses.get(id)!.date).sort();
  // Each entry's sentences holding any of the theme's terms, counted once.
  const refs: SentenceRef[] = [];
  for (const entryId of g.entries) {
    const analysis = state.analyses.get(entryId)!;
    const sentences = new Set<number>();
    for (const term of g.terms) for (const s of state.termEntries.get(term)!.get(entryId) ?? []) sentences.add(s);
    for (const sentence of sentences) refs.push({ analysis, sentence });
  }
  const top = latestRefs(refs);
  const theme: Omit<Theme, 'how'> = {
    id: g.terms[0]!,
    label: g.terms.slice(0, 3).join(', '),
    terms: g.terms,
    entries: g.entries.size,
    firstSeen: dates[0]!,
    lastSeen: dates[dates.length - 1]!,
    byMonth: countByMonth(dates),
    trend: trendOf(dates, allDates),
    citations: top.map((r) => citationOf(r.analysis, r.sentence)),
    citationCount: refs.length,
  };
  return { theme: { ...theme, how: themeHow(theme, state.analyses.size) }, dates, top };
}

const jaccardOfCounts = (a: number, b: number, both: number) => both / (a + b - both);

export function recurringThemes(state: PatternState, options: ThemeOptions = {}): Theme[] {
  const groups = themeGroups(state, options);
  const allDates = [...state.analyses.values()].map((a) => a.date);
  return groups.map((g) => themeOf(g, state, allDates).theme);
}

/** The sentences of one entry holding any of the terms (each once). */
export function sentencesWith(analysis: EntryAnalysis, terms: readonly string[]): Set<number> {
  const sentences = new Set<number>();
  for (const term of terms) {
    if (Object.hasOwn(analysis.terms, term)) for (const s of analysis.terms[term]!) sentences.add(s);
  }
  return sentences;
}
