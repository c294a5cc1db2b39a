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

/** Latest first, then entry id and offset, so the same citations always come out in the same order. */
export function byRecency(a: Citation, b: Citation): number {
  return b.date.localeCompare(a.date) || a.entryId.localeCompare(b.entryId) || a.start - b.start;
}

/** Unique citations, latest first, cut to the limit. */
export function pickCitations(citations: readonly Citation[], limit = CITATION_LIMIT): Citation[] {
  const seen = new Set<string>();
  const unique: Citation[] = [];
  for (const c of [...citations].sort(byRecency)) {
    const key = `${c.entryId}:${c.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(c);
  }
  return unique.slice(0, limit);
}

export const monthOf = (date: string) => date.slice(0, 7);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}

export type Trend = 'rising' | 'fading' | 'steady' | 'too-few';

/**
 * Rising or fading: the share of entries that show something in the latest third of the record's
 * time span against the share in the earlier two thirds. Rising when the recent share is at least
 * 1.5 times the earlier one, fading when at most half; fewer than 4 entries showing it: too few.
 */
export function trendOf(showing: readonly string[], allDates: readonly string[]): Trend {
  if (showing.length < 4 || allDates.length === 0) return 'too-few';
  const sorted = [...allDates].sort();
  const first = Date.parse(sorted[0]!);
  const last = Date.parse(sorted[sorted.length - 1]!);
  if (!(last > first)) return 'steady';
  const cut = first + ((last - first) * 2) / 3;
  const recent = (d: string) => Date.parse(d) > cut;
  const allRecent = allDates.filter(recent).length;
  const allEarlier = allDates.length - allRecent;
  const showRecent = showing.filter(recent).length;
  const showEarlier = showing.length - showRecent;
  if (allRecent === 0 || allEarlier === 0) return 'steady';
  const recentShare = showRecent / allRecent;
  const earlierShare = showEarlier / allEarlier;
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
