/**
 * Shared helpers of the record-level observations: citations, months and the plain-words `how`.
 */
import type { Citation, EntryAnalysis } from './types.js';

/** Citations shown with one observation at most; `citationCount` gives them all. */
export const CITATION_LIMIT = 12;

export function citationOf(analysis: EntryAnalysis, sentence: number): Citation {
  const s = analysis.sentences[sentence] ?? { start: 0, end: 0 };
  return { entryId: analysis.entryId, date: analysis.date, start: s.start, end: s.end };
}

/** Code-unit order (dates, ids and keys are plain ASCII): faster than localeCompare and the same everywhere. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Latest first, then entry id and offset, so the same citations always come out in the same order. */
export function byRecency(a: Citation, b: Citation): number {
  return compareText(b.date, a.date) || compareText(a.entryId, b.entryId) || a.start - b.start;
}

/** Unique citations, latest first, cut to the limit. */
export function pickCitations(citations: Iterable<Citation>, limit = CITATION_LIMIT): Citation[] {
  return topCitations(citations, limit).citations;
}

/** One sentence of one entry, before it is made a citation. */
export interface SentenceRef {
  analysis: EntryAnalysis;
  sentence: number;
}

const refOrder = (x: SentenceRef, y: SentenceRef) =>
  compareText(y.analysis.date, x.analysis.date) ||
  compareText(x.analysis.entryId, y.analysis.entryId) ||
  x.sentence - y.sentence;

/** The latest `limit` of sentences already known to be distinct, as citations, in one pass. */
export function latestCitations(refs: Iterable<SentenceRef>, limit = CITATION_LIMIT): Citation[] {
  return latestRefs(refs, limit).map((r) => citationOf(r.analysis, r.sentence));
}

/** The latest `limit` of sentences already known to be distinct, latest first; `top` (already so) is added to. */
export function latestRefs(
  refs: Iterable<SentenceRef>,
  limit = CITATION_LIMIT,
  top: SentenceRef[] = [],
): SentenceRef[] {
  for (const r of refs) {
    if (top.length === limit && refOrder(r, top[top.length - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && refOrder(r, top[at - 1]!) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * The latest `limit` unique citations and how many unique citations there are, without sorting them
 * all (a theme of a ten-year record can have thousands).
 */
export function topCitations(
  citations: Iterable<Citation>,
  limit = CITATION_LIMIT,
): { citations: Citation[]; count: number } {
  const seen = new Set<string>();
  const top: Citation[] = [];
  for (const c of citations) {
    const key = `${c.entryId}:${c.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (top.length === limit && byRecency(c, top[top.length - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && byRecency(c, top[at - 1]!) < 0) at--;
    top.splice(at, 0, c);
    if (top.length > limit) top.pop();
  }
  return { citations: top, count: seen.size };
}

export const monthOf = (date: string) => date.slice(0, 7);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "March 2024" from "2024-03-…". */
export function monthName(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${MONTHS[month - 1] ?? date.slice(5, 7)} ${date.slice(0, 4)}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Count per month (YYYY-MM), months in order. */
export function countByMonth(dates: Iterable<string>): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(monthOf(d), (counts.get(monthOf(d)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareText(a, b)).map(([month, count]) => ({ month, count }));
}

export type Trend = 'rising' | 'fading' | 'steady' | 'too-few';

/**
 * Rising or fading: the share of entries that show something in the latest third of the record's
 * time span against the share in the earlier two thirds. Rising when the recent share is at least
 * 1.5 times the earlier one, fading when at most half; fewer than 4 entries showing it: too few.
 */
export function trendOf(showing: readonly string[], allDates: readonly string[]): Trend {
  return trendIn(recordSpan(allDates), showing);
}

/** What the trend needs of the whole record, computed once for every trend of one summary. */
export interface RecordSpan {
  /** The date after which an entry is recent (the latest third of the span); null when there is no span. */
  cut: string | null;
  allRecent: number;
  allEarlier: number;
  empty: boolean;
}

export function recordSpan(allDates: readonly string[]): RecordSpan {
  if (allDates.length === 0) return { cut: null, allRecent: 0, allEarlier: 0, empty: true };
  let min = allDates[0]!;
  let max = min;
  for (const d of allDates) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const first = Date.parse(min);
  const last = Date.parse(max);
  if (!(last > first)) return { cut: null, allRecent: 0, allEarlier: 0, empty: false };
  const cut = new Date(first + ((last - first) * 2) / 3).toISOString().slice(0, 10);
  let allRecent = 0;
  for (const d of allDates) if (d > cut) allRecent++;
  return { cut, allRecent, allEarlier: allDates.length - allRecent, empty: false };
}

/** `trendOf` with the record's span computed beforehand. */
export function trendIn(span: RecordSpan, showing: readonly string[]): Trend {
  if (showing.length < 4 || span.empty) return 'too-few';
  if (span.cut === null) return 'steady';
  const cut = span.cut;
  let showRecent = 0;
  for (const d of showing) if (d > cut) showRecent++;
  const showEarlier = showing.length - showRecent;
  if (span.allRecent === 0 || span.allEarlier === 0) return 'steady';
  const recentShare = showRecent / span.allRecent;
  const earlierShare = showEarlier / span.allEarlier;
  if (earlierShare === 0) return showRecent >= 2 ? 'rising' : 'steady';
  if (recentShare >= 1.5 * earlierShare) return 'rising';
  if (recentShare <= 0.5 * earlierShare) return 'fading';
  return 'steady';
}

export function trendWords(trend: Trend): string {
  switch (trend) {
    case 'rising':
      return 'more often lately';
    case 'fading':
      return 'less often lately';
    case 'steady':
      return 'about as often lately as before';
    case 'too-few':
      return 'too few entries to say whether it is rising or fading';
  }
}
